package io.contractkit.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a pool of fresh one-time authTokens for the LMS workload, one "accessToken code" a line,
 * and, when PORT is given, resets the mock at 127.0.0.1:PORT ({@code POST /__admin/reset}: its
 * token store then holds only the seeded tokens) and mints each token through {@code POST
 * /__admin/authtokens} (code given, ttl one hour; 8 keep-alive connections, plain sockets, so the
 * minting costs the client little); the pool file then holds only the tokens answered 201. The mock
 * holds at most {@value #MOCK_TOKEN_BOUND} issued tokens, so a larger COUNT is capped there (and
 * said so). Token n of the run is lead n mod L with code 1 + n div L (six digits, never {@code
 * 000000}, the benchmark's all-null token); seeded codes are skipped, so a pool never collides with
 * the fixtures, and successive pools of one run (OFFSET) never overlap.
 *
 * <p>Usage: {@code java -cp bare-javalin.jar io.contractkit.bench.Pool DATA_DIR OFFSET COUNT
 * POOL_FILE [PORT]}. Prints "minted=N failed=N seconds=S".
 */
public final class Pool {
  /** The mock's bound on issued authTokens ({@code InMemoryAuthTokenStore.MAX_ISSUED_TOKENS}). */
  static final int MOCK_TOKEN_BOUND = 100_000;

  private Pool() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    long offset = Long.parseLong(args[1]);
    int count = Integer.parseInt(args[2]);
    Path poolFile = Path.of(args[3]);
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
    if (args.length < 5) {
      Files.write(poolFile, pool);
      return;
    }
    int port = Integer.parseInt(args[4]);
    if (pool.size() > MOCK_TOKEN_BOUND) {
      System.out.printf(
          "pool capped from %d to the mock's bound of %d issued tokens%n",
          pool.size(), MOCK_TOKEN_BOUND);
      pool.subList(MOCK_TOKEN_BOUND, pool.size()).clear();
    }
    try (Socket socket = new Socket("127.0.0.1", port)) {
      int status =
          send(
              socket.getOutputStream(),
              new BufferedInputStream(socket.getInputStream()),
              "/__admin/reset",
              new byte[0]);
      if (status != 204) {
        throw new IllegalStateException("POST /__admin/reset answered " + status);
      }
    }
    long start = System.nanoTime();
    String[] minted = new String[pool.size()];
    AtomicInteger failed = new AtomicInteger();
    int connections = 8;
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      int first = w;
      Thread t =
          new Thread(
              () -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                  socket.setTcpNoDelay(true);
                  OutputStream out = socket.getOutputStream();
                  InputStream in = new BufferedInputStream(socket.getInputStream());
                  for (int i = first; i < pool.size(); i += connections) {
                    String[] parts = pool.get(i).split(" ");
                    byte[] body =
                        ("{\"accessToken\":\""
                                + parts[0]
                                + "\",\"code\":\""
                                + parts[1]
                                + "\",\"ttlSeconds\":3600}")
                            .getBytes(StandardCharsets.UTF_8);
                    if (send(out, in, "/__admin/authtokens", body) == 201) {
                      minted[i] = pool.get(i);
                    } else {
                      failed.incrementAndGet();
                    }
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    List<String> ok = new ArrayList<>(pool.size());
    for (String m : minted) {
      if (m != null) {
        ok.add(m);
      }
    }
    Files.write(poolFile, ok);
    System.out.printf(
        "minted=%d failed=%d seconds=%.1f%n",
        ok.size(),
        failed.get() + (pool.size() - ok.size() - failed.get()),
        (System.nanoTime() - start) / 1e9);
  }

  /** Sends one POST with a JSON body on a keep-alive connection and returns the answer's status. */
  private static int send(OutputStream out, InputStream in, String path, byte[] body)
      throws IOException {
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return readStatus(in);
  }

  /** Reads one response (status line, headers, Content-Length body) and returns its status. */
  private static int readStatus(InputStream in) throws IOException {
    int status = -1;
    int length = 0;
    boolean firstLine = true;
    while (true) {
      String line = readLine(in);
      if (line.isEmpty()) {
        break;
      }
      if (firstLine) {
        status = Integer.parseInt(line.split(" ")[1]);
        firstLine = false;
      } else if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
    return status;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
