package io.contractkit.mock.store.redis;

import io.contractkit.mock.concurrent.Futures;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.store.StoreConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection of a mock to its Redis (Lettuce's connection is thread-safe and pipelines the
 * calls of every request thread), with the Lua scripts of the stores loaded once and called by
 * their SHA. Every call is bounded by the store timeout; a call that fails because Redis cannot be
 * reached throws {@link ApiProblem#stateStoreUnavailable()} (503), and the connection reconnects by
 * itself, so the mock answers again as soon as Redis is back.
 *
 * <p>The API's hot paths call {@link #runAsync}: the request thread sends the script and is free;
 * the answer completes on Lettuce's event loop, which then writes the HTTP answer. Measured, this
 * gave a replica about 11 % more throughput than a request thread that waits (bench/README.md).
 * Whatever runs after such an answer must never wait for Redis itself: it would wait on the thread
 * that has to read the answer.
 */
public final class RedisStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);

  /**
   * Added to every key's time to live. Keys expire on Redis's clock, validity is decided on the
   * mock's (which tests may freeze or move): the margin keeps a key at least this long after it
   * stopped mattering on a clock that runs at real speed.
   */
  public static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);

  private static final int SCAN_BATCH = 1000;

  /** The mock cannot start: Redis cannot be reached, or refused the connection. */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message) {
      super(message, null, false, false);
    }
  }

  /** A Lua script, loaded once per connection and called by its SHA. */
  static final class Script {
    private final String source;
    private volatile String sha;

    Script(String source) {
      this.source = source;
    }
  }

  private final String prefix;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> commands;
  private final RedisAsyncCommands<String, String> async;
  private final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();

  private RedisStore(
      String prefix,
      ClientResources resources,
      RedisClient client,
      StatefulRedisConnection<String, String> connection) {
    this.prefix = prefix;
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    this.commands = connection.sync();
    this.async = connection.async();
  }

  /**
   * Connects to the Redis of {@code config}, and checks it answers.
   *
   * @throws Unreachable naming the URL (never the password) when it cannot
   */
  public static RedisStore connect(StoreConfig config) {
    RedisURI uri = RedisURI.create(config.url());
    if (config.password() != null) {
      uri.setAuthentication(config.password().toCharArray());
    }
    uri.setTimeout(config.timeout());
    ClientResources resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(20),
                    Duration.ofSeconds(1),
                    2,
                    java.util.concurrent.TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // while disconnected, calls fail at once (503) rather than wait in a queue
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(config.timeout()).build())
            .timeoutOptions(TimeoutOptions.enabled(config.timeout()))
            .build());
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      connection.sync().ping();
      return new RedisStore(config.prefix(), resources, client, connection);
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      resources.shutdown();
      throw new Unreachable(
          "state store "
              + StoreConfig.withoutPassword(config.url())
              + " cannot be reached: "
              + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** {@code prefix:part}: every key of this mock starts with its prefix. */
  String key(String part) {
    return prefix + ":" + part;
  }

  /** Runs {@code call}; a Redis that cannot be reached (or fails) is a 503. */
  <T> T call(Function<RedisCommands<String, String>, T> call) {
    try {
      return call.apply(commands);
    } catch (RedisException e) {
      LOG.warn("state store call failed: {}", rootMessage(e));
      throw ApiProblem.stateStoreUnavailable();
    }
  }

  /**
   * Runs the script without a log line of its own: a Redis that cannot be reached (or fails) throws
   * {@link RedisException}, for a caller that logs once per outage.
   */
  <T> T runQuietly(Script script, ScriptOutputType type, String[] keys, String... args) {
    return Futures.join(evalsha(script, type, keys, args));
  }

  /**
   * Runs {@code call} without a log line of its own: a Redis that cannot be reached (or fails)
   * throws {@link RedisException}.
   */
  <T> T callQuietly(Function<RedisCommands<String, String>, T> call) {
    return call.apply(commands);
  }

  /** Runs {@code call} for its effect; a Redis that cannot be reached (or fails) is a 503. */
  void execute(Consumer<RedisCommands<String, String>> call) {
    call(
        c -> {
          call.accept(c);
          return null;
        });
  }

  /** Runs the script (by its SHA, loading it when Redis does not know it, after a restart). */
  <T> T run(Script script, ScriptOutputType type, String[] keys, String... args) {
    return Futures.join(runAsync(script, type, keys, args));
  }

  /**
   * Runs the script as {@link #run} does, without waiting: the future completes on Lettuce's event
   * loop (bounded by the store timeout), or fails with {@link ApiProblem#stateStoreUnavailable()}.
   */
  <T> CompletableFuture<T> runAsync(
      Script script, ScriptOutputType type, String[] keys, String... args) {
    return this.<T>evalsha(script, type, keys, args)
        .exceptionally(
            e -> {
              LOG.warn("state store call failed: {}", rootMessage(e));
              throw ApiProblem.stateStoreUnavailable();
            });
  }

  /**
   * The script by its SHA; loaded (again) first when Redis does not know it, after a restart.
   * Lettuce fails a command it cannot send (not connected, closed) through its future; it does not
   * throw.
   */
  private <T> CompletableFuture<T> evalsha(
      Script script, ScriptOutputType type, String[] keys, String... args) {
    String sha = script.sha;
    if (sha == null) {
      return loadAndRun(script, type, keys, args);
    }
    return async
        .<T>evalsha(sha, type, keys, args)
        .toCompletableFuture()
        .exceptionallyCompose(
            e ->
                Futures.cause(e) instanceof RedisNoScriptException
                    ? loadAndRun(script, type, keys, args)
                    : CompletableFuture.failedFuture(e));
  }

  private <T> CompletableFuture<T> loadAndRun(
      Script script, ScriptOutputType type, String[] keys, String... args) {
    return async
        .scriptLoad(script.source)
        .toCompletableFuture()
        .thenCompose(
            sha -> {
              script.sha = sha;
              return async.<T>evalsha(sha, type, keys, args).toCompletableFuture();
            });
  }

  /** Every key of this mock that starts with {@code prefix:part} (part free of glob characters). */
  List<String> keys(String part) {
    return call(
        c -> {
          List<String> found = new ArrayList<>();
          ScanArgs match = ScanArgs.Builder.matches(key(part) + "*").limit(SCAN_BATCH);
          KeyScanCursor<String> cursor = c.scan(match);
          found.addAll(cursor.getKeys());
          while (!cursor.isFinished()) {
            cursor = c.scan(ScanCursor.of(cursor.getCursor()), match);
            found.addAll(cursor.getKeys());
          }
          return found;
        });
  }

  /** Deletes every key that starts with {@code prefix:part}. */
  void deleteAll(String part) {
    List<String> found = keys(part);
    for (int from = 0; from < found.size(); from += SCAN_BATCH) {
      List<String> batch = found.subList(from, Math.min(found.size(), from + SCAN_BATCH));
      execute(c -> c.unlink(batch.toArray(String[]::new)));
    }
  }

  /**
   * A second connection, for pub/sub (a subscribed connection takes no other command); it
   * reconnects and subscribes again by itself.
   */
  StatefulRedisPubSubConnection<String, String> connectPubSub() {
    try {
      return client.connectPubSub();
    } catch (RedisException e) {
      LOG.warn("state store call failed: {}", rootMessage(e));
      throw ApiProblem.stateStoreUnavailable();
    }
  }

  /** Closes {@code dependent} (which uses this connection) when this closes, before it. */
  void closeFirst(AutoCloseable dependent) {
    closeFirst.add(dependent);
  }

  @Override
  public void close() {
    for (AutoCloseable dependent : closeFirst) {
      try {
        dependent.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", dependent, e.toString());
      }
    }
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    resources.shutdown();
  }
}
