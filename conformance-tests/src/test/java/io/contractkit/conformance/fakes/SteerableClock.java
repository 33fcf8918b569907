package io.contractkit.conformance.fakes;

import io.contractkit.conformance.checks.SuiteClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of the simulated implementations: real time plus an offset that tests and the
 * implementation's {@code POST /__admin/clock} move forward, as the mock's admin clock does.
 */
public final class SteerableClock extends Clock {
  private final AtomicLong offsetMillis = new AtomicLong();

  @Override
  public Instant instant() {
    return Instant.now().plusMillis(offsetMillis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated implementations run on UTC");
  }

  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward: " + by);
    }
    offsetMillis.addAndGet(by.toMillis());
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  /** Back to real time. */
  public void reset() {
    offsetMillis.set(0);
  }

  /**
   * The suite's clock for a run against an implementation on this clock: a wait moves this clock
   * forward at once instead of sleeping (the suite's real waits, without the wait), and "now" is
   * real time plus what the waits moved it (not what a clock hook moved it), as for a real suite.
   * Unlike real waits, the waits of checks that run at the same time add up here, and a jump can
   * land between two requests of another check: a run that waits this way runs its checks one at a
   * time ({@code --concurrency 1}).
   */
  public SuiteClock asSuiteClock() {
    AtomicLong waited = new AtomicLong();
    return new SuiteClock() {
      @Override
      public Instant now() {
        return Instant.now().plusMillis(waited.get());
      }

      @Override
      public void sleep(Duration duration) {
        waited.addAndGet(duration.toMillis());
        advance(duration);
      }
    };
  }
}
