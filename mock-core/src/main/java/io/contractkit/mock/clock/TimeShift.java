package io.contractkit.mock.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * How the mock's time differs from its base clock (the system's, or a test's): shifted by {@code
 * offset}, or, when {@code frozenAt} is set, standing still at that instant (the offset then does
 * not count).
 */
public record TimeShift(Duration offset, Instant frozenAt) {
  /** Real time: no offset, not frozen. */
  public static final TimeShift NONE = new TimeShift(Duration.ZERO, null);

  public TimeShift {
    if (offset == null) {
      throw new IllegalArgumentException("offset must not be null");
    }
  }

  public boolean frozen() {
    return frozenAt != null;
  }

  /** The mock's time when the base clock reads {@code base}. */
  public Instant applyTo(Instant base) {
    if (frozenAt != null) {
      return frozenAt;
    }
    return offset.isZero() ? base : base.plus(offset);
  }
}
