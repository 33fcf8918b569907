package io.contractkit.mock.faults;

import java.util.Random;

/**
 * The randomness of faults and latency (random delays, rule probabilities), from one seed: with
 * {@code --seed} the same requests in the same order draw the same delays and the same firings, and
 * {@link #reset()} starts the sequence again, as a fresh start would.
 */
public final class SeededRandom {
  private final long seed;
  private volatile Random random;

  public SeededRandom(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  public long seed() {
    return seed;
  }

  /** The generator to draw from ({@link Random} is safe to share between threads). */
  Random generator() {
    return random;
  }

  public void reset() {
    random = new Random(seed);
  }
}
