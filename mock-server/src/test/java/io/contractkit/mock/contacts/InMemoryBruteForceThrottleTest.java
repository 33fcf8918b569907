package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's window and block arithmetic, on a test clock. */
class InMemoryBruteForceThrottleTest {
  private final MutableClock clock = MutableClock.atFixedStart();
  private final InMemoryBruteForceThrottle throttle =
      new InMemoryBruteForceThrottle(
          clock, new ThrottlePolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(30)));

  @Test
  void theFailureThatFillsTheBudgetCountsAndTheNextIsRefusedForTheWholeBlock() {
    assertThat(throttle.failed(IpAddress.of("192.0.2.1"))).isEmpty();
    assertThat(throttle.failed(IpAddress.of("192.0.2.1"))).isEmpty();

    assertThat(throttle.failed(IpAddress.of("192.0.2.1"))).contains(Duration.ofSeconds(30));
    assertThat(throttle.blockedFor(IpAddress.of("192.0.2.1"))).contains(Duration.ofSeconds(30));
  }

  @Test
  void theRefusalCountsDownWithTheClock() {
    throttle.failed(IpAddress.of("192.0.2.1"));
    throttle.failed(IpAddress.of("192.0.2.1"));
    clock.advance(Duration.ofSeconds(12));

    assertThat(throttle.blockedFor(IpAddress.of("192.0.2.1"))).contains(Duration.ofSeconds(18));
    assertThat(throttle.failed(IpAddress.of("192.0.2.1"))).contains(Duration.ofSeconds(18));
  }

  @Test
  void aFoundSecretIsRefusedOnlyWhileTheIpIsBlockedAndNeverCounts() {
    assertThat(throttle.blockedFor(IpAddress.of("192.0.2.2"))).isEmpty();
    throttle.failed(IpAddress.of("192.0.2.2"));
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.blockedFor(IpAddress.of("192.0.2.2"))).isEmpty();
    }

    assertThat(throttle.failed(IpAddress.of("192.0.2.2")))
        .as("the budget's second failure")
        .isEmpty();
    assertThat(throttle.blockedFor(IpAddress.of("192.0.2.2"))).contains(Duration.ofSeconds(30));
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    throttle.failed(IpAddress.of("192.0.2.4"));
    clock.advance(Duration.ofSeconds(10));

    assertThat(throttle.failed(IpAddress.of("192.0.2.4"))).isEmpty();
    assertThat(throttle.blockedFor(IpAddress.of("192.0.2.4"))).isEmpty();
  }

  @Test
  void resetForgetsBlocks() {
    throttle.failed(IpAddress.of("192.0.2.5"));
    throttle.failed(IpAddress.of("192.0.2.5"));

    throttle.reset();

    assertThat(throttle.blockedFor(IpAddress.of("192.0.2.5"))).isEmpty();
    assertThat(throttle.failed(IpAddress.of("192.0.2.5"))).isEmpty();
  }

  @Test
  void policiesMustBePositive() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ThrottlePolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("maxFailures");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ThrottlePolicy(1, Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("positive");
  }

  // --- the clock set back (the admin API can set it to any time) ---------------------------------

  @Test
  void aBlockNeverLastsLongerThanItsLengthAfterTheClockIsSetBack() {
    IpAddress ip = IpAddress.of("192.0.2.30");
    throttle.failed(ip);
    throttle.failed(ip);
    clock.advance(Duration.ofHours(-1));

    assertThat(throttle.blockedFor(ip)).contains(Duration.ofSeconds(30));
    assertThat(throttle.failed(ip)).contains(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.blockedFor(ip)).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.blockedFor(ip)).isEmpty();
    assertThat(throttle.trackedIps()).as("forgotten once its shortened block ended").isZero();
  }

  @Test
  void aBlockSetBackWithinItsLengthKeepsItsEnd() {
    IpAddress ip = IpAddress.of("192.0.2.31");
    throttle.failed(ip);
    throttle.failed(ip);
    clock.advance(Duration.ofSeconds(20));
    clock.advance(Duration.ofSeconds(-15));

    assertThat(throttle.blockedFor(ip)).contains(Duration.ofSeconds(25));
  }

  @Test
  void failuresRecordedLaterThanTheClockCountAsMadeNow() {
    InMemoryBruteForceThrottle three =
        new InMemoryBruteForceThrottle(
            clock, new ThrottlePolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(30)));
    IpAddress ip = IpAddress.of("192.0.2.32");
    three.failed(ip);
    clock.advance(Duration.ofHours(-1));
    three.failed(ip);

    clock.advance(Duration.ofSeconds(10));

    assertThat(three.failed(ip)).as("both earlier failures left the window").isEmpty();
    assertThat(three.blockedFor(ip)).isEmpty();
  }
}
