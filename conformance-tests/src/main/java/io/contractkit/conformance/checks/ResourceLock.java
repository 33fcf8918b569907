package io.contractkit.conformance.checks;

import java.util.Objects;

/**
 * Something on the target that checks running at the same time share or must take alone: the runner
 * never starts a check while another holds one of its locks in a conflicting way (two shared
 * holders never conflict; an exclusive holder conflicts with every other). Every check shares
 * {@link #TARGET_CLOCK}; a check that moves the target's clock takes it alone.
 *
 * @param key what is locked, as a person reads it ({@code "target clock"})
 * @param exclusive true when no other check may hold the key at the same time
 */
public record ResourceLock(String key, boolean exclusive) {
  /** The target's clock: moving it would lift other checks' blocks and expire their tokens. */
  public static final String TARGET_CLOCK = "target clock";

  /** The key prefix of {@link #authTokensOf}. */
  static final String AUTH_TOKENS_OF = "authTokens of lead ";

  public ResourceLock {
    Objects.requireNonNull(key, "key");
  }

  public static ResourceLock shared(String key) {
    return new ResourceLock(key, false);
  }

  public static ResourceLock exclusive(String key) {
    return new ResourceLock(key, true);
  }

  /**
   * The fresh authTokens of one lead. An implementation may invalidate a lead's earlier authTokens
   * when it issues a new one (a valid choice), so two checks never hold fresh authTokens of the
   * same lead at once.
   */
  public static ResourceLock authTokensOf(String accessToken) {
    return exclusive(AUTH_TOKENS_OF + accessToken);
  }

  /** Whether a check holding this lock may run while another check holds {@code other}. */
  public boolean conflictsWith(ResourceLock other) {
    return key.equals(other.key) && (exclusive || other.exclusive);
  }
}
