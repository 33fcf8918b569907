package io.contractkit.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Start-up time to the first answer, and resident memory when idle: starts COMMAND, polls URL every
 * 2 ms until it answers 200, reads the CPU time the process has used so far (user + system, all
 * threads: steadier than the wall time on a busy machine), waits IDLE_SECONDS, reads VmRSS from
 * /proc, stops the process. The CPU time assumes 100 clock ticks a second ({@code getconf CLK_TCK};
 * system property {@code clk.tck} otherwise).
 *
 * <p>Usage: {@code java -cp bare-javalin.jar io.contractkit.bench.Startup URL IDLE_SECONDS LOG
 * COMMAND...}. Prints "startup_ms=N startup_cpu_ms=N rss_idle_kb=N".
 */
public final class Startup {
  private Startup() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    int idleSeconds = Integer.parseInt(args[1]);
    File log = new File(args[2]);
    String[] command = Arrays.copyOfRange(args, 3, args.length);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(200))
            .build();
    HttpRequest get = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < 20; i++) { // warm the client up on the not-yet-listening port
      poll(http, get);
    }
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
            .start();
    long elapsedMs = -1;
    long cpuMs = -1;
    try {
      while (System.nanoTime() - start < 120_000_000_000L && p.isAlive()) {
        if (poll(http, get) == 200) {
          elapsedMs = (System.nanoTime() - start) / 1_000_000;
          cpuMs = cpuMs(p.pid());
          break;
        }
        Thread.sleep(2);
      }
      if (elapsedMs < 0) {
        throw new IllegalStateException("no 200 from " + url + "; see " + log);
      }
      Thread.sleep(idleSeconds * 1000L);
      long rss = rssKb(p.pid());
      System.out.printf("startup_ms=%d startup_cpu_ms=%d rss_idle_kb=%d%n", elapsedMs, cpuMs, rss);
    } finally {
      p.destroy();
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static int poll(HttpClient http, HttpRequest get) {
    try {
      return http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  /** User + system CPU time of the process (all its threads), from /proc/PID/stat. */
  static long cpuMs(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    return ticks * 1000 / Long.getLong("clk.tck", 100);
  }

  static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
