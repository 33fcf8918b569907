package io.contractkit.mock.lms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A "delivered" authToken message, as a development mail/SMS catcher shows it. */
public record OutboxMessage(
    String id,
    Channel channel,
    String recipient,
    String accessToken,
    String authToken,
    String source,
    String subject,
    String body,
    Instant sentAt,
    Instant expiresAt) {

  /** This message with the id {@code id}. */
  public OutboxMessage withId(String id) {
    return new OutboxMessage(
        id, channel, recipient, accessToken, authToken, source, subject, body, sentAt, expiresAt);
  }

  /** The message as the admin API shows it (JSON object properties, in order). */
  public Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", id);
    view.put("channel", channel.wireName());
    view.put("recipient", recipient);
    view.put("accessToken", accessToken);
    view.put("authToken", authToken);
    view.put("source", source);
    view.put("subject", subject);
    view.put("body", body);
    view.put("sentAt", sentAt.toString());
    view.put("expiresAt", expiresAt.toString());
    return view;
  }
}
