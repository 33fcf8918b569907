package io.contractkit.mock.faults;

import io.contractkit.mock.cli.DurationConverter;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A delay: fixed ({@code 300ms}) or drawn uniformly, to the millisecond, from {@code min..max}
 * ({@code 100ms..2s}).
 */
public record DelayRange(Duration min, Duration max) {
  /** Long enough for any client time-out a test wants to provoke. */
  public static final Duration LONGEST = Duration.ofMinutes(10);

  /** Between the two ends of a range, as {@code --latency 50ms..200ms} writes it. */
  static final String SEPARATOR = "..";

  public DelayRange {
    if (min.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("a delay must not be negative");
    }
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException("the shortest delay must not be longer than the longest");
    }
    if (max.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "a delay must be at most " + DurationConverter.format(LONGEST));
    }
  }

  public static DelayRange fixed(Duration delay) {
    return new DelayRange(delay, delay);
  }

  /**
   * {@code 300ms} or {@code 100ms..2s}, each end as {@link DurationConverter#parse} reads it.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static DelayRange parse(String text) {
    int separator = text.indexOf(SEPARATOR);
    if (separator < 0) {
      return fixed(duration(text));
    }
    return new DelayRange(
        duration(text.substring(0, separator)),
        duration(text.substring(separator + SEPARATOR.length())));
  }

  /** One duration, as the flags write it; never a range. */
  static Duration duration(String text) {
    if (text.contains(SEPARATOR)) {
      throw new IllegalArgumentException("'" + text + "' is one duration, not a range");
    }
    try {
      return DurationConverter.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  public boolean isFixed() {
    return min.equals(max);
  }

  /** The delay for one answer: {@link #min()} when fixed, else drawn (no draw when fixed). */
  public Duration draw(RandomGenerator random) {
    if (isFixed()) {
      return min;
    }
    long minMillis = min.toMillis();
    return Duration.ofMillis(minMillis + random.nextLong(max.toMillis() - minMillis + 1));
  }

  /** As {@link #parse} reads it back: {@code 300ms} or {@code 100ms..2s}. */
  @Override
  public String toString() {
    return isFixed()
        ? DurationConverter.format(min)
        : DurationConverter.format(min) + SEPARATOR + DurationConverter.format(max);
  }
}
