package com.example.leads;

import java.time.Duration;

/** The caller's ip made too many failed lookups; the page asks the visitor to wait. */
public final class TooManyAttemptsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public TooManyAttemptsException(Duration retryAfter) {
    super("too many failed lookups; retry after " + retryAfter.toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
