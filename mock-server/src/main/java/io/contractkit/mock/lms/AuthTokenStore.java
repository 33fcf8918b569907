package io.contractkit.mock.lms;

import java.time.Instant;

/**
 * The one-time authTokens, each bound to one lead's accessToken. The in-memory store is the
 * default; a shared store (for several mock replicas) would implement the same three calls.
 */
public interface AuthTokenStore {

  /**
   * Makes {@code code} valid once for the lead, until {@code expiresAt} (null: never). False when
   * that code is already active for that lead.
   */
  boolean issue(String accessToken, String code, Instant expiresAt);

  /**
   * Consumes the token in one atomic step: true for exactly one caller of a valid, unexpired token
   * issued for this lead; false for every other call (reused, unknown, other lead's, expired).
   */
  boolean consume(String accessToken, String code);

  /** Forgets every token and issues the seeded ones again: the initial state. */
  void reset();

  /**
   * Thrown by {@link #issue} when the store holds as many active tokens as it may: it refuses a new
   * token rather than accept it and drop it (or another active one) silently.
   */
  final class Full extends RuntimeException {
    public Full(String message) {
      super(message, null, false, false);
    }
  }
}
