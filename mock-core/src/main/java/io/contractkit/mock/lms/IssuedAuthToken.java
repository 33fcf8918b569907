package io.contractkit.mock.lms;

import java.time.Instant;

/** A freshly issued one-time authToken. */
public record IssuedAuthToken(
    String accessToken, String code, Instant issuedAt, Instant expiresAt) {}
