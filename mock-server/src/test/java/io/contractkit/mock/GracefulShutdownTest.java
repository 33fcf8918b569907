package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mock as a real process ({@code java io.contractkit.mock.Main}): on SIGTERM it refuses new
 * connections, lets a request in flight finish, writes its request log line, and exits with 0; a
 * request that does not finish within {@code --stop-timeout} is cut off and the process still exits
 * with 0. Nothing sleeps: the test waits for the lines the mock prints and for the process to end,
 * each with a time limit.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow") // left out of mutation analysis: see the "slow" group in the root pom.xml
class GracefulShutdownTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+) ");
  private static final String BODY =
      "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"808080\"}";

  private Process process;
  private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  @AfterEach
  void killWhatIsLeft() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void onSigtermARequestInFlightIsAnsweredNewConnectionsAreRefusedAndTheExitCodeIsZero()
      throws Exception {
    int port = startMock("--stop-timeout", "60s");

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      int half = body.length / 2;
      // The mock answers "100 Continue" once its handler reads the body: then it is in flight.
      out.write(headers(body.length).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(readHead(in)).startsWith("HTTP/1.1 100");
      out.write(body, 0, half);
      out.flush();

      sigterm();
      awaitLine(line -> line.startsWith("mock-server stopping"));

      // "stopping" is printed as the stop begins; the listening socket closes right after it.
      assertThat(refusesConnectionsWithin(port, WAIT))
          .as("a new connection while stopping")
          .isTrue();
      out.write(body, half, body.length - half);
      out.flush();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 201 ").contains("\"authToken\":\"808080\"");
    }
    assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("process ended").isTrue();
    assertThat(process.exitValue()).as("exit code; output: %s", seen).isZero();
    awaitLine(line -> line.equals("mock-server stopped"));
    // The request log is written off the request thread; the stop writes what is still queued.
    awaitLine(line -> line.contains(" INFO requests - POST /__admin/authtokens 201 "));
  }

  /** Whether a connection to {@code port} is refused before {@code wait} has passed. */
  private static boolean refusesConnectionsWithin(int port, Duration wait) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        Thread.onSpinWait();
      } catch (ConnectException refused) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aRequestThatDoesNotFinishWithinTheStopTimeoutIsCutOffAndTheExitCodeIsStillZero()
      throws Exception {
    int port = startMock("--stop-timeout", "500ms");

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(headers(BODY.length()).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(readHead(in)).startsWith("HTTP/1.1 100");

      sigterm(); // the rest of the body never comes

      assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("process ended").isTrue();
      assertThat(process.exitValue()).as("exit code; output: %s", seen).isZero();
      awaitLine(line -> line.startsWith("mock-server stopped: requests still in flight"));
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .doesNotStartWith("HTTP/1.1 2");
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  /**
   * Starts the mock on a free port, as {@code java -jar} would, and returns the port it printed.
   */
  private int startMock(String... flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("--port");
    command.add("0");
    command.addAll(List.of(flags));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("MOCK_ADMIN_TOKEN");
    process = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "mock-output");
    reader.setDaemon(true);
    reader.start();
    Matcher listening = LISTENING.matcher(awaitLine(line -> LISTENING.matcher(line).find()));
    assertThat(listening.find()).isTrue();
    return Integer.parseInt(listening.group(1));
  }

  /**
   * Sends SIGTERM. (Not {@code Process.destroy()}: it also closes the pipes to the process, and
   * with them what the mock prints while it stops.)
   */
  private void sigterm() {
    assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
  }

  /** The next line of the mock's output that matches, waiting at most {@link #WAIT} in all. */
  private String awaitLine(Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (String line : seen) {
      if (wanted.test(line)) {
        return line;
      }
    }
    while (true) {
      String line = output.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("the mock did not print the expected line; it printed: " + seen);
      }
      seen.add(line);
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  private static String headers(int contentLength) {
    return "POST /__admin/authtokens HTTP/1.1\r\n"
        + "Host: localhost\r\n"
        + "Content-Type: application/json\r\n"
        + "Expect: 100-continue\r\n"
        + "Content-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  /** Reads one response head, up to and including the empty line. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
