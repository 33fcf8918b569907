package io.contractkit.mock.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The steerable clock on a test clock: offsets, freezing, its range, and reset to real time. */
class SteerableClockTest {
  private final MutableClock real = MutableClock.atFixedStart();
  private final SteerableClock clock = new SteerableClock(real);
  private final Instant start = real.instant();

  @Test
  void withoutAShiftItReadsItsBaseClock() {
    assertThat(clock.instant()).isEqualTo(start);
    assertThat(clock.millis()).isEqualTo(start.toEpochMilli());
    real.advance(Duration.ofSeconds(3));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(3));
    assertThat(clock.reading())
        .isEqualTo(new SteerableClock.Reading(start.plusSeconds(3), Duration.ZERO, false));
  }

  @Test
  void anAdvanceShiftsEveryLaterReading() {
    SteerableClock.Reading reading = clock.advance(Duration.ofMinutes(5));

    assertThat(reading)
        .isEqualTo(
            new SteerableClock.Reading(start.plusSeconds(300), Duration.ofMinutes(5), false));
    real.advance(Duration.ofSeconds(1));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(301));
    assertThat(clock.millis()).isEqualTo(start.plusSeconds(301).toEpochMilli());
  }

  @Test
  void advancesAddUp() {
    clock.advance(Duration.ofMinutes(5));
    clock.advance(Duration.ofMillis(250));

    assertThat(clock.reading().offset()).isEqualTo(Duration.ofMinutes(5).plusMillis(250));
  }

  @Test
  void onlyAPositiveStepAdvances() {
    assertThatThrownBy(() -> clock.advance(Duration.ZERO))
        .isInstanceOf(SteerableClock.OutOfRange.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(SteerableClock.OutOfRange.class);
    assertThat(clock.instant()).isEqualTo(start);
  }

  @Test
  void anAdvanceMayReachTheLatestInstantButNotPassIt() {
    Duration toLatest = Duration.between(start, SteerableClock.LATEST);

    assertThatThrownBy(() -> clock.advance(toLatest.plusNanos(1)))
        .isInstanceOf(SteerableClock.OutOfRange.class)
        .hasMessageContaining(SteerableClock.LATEST.toString());
    assertThat(clock.instant()).isEqualTo(start);
    assertThat(clock.advance(toLatest).now()).isEqualTo(SteerableClock.LATEST);
  }

  @Test
  void setGoesForwardOrBackAndTheTimeRunsOnFromThere() {
    Instant later = Instant.parse("2027-01-01T09:00:00Z");
    assertThat(clock.set(later).now()).isEqualTo(later);
    real.advance(Duration.ofSeconds(2));
    assertThat(clock.instant()).isEqualTo(later.plusSeconds(2));

    Instant earlier = Instant.parse("2025-06-01T00:00:00Z");
    SteerableClock.Reading back = clock.set(earlier);
    assertThat(back.now()).isEqualTo(earlier);
    assertThat(back.offset()).isNegative();
  }

  @Test
  void setAcceptsTheEdgesOfTheRangeAndRefusesBeyondThem() {
    assertThat(clock.set(SteerableClock.EARLIEST).now()).isEqualTo(SteerableClock.EARLIEST);
    assertThat(clock.set(SteerableClock.LATEST).now()).isEqualTo(SteerableClock.LATEST);
    assertThatThrownBy(() -> clock.set(SteerableClock.EARLIEST.minusNanos(1)))
        .isInstanceOf(SteerableClock.OutOfRange.class)
        .hasMessage("must be from 2000-01-01T00:00:00Z to 2199-12-31T23:59:59Z");
    assertThatThrownBy(() -> clock.set(SteerableClock.LATEST.plusNanos(1)))
        .isInstanceOf(SteerableClock.OutOfRange.class);
    assertThat(clock.instant()).isEqualTo(SteerableClock.LATEST);
  }

  @Test
  void aFrozenClockStandsStillMovesOnlyWhenSteeredAndRunsOnFromThereWhenThawed() {
    clock.advance(Duration.ofMinutes(1));
    SteerableClock.Reading frozen = clock.freeze(true);
    assertThat(frozen.frozen()).isTrue();
    Instant at = start.plusSeconds(60);

    real.advance(Duration.ofSeconds(10));
    assertThat(clock.instant()).isEqualTo(at);
    assertThat(clock.millis()).isEqualTo(at.toEpochMilli());
    assertThat(clock.reading().offset()).isEqualTo(Duration.ofSeconds(50));

    assertThat(clock.advance(Duration.ofSeconds(5)).now()).isEqualTo(at.plusSeconds(5));
    assertThat(clock.reading().frozen()).isTrue();
    Instant set = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(clock.set(set))
        .isEqualTo(new SteerableClock.Reading(set, Duration.between(real.instant(), set), true));

    SteerableClock.Reading thawed = clock.freeze(false);
    assertThat(thawed.frozen()).isFalse();
    assertThat(thawed.now()).isEqualTo(set);
    real.advance(Duration.ofSeconds(7));
    assertThat(clock.instant()).isEqualTo(set.plusSeconds(7));
  }

  @Test
  void freezingAFrozenClockOrThawingARunningOneChangesNothing() {
    clock.freeze(true);
    real.advance(Duration.ofSeconds(4));
    clock.freeze(true);
    assertThat(clock.instant()).isEqualTo(start);

    clock.freeze(false);
    clock.freeze(false);
    real.advance(Duration.ofSeconds(1));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(1));
  }

  @Test
  void resetReturnsToRealTime() {
    clock.advance(Duration.ofHours(1));
    clock.freeze(true);

    clock.reset();

    real.advance(Duration.ofSeconds(1));
    assertThat(clock.reading())
        .isEqualTo(new SteerableClock.Reading(real.instant(), Duration.ZERO, false));
  }

  @Test
  void aTestCanHandItsOwnStoreAndSeeTheShift() {
    InMemoryTimeShiftStore store = new InMemoryTimeShiftStore();
    SteerableClock shared = new SteerableClock(real, store);

    shared.advance(Duration.ofSeconds(30));

    assertThat(store.current()).isEqualTo(new TimeShift(Duration.ofSeconds(30), null));
    assertThat(new SteerableClock(real, store).instant()).isEqualTo(start.plusSeconds(30));
  }

  @Test
  void itIsInUtcAndStaysThere() {
    assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    assertThatThrownBy(() -> clock.withZone(java.time.ZoneId.of("Europe/Berlin")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aShiftNeedsAnOffset() {
    assertThatThrownBy(() -> new TimeShift(null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TimeShift.NONE.frozen()).isFalse();
    assertThat(new TimeShift(Duration.ZERO, start).frozen()).isTrue();
  }
}
