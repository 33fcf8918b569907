package io.contractkit.mock.lms;

import java.time.Instant;

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
    Instant expiresAt) {}
