package io.contractkit.mock.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The mock's one clock: its base clock (the system's, or a test's) with a {@link TimeShift} that
 * tests steer through the admin API. Everything the mock does by time reads it: authToken and lead
 * expiry, the throttle's window and block, outbox and journal times. Real time (no shift) costs one
 * volatile read per reading.
 *
 * <p>Forward moves ({@link #advance}) and {@link #set} to any instant within {@link #EARLIEST} and
 * {@link #LATEST}; what a step back does to blocks and tokens is up to their stores (see the
 * README: "Steering the clock").
 */
public final class SteerableClock extends Clock {
  /** The earliest instant the mock's time may be set to. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /**
   * The latest instant the mock's time may reach: well inside the range of the nanosecond tickers
   * of its caches (which end in 2262).
   */
  public static final Instant LATEST = Instant.parse("2199-12-31T23:59:59Z");

  private final Clock base;
  private final TimeShiftStore shift;

  public SteerableClock(Clock base) {
    this(base, new InMemoryTimeShiftStore());
  }

  public SteerableClock(Clock base, TimeShiftStore shift) {
    this.base = base;
    this.shift = shift;
  }

  /** What the clock reads now, and how that differs from real time. */
  public record Reading(Instant now, Duration offset, boolean frozen) {}

  @Override
  public Instant instant() {
    return shift.current().applyTo(base.instant());
  }

  @Override
  public long millis() {
    TimeShift s = shift.current();
    return s == TimeShift.NONE ? base.millis() : s.applyTo(base.instant()).toEpochMilli();
  }

  /** The time now, its offset from real time (the base clock) and whether it stands still. */
  public Reading reading() {
    TimeShift s = shift.current();
    Instant real = base.instant();
    Instant now = s.applyTo(real);
    return new Reading(now, Duration.between(real, now), s.frozen());
  }

  /**
   * Moves the time forward by {@code step} (frozen or not).
   *
   * @throws OutOfRange when the step is not positive or would pass {@link #LATEST}
   */
  public Reading advance(Duration step) {
    if (step.isNegative() || step.isZero()) {
      throw new OutOfRange("must be a positive duration (to go back, set the time)");
    }
    shift.update(
        s -> {
          Instant to = within(s.applyTo(base.instant()), step);
          return s.frozen()
              ? new TimeShift(s.offset(), to)
              : new TimeShift(s.offset().plus(step), null);
        });
    return reading();
  }

  /**
   * Sets the time to {@code to}, forward or back; a frozen clock stays frozen there.
   *
   * @throws OutOfRange when {@code to} is before {@link #EARLIEST} or after {@link #LATEST}
   */
  public Reading set(Instant to) {
    requireSettable(to);
    shift.update(
        s ->
            s.frozen()
                ? new TimeShift(s.offset(), to)
                : new TimeShift(Duration.between(base.instant(), to), null));
    return reading();
  }

  /**
   * @throws OutOfRange when the clock cannot be set to {@code to}
   */
  public static void requireSettable(Instant to) {
    if (to.isBefore(EARLIEST) || to.isAfter(LATEST)) {
      throw new OutOfRange("must be from " + EARLIEST + " to " + LATEST);
    }
  }

  /** Stops the time where it is, or lets it run on from where it stands. */
  public Reading freeze(boolean frozen) {
    shift.update(
        s -> {
          if (frozen == s.frozen()) {
            return s;
          }
          Instant real = base.instant();
          return frozen
              ? new TimeShift(s.offset(), s.applyTo(real))
              : new TimeShift(Duration.between(real, s.frozenAt()), null);
        });
    return reading();
  }

  /** Back to real time. */
  public void reset() {
    shift.update(s -> TimeShift.NONE);
  }

  private static Instant within(Instant now, Duration step) {
    if (Duration.between(now, LATEST).compareTo(step) < 0) {
      throw new OutOfRange("would move the time past " + LATEST);
    }
    return now.plus(step);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the mock's clock is in UTC");
  }

  /** A move the clock refuses: the reason completes "the new time ...". */
  public static final class OutOfRange extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OutOfRange(String reason) {
      super(reason);
    }
  }
}
