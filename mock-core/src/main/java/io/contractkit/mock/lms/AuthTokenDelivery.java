package io.contractkit.mock.lms;

import java.time.Instant;
import java.util.Optional;

/**
 * How the send-token route issues an authToken and delivers its message to the outbox: in two steps
 * in the mock's memory ({@link #inTwoSteps}), or in one step where each step would be a round trip
 * to a shared store.
 */
public interface AuthTokenDelivery {

  /**
   * Issues {@code code} once for the lead until {@code expiresAt} and, only when issued, delivers
   * {@code unnumbered} with the outbox's next id.
   *
   * @return the message delivered, with its id; empty (nothing issued, nothing delivered) when that
   *     code is active for that lead already
   */
  Optional<OutboxMessage> issueAndDeliver(
      String accessToken, String code, Instant expiresAt, OutboxMessage unnumbered);

  /** The store issues, then the outbox numbers the message and delivers it. */
  static AuthTokenDelivery inTwoSteps(AuthTokenStore store, Outbox outbox) {
    return (accessToken, code, expiresAt, unnumbered) -> {
      if (!store.issue(accessToken, code, expiresAt)) {
        return Optional.empty();
      }
      OutboxMessage message = unnumbered.withId(outbox.nextId());
      outbox.deliver(message);
      return Optional.of(message);
    };
  }
}
