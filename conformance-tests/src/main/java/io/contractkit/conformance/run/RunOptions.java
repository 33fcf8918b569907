package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.SuiteClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run goes, beyond the profile: how many checks run at once, how long a check may wait for
 * real, the seed of its random values and the suite's clock.
 *
 * @param concurrency how many checks run at the same time (and how many requests one check may have
 *     in flight); 1 runs everything one after another
 * @param maxWait the longest real wait a check may make to see a block lift or a token expire when
 *     the profile gives no clock hook
 * @param seed the seed of every random value the checks send (ips, wrong secrets, tokens)
 * @param clock the suite's clock; {@link SuiteClock#SYSTEM} but in the suite's own tests
 * @param exploreBudget how long each exploration check generates random sequences (shrinking a
 *     failure may take as long again)
 * @param exploreSequences at most this many sequences per exploration check, within the budget
 *     ({@code --explore-sequences}); 0 for no limit but the budget
 */
public record RunOptions(
    int concurrency,
    Duration maxWait,
    long seed,
    SuiteClock clock,
    Duration exploreBudget,
    int exploreSequences) {
  /** Enough to overlap a slow target's answers; few enough not to look like a flood. */
  public static final int DEFAULT_CONCURRENCY = 16;

  public static final int MAX_CONCURRENCY = 64;

  /** The most {@code --explore-sequences} takes. */
  public static final int MAX_EXPLORE_SEQUENCES = 1_000_000;

  public RunOptions {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "the concurrency must be from 1 to " + MAX_CONCURRENCY + ", not " + concurrency);
    }
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("the longest wait must not be negative");
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(exploreBudget, "exploreBudget");
    if (exploreBudget.isNegative()) {
      throw new IllegalArgumentException("the exploration budget must not be negative");
    }
    if (exploreSequences < 0 || exploreSequences > MAX_EXPLORE_SEQUENCES) {
      throw new IllegalArgumentException(
          "the number of exploration sequences must be from 1 to "
              + MAX_EXPLORE_SEQUENCES
              + " (or 0 for no limit), not "
              + exploreSequences);
    }
  }

  /** With no limit on the exploration's sequences but its budget. */
  public RunOptions(
      int concurrency, Duration maxWait, long seed, SuiteClock clock, Duration exploreBudget) {
    this(concurrency, maxWait, seed, clock, exploreBudget, 0);
  }

  /** With the default exploration budget ({@code --explore-budget}). */
  public RunOptions(int concurrency, Duration maxWait, long seed, SuiteClock clock) {
    this(concurrency, maxWait, seed, clock, CheckContext.Settings.DEFAULT_EXPLORE_BUDGET);
  }

  /** {@value #DEFAULT_CONCURRENCY} at once, at most 30 s of real waiting, a random seed. */
  public static RunOptions defaults() {
    return new RunOptions(
        DEFAULT_CONCURRENCY,
        CheckContext.Settings.DEFAULT_MAX_WAIT,
        new SecureRandom().nextLong(),
        SuiteClock.SYSTEM);
  }

  public RunOptions withConcurrency(int n) {
    return new RunOptions(n, maxWait, seed, clock, exploreBudget, exploreSequences);
  }

  public RunOptions withMaxWait(Duration d) {
    return new RunOptions(concurrency, d, seed, clock, exploreBudget, exploreSequences);
  }

  public RunOptions withSeed(long s) {
    return new RunOptions(concurrency, maxWait, s, clock, exploreBudget, exploreSequences);
  }

  public RunOptions withClock(SuiteClock c) {
    return new RunOptions(concurrency, maxWait, seed, c, exploreBudget, exploreSequences);
  }

  /** How long each exploration check generates sequences ({@code --explore-budget}). */
  public RunOptions withExploreBudget(Duration d) {
    return new RunOptions(concurrency, maxWait, seed, clock, d, exploreSequences);
  }

  /**
   * At most {@code n} sequences per exploration check ({@code --explore-sequences}; 0: no limit but
   * the budget): with a budget long enough to reach it, a run sends the same sequences on any
   * machine, so that a seed replays a failure exactly.
   */
  public RunOptions withExploreSequences(int n) {
    return new RunOptions(concurrency, maxWait, seed, clock, exploreBudget, n);
  }

  CheckContext.Settings settings() {
    return new CheckContext.Settings(
        maxWait, clock, seed, concurrency, exploreBudget, exploreSequences);
  }
}
