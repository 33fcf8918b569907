package io.contractkit.mock.store.redis;

import io.contractkit.mock.http.ApiProblem;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SharedSnapshot}s of one mock and their one subscription: a second connection
 * subscribed to {@code prefix:changes}, whose messages ({@code NAME VERSION JSON}) replace the
 * local copies. Messages are applied one at a time, in order, on a thread of their own (never on
 * Lettuce's I/O thread, which the stores' calls need). After every subscription -- the first, and
 * each one after a reconnect -- every snapshot is read again, so a message missed while Redis was
 * away is made up for.
 */
public final class SharedSnapshots implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedSnapshots.class);

  private final RedisStore redis;
  private final String channel;
  private final Map<String, SharedSnapshot<?>> byName = new ConcurrentHashMap<>();

  /** How long to wait before reading the snapshots again when Redis could not be reached. */
  static final Duration RETRY = Duration.ofMillis(200);

  private final ScheduledExecutorService applier =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "shared-snapshots");
            thread.setDaemon(true);
            return thread;
          });
  private final StatefulRedisPubSubConnection<String, String> subscription;

  public SharedSnapshots(RedisStore redis) {
    this.redis = redis;
    this.channel = redis.key("changes");
    this.subscription = redis.connectPubSub();
    subscription.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String from, String message) {
            applier.execute(() -> received(message));
          }

          @Override
          public void subscribed(String to, long count) {
            applier.execute(SharedSnapshots.this::reloadAll);
          }
        });
    redis.closeFirst(this);
    redis.execute(c -> subscription.sync().subscribe(channel));
  }

  /**
   * The snapshot {@code name}, read from Redis now.
   *
   * @param fields the fields of its hash a change creates and drops beside the value
   */
  public <T> SharedSnapshot<T> snapshot(
      String name,
      SharedSnapshot.Codec<T> codec,
      T initial,
      BiFunction<T, T, SharedSnapshot.Fields> fields) {
    SharedSnapshot<T> snapshot = new SharedSnapshot<>(redis, name, channel, codec, initial, fields);
    snapshot.reload();
    byName.put(name, snapshot);
    return snapshot;
  }

  /** A snapshot that owns no fields beside its value. */
  public <T> SharedSnapshot<T> snapshot(String name, SharedSnapshot.Codec<T> codec, T initial) {
    return snapshot(name, codec, initial, SharedSnapshot.noFields());
  }

  private void received(String message) {
    int first = message.indexOf(' ');
    int second = message.indexOf(' ', first + 1);
    SharedSnapshot<?> snapshot = byName.get(message.substring(0, first));
    if (snapshot == null) {
      return; // a snapshot this mock does not hold
    }
    try {
      snapshot.received(
          Long.parseLong(message.substring(first + 1, second)), message.substring(second + 1));
    } catch (RuntimeException e) {
      LOG.warn("shared state change not applied: {}", e.toString());
    }
  }

  /**
   * Reads every snapshot again; when Redis cannot be reached (the subscription may reconnect before
   * the other connection), tries again a little later, until it can.
   */
  private void reloadAll() {
    try {
      for (SharedSnapshot<?> snapshot : byName.values()) {
        snapshot.reload();
      }
    } catch (ApiProblem e) {
      LOG.warn("shared state not read again yet: Redis cannot be reached; trying again");
      applier.schedule(this::reloadAll, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    subscription.close();
    applier.shutdownNow();
  }
}
