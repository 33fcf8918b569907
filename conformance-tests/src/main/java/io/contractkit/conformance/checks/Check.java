package io.contractkit.conformance.checks;

/**
 * One small, named unit of conformance. {@link #run} returns normally when the implementation
 * conforms, throws {@link CheckFailure} (with what was expected, what came back and how to
 * reproduce it) when it does not, and {@link CheckSkipped} when the profile lacks what it needs.
 */
public interface Check {
  CheckInfo info();

  void run(CheckContext context);

  /**
   * What this check needs alone or shares with checks that run at the same time, given the profile:
   * the fresh authTokens of the leads it uses ({@link CheckContext#authTokenLocks(int...)}), the
   * target's clock exclusively when it moves it. The runner adds a shared lock on the target's
   * clock to every check that does not take it alone.
   */
  default java.util.Set<ResourceLock> locks(CheckContext context) {
    return java.util.Set.of();
  }
}
