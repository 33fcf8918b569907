package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.lms.Channel;
import io.contractkit.mock.lms.Outbox;
import io.contractkit.mock.lms.OutboxMessage;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RedisServerExtension;
import io.contractkit.mock.support.Replicas;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sending an authToken through Redis: one round trip (one script issues the token and delivers its
 * message), numbered from the outbox's counter, never delivered for a code that is active already.
 */
class RedisAuthTokenSendingTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant EXPIRES = NOW.plusSeconds(600);

  @Test
  void sendingATokenOverHttpIsOneRoundTripToRedis() throws Exception {
    try (Replicas mock = Replicas.start(1, REDIS.freshConfig())) {
      String send =
          "/lms/leads/bytoken/authtoken?channel=email&source=web&accessToken=" + Fixture.LEAD;
      assertThat(mock.send(0, "POST", send).statusCode()).isEqualTo(202);
      assertThat(mock.send(0, "GET", "/__admin/journal").statusCode())
          .isEqualTo(200); // the scripts are loaded, the journal's too (a read writes its queue)

      List<String> sent =
          RedisMonitor.commands(
              REDIS,
              () -> {
                try {
                  assertThat(mock.send(0, "POST", send).body()).contains("\"messageId\":\"msg-2\"");
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              });

      assertThat(sent.stream().filter(command -> !command.contains(":journal\"")))
          .singleElement()
          .satisfies(
              command ->
                  assertThat(command).startsWithIgnoringCase("\"evalsha\"").contains(":outbox\""));
    }
  }

  private record Sending(RedisAuthTokenStore tokens, Outbox outbox, RedisAuthTokenSending sending) {
    Optional<OutboxMessage> send(String code) {
      return sending.issueAndDeliver(Fixture.LEAD, code, EXPIRES, message(code));
    }
  }

  private static Sending sending(int capacity) {
    RedisStore store = REDIS.freshStore();
    RedisAuthTokenStore tokens =
        new RedisAuthTokenStore(store, Clock.fixed(NOW, ZoneOffset.UTC), List.of());
    RedisOutboxMessages messages = new RedisOutboxMessages(store);
    Outbox outbox = new Outbox(capacity, false, messages);
    return new Sending(tokens, outbox, new RedisAuthTokenSending(store, tokens, messages, outbox));
  }

  private static OutboxMessage message(String code) {
    return new OutboxMessage(
        null,
        Channel.SMS,
        "+49 30 1234567",
        Fixture.LEAD,
        code,
        "web",
        null,
        "Ünïcode \"" + code + "\" / <b>",
        NOW,
        EXPIRES);
  }

  @Test
  void issuesTheTokenAndDeliversTheMessageNumberedAndCappedAtTheOutboxSize() {
    Sending s = sending(2);

    Optional<OutboxMessage> first = s.send("100001");
    Optional<OutboxMessage> second = s.send("100002");
    Optional<OutboxMessage> third = s.send("100003");

    assertThat(first).contains(message("100001").withId("msg-1"));
    assertThat(third).contains(message("100003").withId("msg-3"));
    assertThat(s.outbox().newest(m -> true, 10)).containsExactly(third.get(), second.get());
    assertThat(s.tokens().consume(Fixture.LEAD, "100001")).isTrue();
    assertThat(s.tokens().consume(Fixture.LEAD, "100001")).isFalse();
  }

  @Test
  void aCodeActiveAlreadyIsNeitherIssuedAgainNorDelivered() {
    Sending s = sending(10);
    s.send("200002");

    assertThat(s.send("200002")).isEmpty();

    assertThat(s.outbox().newest(m -> true, 10)).hasSize(1);
    assertThat(s.send("200003")).get().extracting(OutboxMessage::id).isEqualTo("msg-2");
    assertThat(s.tokens().consume(Fixture.LEAD, "200002")).isTrue();
    assertThat(s.tokens().consume(Fixture.LEAD, "200002")).isFalse();
  }
}
