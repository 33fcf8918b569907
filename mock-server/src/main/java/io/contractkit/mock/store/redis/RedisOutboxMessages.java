package io.contractkit.mock.store.redis;

import io.contractkit.mock.lms.Outbox;
import io.contractkit.mock.lms.OutboxMessage;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outbox's messages in Redis, shared by every replica: a list capped at the outbox's capacity
 * ({@code prefix:outbox}, newest first, as JSON) and the counter of message ids ({@code
 * prefix:outbox:seq}). Adding is one script (push, trim), so the list never holds more than the
 * capacity.
 */
public final class RedisOutboxMessages implements Outbox.Messages {
  /**
   * Lua: {@code push(list, message, capacity)}: the message as the newest, the oldest beyond the
   * capacity dropped. Also part of {@link RedisAuthTokenSending}'s script.
   */
  static final String PUSH_FUNCTION =
      "local function push(list, message, capacity)\n"
          + "  redis.call('LPUSH', list, message)\n"
          + "  redis.call('LTRIM', list, 0, tonumber(capacity) - 1)\n"
          + "end\n";

  /** KEYS: the list. ARGV: the message, the capacity. */
  private static final RedisStore.Script ADD =
      new RedisStore.Script(PUSH_FUNCTION + "push(KEYS[1], ARGV[1], ARGV[2])\nreturn 0\n");

  private final RedisStore redis;
  private final JsonMapper json = JsonMapper.builder().build();

  public RedisOutboxMessages(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public long nextSequence() {
    return redis.call(c -> c.incr(sequenceKey()));
  }

  /** The list of messages. */
  String listKey() {
    return redis.key("outbox");
  }

  /** The counter of message ids. */
  String sequenceKey() {
    return redis.key("outbox:seq");
  }

  /**
   * The message as stored, without its id: an object whose first character is its <code>{</code>,
   * for a script to put the id in front of its other properties.
   */
  String withoutId(OutboxMessage message) {
    ObjectNode node = json.valueToTree(message);
    node.remove("id");
    return json.writeValueAsString(node);
  }

  @Override
  public void add(OutboxMessage message, int capacity) {
    redis.run(
        ADD,
        ScriptOutputType.INTEGER,
        new String[] {listKey()},
        json.writeValueAsString(message),
        String.valueOf(capacity));
  }

  @Override
  public List<OutboxMessage> newest(Predicate<OutboxMessage> filter, int limit) {
    List<String> all = redis.call(c -> c.lrange(listKey(), 0, -1));
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
    redis.execute(c -> c.del(listKey(), sequenceKey()));
  }
}
