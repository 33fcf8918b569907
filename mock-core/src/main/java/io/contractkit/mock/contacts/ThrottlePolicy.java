package io.contractkit.mock.contacts;

import java.time.Duration;

/**
 * After {@code maxFailures} failed lookups within {@code window}, an ip is blocked for {@code
 * block}.
 */
public record ThrottlePolicy(int maxFailures, Duration window, Duration block) {
  public static final ThrottlePolicy DEFAULT =
      new ThrottlePolicy(10, Duration.ofSeconds(60), Duration.ofSeconds(300));

  public ThrottlePolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (window.isNegative() || window.isZero() || block.isNegative() || block.isZero()) {
      throw new IllegalArgumentException("window and block must be positive durations");
    }
  }
}
