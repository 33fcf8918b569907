package io.contractkit.mock.lms;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.store.redis.RedisOutboxMessages;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox keeps its newest messages up to its capacity, and numbers them from 1 again; its
 * messages in memory and in Redis.
 */
@ParameterizedClass
@ValueSource(strings = {"memory", "redis"})
class OutboxBehaviourTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private final String store;
  private final Outbox outbox;

  OutboxBehaviourTest(String store) {
    this.store = store;
    this.outbox = outbox(2);
  }

  private Outbox outbox(int capacity) {
    return store.equals("memory")
        ? new Outbox(capacity)
        : new Outbox(capacity, false, new RedisOutboxMessages(REDIS.freshStore()));
  }

  private OutboxMessage message(Channel channel) {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    return new OutboxMessage(
        outbox.nextId(), channel, "r", "lead-A", "123456", "web", null, "body", now, now);
  }

  private List<String> ids(List<OutboxMessage> messages) {
    return messages.stream().map(OutboxMessage::id).toList();
  }

  @Test
  void keepsExactlyItsCapacityNewestFirst() {
    outbox.deliver(message(Channel.SMS));
    outbox.deliver(message(Channel.SMS));
    assertThat(ids(outbox.newest(m -> true, 10))).containsExactly("msg-2", "msg-1");

    outbox.deliver(message(Channel.SMS));
    assertThat(ids(outbox.newest(m -> true, 10))).containsExactly("msg-3", "msg-2");
  }

  @Test
  void returnsAtMostTheLimitOfMatchingMessages() {
    Outbox big = outbox(10);
    for (int i = 0; i < 4; i++) {
      Instant now = Instant.parse("2026-11-23T10:00:00Z");
      big.deliver(
          new OutboxMessage(
              big.nextId(),
              i % 2 == 0 ? Channel.EMAIL : Channel.SMS,
              "r",
              "lead-A",
              "1",
              "web",
              null,
              "b",
              now,
              now));
    }

    assertThat(ids(big.newest(m -> true, 1))).containsExactly("msg-4");
    assertThat(ids(big.newest(m -> m.channel() == Channel.EMAIL, 1))).containsExactly("msg-3");
    assertThat(ids(big.newest(m -> m.channel() == Channel.EMAIL, 5)))
        .containsExactly("msg-3", "msg-1");
  }

  @Test
  void resetEmptiesItAndNumbersFromOneAgain() {
    outbox.deliver(message(Channel.EMAIL));
    outbox.deliver(message(Channel.EMAIL));

    outbox.reset();

    assertThat(outbox.newest(m -> true, 10)).isEmpty();
    assertThat(outbox.nextId()).isEqualTo("msg-1");
    assertThat(outbox.nextId()).isEqualTo("msg-2");
  }

  @Test
  void channelsHaveLowerCaseWireNamesMatchedInAnyCase() {
    assertThat(Channel.EMAIL.wireName()).isEqualTo("email");
    assertThat(Channel.fromWireName("SMS")).contains(Channel.SMS);
    assertThat(Channel.fromWireName("Email")).contains(Channel.EMAIL);
    assertThat(Channel.fromWireName("fax")).isEmpty();
  }

  @Test
  void recipientsAreMaskedKeepingOnlyTheFirstLetterAndDomainOrTheLastThreeDigits() {
    assertThat(AuthTokenSending.mask(Channel.EMAIL, "anna@example.org"))
        .isEqualTo("a***@example.org");
    assertThat(AuthTokenSending.mask(Channel.EMAIL, "a@x.example")).isEqualTo("a***@x.example");
    assertThat(AuthTokenSending.mask(Channel.EMAIL, "@example.org")).isEqualTo("***");
    assertThat(AuthTokenSending.mask(Channel.EMAIL, "no-at-sign")).isEqualTo("***");
    assertThat(AuthTokenSending.mask(Channel.SMS, "+49 351 4567890")).isEqualTo("***890");
    assertThat(AuthTokenSending.mask(Channel.SMS, "1234")).isEqualTo("***234");
    assertThat(AuthTokenSending.mask(Channel.SMS, "123")).isEqualTo("***");
  }
}
