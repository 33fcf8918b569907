package io.contractkit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a pool of fresh one-time authTokens for the LMS workload and, unless BASE_URL is {@code
 * -}, mints each of them on the mock through {@code POST /__admin/authtokens} (with the code given,
 * ttl one hour). Token n of the run is lead n mod L with code 1 + n div L (six digits, never {@code
 * 000000}); seeded codes are skipped, so a pool never collides with the fixtures, and successive
 * pools of one run (OFFSET) never overlap.
 *
 * <p>Usage: {@code java -cp bare-javalin.jar io.contractkit.bench.Mint BASE_URL DATA_DIR OFFSET
 * COUNT POOL_FILE}. Prints "minted=N conflicts=N failures=N seconds=S".
 */
public final class Mint {
  private Mint() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path data = Path.of(args[1]);
    long offset = Long.parseLong(args[2]);
    int count = Integer.parseInt(args[3]);
    Path poolFile = Path.of(args[4]);
    List<String> leads = Files.readAllLines(data.resolve("leads.txt"));
    Set<String> seeded = new HashSet<>(Files.readAllLines(data.resolve("seeded.txt")));
    List<String> pool = new ArrayList<>(count);
    for (long n = offset; pool.size() < count; n++) {
      String lead = leads.get((int) (n % leads.size()));
      long code = 1 + (n / leads.size()) % 999_999;
      String token = lead + " " + String.format("%06d", code);
      if (!seeded.contains(token)) {
        pool.add(token);
      }
    }
    long start = System.nanoTime();
    AtomicInteger conflicts = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<String> minted = pool;
    if (!base.equals("-")) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      Semaphore inFlight = new Semaphore(32);
      String[] result = new String[pool.size()];
      List<CompletableFuture<?>> all = new ArrayList<>();
      for (int i = 0; i < pool.size(); i++) {
        int idx = i;
        String[] parts = pool.get(i).split(" ");
        HttpRequest req =
            HttpRequest.newBuilder(URI.create(base + "/__admin/authtokens"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"accessToken\":\""
                            + parts[0]
                            + "\",\"code\":\""
                            + parts[1]
                            + "\",\"ttlSeconds\":3600}"))
                .build();
        inFlight.acquire();
        all.add(
            http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                .whenComplete(
                    (resp, err) -> {
                      inFlight.release();
                      if (err == null && resp.statusCode() == 201) {
                        result[idx] = pool.get(idx);
                      } else if (err == null && resp.statusCode() == 409) {
                        conflicts.incrementAndGet();
                      } else {
                        failures.incrementAndGet();
                      }
                    }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null)
          .join();
      minted = new ArrayList<>();
      for (String t : result) {
        if (t != null) {
          minted.add(t);
        }
      }
    }
    Files.write(poolFile, minted);
    System.out.printf(
        "minted=%d conflicts=%d failures=%d seconds=%.1f%n",
        minted.size(), conflicts.get(), failures.get(), (System.nanoTime() - start) / 1e9);
  }
}
