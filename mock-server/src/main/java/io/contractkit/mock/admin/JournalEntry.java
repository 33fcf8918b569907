package io.contractkit.mock.admin;

import java.time.Instant;

/** One answered request. */
public record JournalEntry(
    long id,
    Instant timestamp,
    String method,
    String path,
    String query,
    int status,
    double durationMillis) {}
