package io.contractkit.mock.store.redis;

import io.contractkit.mock.lms.AuthTokenDelivery;
import io.contractkit.mock.lms.Outbox;
import io.contractkit.mock.lms.OutboxMessage;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.Optional;

/**
 * Sending an authToken through Redis in one round trip: one script issues the token (the token
 * store's own Lua function) and, only when issued, numbers the message and pushes it onto the
 * outbox's list (the outbox's own Lua function), where in memory these are three calls.
 */
public final class RedisAuthTokenSending implements AuthTokenDelivery {
  /**
   * KEYS: seeded, issued, outbox list, outbox counter. ARGV: now, expiry, time to live, the message
   * without its id, the outbox's capacity. The message's number; 0 when the code is active already.
   */
  private static final RedisStore.Script SEND =
      new RedisStore.Script(
          RedisAuthTokenStore.ISSUE_FUNCTION
              + RedisOutboxMessages.PUSH_FUNCTION
              + "if not issue(KEYS[1], KEYS[2], tonumber(ARGV[1]), ARGV[2], ARGV[3]) then\n"
              + "  return 0\n"
              + "end\n"
              + "local seq = redis.call('INCR', KEYS[4])\n"
              + "push(KEYS[3], '{\"id\":\"msg-' .. seq .. '\",' .. string.sub(ARGV[4], 2), ARGV[5])\n"
              + "return seq\n");

  private final RedisStore redis;
  private final RedisAuthTokenStore tokens;
  private final RedisOutboxMessages messages;
  private final Outbox outbox;

  /** {@code outbox}: the one that keeps its messages in {@code messages}. */
  public RedisAuthTokenSending(
      RedisStore redis, RedisAuthTokenStore tokens, RedisOutboxMessages messages, Outbox outbox) {
    this.redis = redis;
    this.tokens = tokens;
    this.messages = messages;
    this.outbox = outbox;
  }

  @Override
  public Optional<OutboxMessage> issueAndDeliver(
      String accessToken, String code, Instant expiresAt, OutboxMessage unnumbered) {
    String[] keys = tokens.issueKeys(accessToken, code);
    String[] issue = tokens.issueArguments(expiresAt);
    Long sequence =
        redis.run(
            SEND,
            ScriptOutputType.INTEGER,
            new String[] {keys[0], keys[1], messages.listKey(), messages.sequenceKey()},
            issue[0],
            issue[1],
            issue[2],
            messages.withoutId(unnumbered),
            String.valueOf(outbox.capacity()));
    if (sequence == 0L) {
      return Optional.empty();
    }
    OutboxMessage message = unnumbered.withId(Outbox.id(sequence));
    outbox.logDelivered(message);
    return Optional.of(message);
  }
}
