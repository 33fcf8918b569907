package io.contractkit.mock.support;

import io.contractkit.mock.store.StoreConfig;
import io.contractkit.mock.store.redis.RedisStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for a test class: Debian's {@code /usr/bin/redis-server} on a free loopback port, no
 * persistence, started before the class's tests and stopped after them (tests may stop and start it
 * in between, on the same port). Never skips: without redis-server the class fails.
 *
 * <pre>
 * &#64;RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();
 * </pre>
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
  private static final String SERVER = "/usr/bin/redis-server";
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private final List<RedisStore> stores = new ArrayList<>();
  private int port;
  private Process process;
  private Path dir;

  /** Nested test classes inherit the extension: the outermost class starts and stops it. */
  private int depth;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (depth++ > 0) {
      return;
    }
    dir = Files.createTempDirectory("redis-test");
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (--depth > 0) {
      return;
    }
    synchronized (stores) {
      stores.forEach(RedisStore::close);
      stores.clear();
    }
    stop();
  }

  /** Starts the server (again) on its port, and waits until it accepts connections. */
  public synchronized void start() throws IOException, InterruptedException {
    if (process != null) {
      return;
    }
    process =
        new ProcessBuilder(
                SERVER,
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
        }
        Thread.onSpinWait();
      }
    }
  }

  /** Stops the server at once (its data is gone: no persistence). */
  public synchronized void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    process = null;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** A store config on this server with a prefix no other test uses. */
  public StoreConfig freshConfig() {
    return new StoreConfig(url(), "t" + PREFIXES.incrementAndGet(), Duration.ofSeconds(2), null);
  }

  /** A connection with a prefix of its own, closed after the class. */
  public RedisStore freshStore() {
    RedisStore store = RedisStore.connect(freshConfig());
    synchronized (stores) {
      stores.add(store);
    }
    return store;
  }

  /** Runs redis-cli against this server, and returns its output. */
  public String cli(String... args) {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
    command.addAll(List.of(args));
    try {
      Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(cli.getInputStream().readAllBytes());
      cli.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
