package io.contractkit.mock.store.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One value that every replica shares and reads often (the clock's shift, the test data put at run
 * time, the fault rules): kept in Redis as JSON with a version in one hash ({@code
 * prefix:shared:NAME}, fields {@code v} and {@code value}), changed by a compare-and-set script
 * that bumps the version and publishes the new value on {@code prefix:changes}. Each replica holds
 * a local copy: reads cost no Redis call; a change goes to Redis first (and is tried again on the
 * newer value when another replica changed it in between), then replaces the local copy at once;
 * the other replicas replace theirs when the message arrives (see {@link SharedSnapshots}).
 *
 * <p>A value may own fields of its hash beside {@code v} and {@code value} (the fault rules'
 * counts): {@link Fields} says which a change creates and which it drops, in the same script.
 */
public final class SharedSnapshot<T> {

  /** Fields a change sets (to their given value) and drops, beside the value itself. */
  public record Fields(Map<String, String> set, List<String> drop) {
    public static final Fields NONE = new Fields(Map.of(), List.of());
  }

  /**
   * KEYS: the hash. ARGV: expected version, new value, channel, name, how many fields to set, then
   * field and value pairs, then the fields to drop. {1, new version} when written; {0, version,
   * value} (the value now, '' for none) when the version was not the expected one.
   */
  private static final RedisStore.Script COMPARE_AND_SET =
      new RedisStore.Script(
          "local v = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')\n"
              + "if v ~= tonumber(ARGV[1]) then\n"
              + "  return {0, v, redis.call('HGET', KEYS[1], 'value') or ''}\n"
              + "end\n"
              + "v = v + 1\n"
              + "redis.call('HSET', KEYS[1], 'v', tostring(v), 'value', ARGV[2])\n"
              + "local n = tonumber(ARGV[5])\n"
              + "for i = 0, n - 1 do\n"
              + "  redis.call('HSET', KEYS[1], ARGV[6 + 2 * i], ARGV[7 + 2 * i])\n"
              + "end\n"
              + "for i = 6 + 2 * n, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end\n"
              + "redis.call('PUBLISH', ARGV[3], ARGV[4] .. ' ' .. v .. ' ' .. ARGV[2])\n"
              + "return {1, v}\n");

  /** How a value is written to and read from Redis. */
  public interface Codec<T> {
    String write(T value);

    /** Reads a written value. */
    T read(String text);
  }

  /** Writes records as JSON; reads them back ignoring what a record derives ({@code isEmpty()}). */
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private record Versioned<T>(long version, T value) {}

  private final RedisStore redis;
  private final String name;
  private final String key;
  private final String channel;
  private final Codec<T> codec;
  private final T initial;
  private final BiFunction<T, T, Fields> fields;
  private volatile Versioned<T> local;
  private volatile Consumer<T> onRemoteChange = value -> {};

  SharedSnapshot(
      RedisStore redis,
      String name,
      String channel,
      Codec<T> codec,
      T initial,
      BiFunction<T, T, Fields> fields) {
    this.redis = redis;
    this.name = name;
    this.key = redis.key("shared:" + name);
    this.channel = channel;
    this.codec = codec;
    this.initial = initial;
    this.fields = fields;
    this.local = new Versioned<>(0, initial);
  }

  /** The name in messages and keys. */
  public String name() {
    return name;
  }

  /** The hash in Redis. */
  public String key() {
    return key;
  }

  /** The value now, as this replica knows it: no Redis call. */
  public T current() {
    return local.value();
  }

  /** The version of {@link #current()} (0 before the first change). */
  public long version() {
    return local.version();
  }

  /**
   * Called (on the thread that delivers messages) after a change made by another replica, or read
   * again after a reconnect, replaced the local copy.
   */
  public void onRemoteChange(Consumer<T> listener) {
    this.onRemoteChange = listener;
  }

  /**
   * Replaces the shared value with {@code change} applied to it, in one compare-and-set: when
   * another replica changed it in between, {@code change} runs again on the newer value (so it must
   * have no side effects; an exception it throws changes nothing). The local copy holds the new
   * value when this returns.
   *
   * @return the new value
   * @throws io.contractkit.mock.http.ApiProblem 503 when Redis cannot be reached
   */
  public T update(UnaryOperator<T> change) {
    Versioned<T> base = local;
    while (true) {
      T next = change.apply(base.value());
      List<Object> result = compareAndSet(base, next);
      long version = (Long) result.get(1);
      if ((Long) result.get(0) == 1L) {
        accept(version, next);
        return next;
      }
      base = new Versioned<>(version, read((String) result.get(2)));
      if (accept(base.version(), base.value())) {
        onRemoteChange.accept(base.value());
      }
    }
  }

  private List<Object> compareAndSet(Versioned<T> base, T next) {
    Fields change = fields.apply(base.value(), next);
    List<String> args = new ArrayList<>();
    args.add(String.valueOf(base.version()));
    args.add(codec.write(next));
    args.add(channel);
    args.add(name);
    args.add(String.valueOf(change.set().size()));
    change
        .set()
        .forEach(
            (field, value) -> {
              args.add(field);
              args.add(value);
            });
    args.addAll(change.drop());
    return redis.run(
        COMPARE_AND_SET, ScriptOutputType.MULTI, new String[] {key}, args.toArray(String[]::new));
  }

  /** A message from {@code prefix:changes}: the value at {@code version}. */
  void received(long version, String text) {
    T value = read(text);
    if (accept(version, value)) {
      onRemoteChange.accept(value);
    }
  }

  /**
   * Reads the value from Redis and holds it, whatever the local version (after a reconnect: Redis
   * may have lost its data, and its version started again).
   */
  void reload() {
    List<String> stored =
        redis.call(c -> c.hmget(key, "v", "value")).stream()
            .map(v -> v.getValueOrElse(null))
            .toList();
    long version = stored.get(0) == null ? 0 : Long.parseLong(stored.get(0));
    T value = stored.get(1) == null ? initial : codec.read(stored.get(1));
    boolean changed;
    synchronized (this) {
      changed = version != local.version();
      local = new Versioned<>(version, value);
    }
    if (changed) {
      onRemoteChange.accept(value);
    }
  }

  private T read(String text) {
    return text.isEmpty() ? initial : codec.read(text);
  }

  /** Holds {@code value} when it is newer than the local copy; whether it did. */
  synchronized boolean accept(long version, T value) {
    if (version <= local.version()) {
      return false;
    }
    local = new Versioned<>(version, value);
    return true;
  }

  /** A codec that writes JSON with {@code json}. */
  static <T> Codec<T> json(Class<T> type) {
    return new Codec<>() {
      @Override
      public String write(T value) {
        return JSON.writeValueAsString(value);
      }

      @Override
      public T read(String text) {
        return JSON.readValue(text, type);
      }
    };
  }

  /** For a value that owns no fields. */
  static <T> BiFunction<T, T, Fields> noFields() {
    return (before, after) -> Fields.NONE;
  }
}
