package io.contractkit.mock.store.redis;

import io.contractkit.mock.lms.Outbox;
import io.contractkit.mock.lms.OutboxMessage;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's messages in Redis, shared by every replica: a list capped at the outbox's capacity
 * ({@code prefix:outbox}, newest first, as JSON) and the counter of message ids ({@code
 * prefix:outbox:seq}). Adding is one script (push, trim), so the list never holds more than the
 * capacity.
 */
public final class RedisOutboxMessages implements Outbox.Messages {
  /** KEYS: the list. ARGV: the message, the capacity. */
  private static final RedisStore.Script ADD =
      new RedisStore.Script(
          "redis.call('LPUSH', KEYS[1], ARGV[1])\n"
              + "redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)\n"
              + "return 0\n");

  private final RedisStore redis;
  private final JsonMapper json = JsonMapper.builder().build();

  public RedisOutboxMessages(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public long nextSequence() {
    return redis.call(c -> c.incr(redis.key("outbox:seq")));
  }

  @Override
  public void add(OutboxMessage message, int capacity) {
    redis.run(
        ADD,
        ScriptOutputType.INTEGER,
        new String[] {redis.key("outbox")},
        json.writeValueAsString(message),
        String.valueOf(capacity));
  }

  @Override
  public List<OutboxMessage> newest(Predicate<OutboxMessage> filter, int limit) {
    List<String> all = redis.call(c -> c.lrange(redis.key("outbox"), 0, -1));
    List<OutboxMessage> found = new ArrayList<>();
    for (int i = 0; i < all.size() && found.size() < limit; i++) {
      OutboxMessage message = json.readValue(all.get(i), OutboxMessage.class);
      if (filter.test(message)) {
        found.add(message);
      }
    }
    return found;
  }

  @Override
  public void clear() {
    redis.execute(c -> c.del(redis.key("outbox"), redis.key("outbox:seq")));
  }
}
