package io.contractkit.mock.lms;

import io.contractkit.mock.fixtures.Lead;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The one-time authTokens, each bound to one lead's accessToken. The in-memory store is the
 * default; a shared store (for several mock replicas) would implement the same calls.
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

  /**
   * {@link #consume}, answered when the store has the answer. In memory that is at once; a shared
   * store completes it when its store answers, on the store client's own thread, so that no request
   * thread waits (what follows must not wait for that store).
   */
  default CompletableFuture<Boolean> consumeAsync(String accessToken, String code) {
    return CompletableFuture.completedFuture(consume(accessToken, code));
  }

  /** Forgets every token and issues the seeded ones (of the last {@link #reseed}) again. */
  void reset();

  /**
   * The leads the mock serves are now {@code leads} (fixtures reloaded, or a lead put or deleted
   * through the admin API), and their seeded authTokens the ones to restore on {@link #reset}. A
   * seeded token that was used (or forgotten as expired) stays so, unless its lead is one of {@code
   * fresh} (put at run time: all its seeded tokens are valid once again); a seeded token new to its
   * lead is valid once; one no longer listed is gone. Tokens issued for a lead that still exists
   * keep working; those of a lead that is gone are forgotten.
   */
  void reseed(Collection<Lead> leads, Set<String> fresh);

  /**
   * The leads the mock serves are now {@code leads}, and a shared store holds their seeded
   * authTokens already (another replica changed the data, and reseeded): remember them as what the
   * next {@link #reseed} starts from, and change no token. Nothing to do for a store of this mock
   * alone, whose data no one else changes.
   */
  default void adopt(Collection<Lead> leads) {}

  /**
   * Forgets every token that has expired on the clock, before the clock is set back, so that no
   * expired token becomes valid again.
   */
  void forgetExpired();

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
