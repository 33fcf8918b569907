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
 */
public record RunOptions(
    int concurrency, Duration maxWait, long seed, SuiteClock clock, Duration exploreBudget) {
  /** Enough to overlap a slow target's answers; few enough not to look like a flood. */
  public static final int DEFAULT_CONCURRENCY = 16;

  public static final int MAX_CONCURRENCY = 64;

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
    return new RunOptions(n, maxWait, seed, clock, exploreBudget);
  }

  public RunOptions withMaxWait(Duration d) {
    return new RunOptions(concurrency, d, seed, clock, exploreBudget);
  }

  public RunOptions withSeed(long s) {
    return new RunOptions(concurrency, maxWait, s, clock, exploreBudget);
  }

  public RunOptions withClock(SuiteClock c) {
    return new RunOptions(concurrency, maxWait, seed, c, exploreBudget);
  }

  /** How long each exploration check generates sequences ({@code --explore-budget}). */
  public RunOptions withExploreBudget(Duration d) {
    return new RunOptions(concurrency, maxWait, seed, clock, d);
  }

  CheckContext.Settings settings() {
    return new CheckContext.Settings(maxWait, clock, seed, concurrency, exploreBudget);
  }
}
