package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's window and block arithmetic, on a test clock. */
class InMemoryBruteForceThrottleTest {
  private final MutableClock clock = MutableClock.atFixedStart();
  private final InMemoryBruteForceThrottle throttle =
      new InMemoryBruteForceThrottle(
          clock, new ThrottlePolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(30)));

  private Optional<Duration> fail(String ip) {
    BruteForceThrottle.Attempt attempt = throttle.begin(ip);
    attempt.refusedFor().ifPresentOrElse(d -> {}, attempt::failed);
    return attempt.refusedFor();
  }

  @Test
  void theAttemptAfterMaxFailuresIsRefusedForTheWholeBlock() {
    assertThat(fail("192.0.2.1")).isEmpty();
    assertThat(fail("192.0.2.1")).isEmpty();

    assertThat(throttle.begin("192.0.2.1").refusedFor()).contains(Duration.ofSeconds(30));
  }

  @Test
  void theRefusalCountsDownWithTheClock() {
    fail("192.0.2.1");
    fail("192.0.2.1");
    clock.advance(Duration.ofSeconds(12));

    assertThat(throttle.begin("192.0.2.1").refusedFor()).contains(Duration.ofSeconds(18));
  }

  @Test
  void aSucceededAttemptReleasesItsReservation() {
    for (int i = 0; i < 5; i++) {
      BruteForceThrottle.Attempt attempt = throttle.begin("192.0.2.2");
      assertThat(attempt.refusedFor()).isEmpty();
      attempt.succeeded();
    }
  }

  @Test
  void attemptsInFlightCountAgainstTheBudgetSoConcurrentFailuresCannotExceedIt() {
    BruteForceThrottle.Attempt first = throttle.begin("192.0.2.3");
    BruteForceThrottle.Attempt second = throttle.begin("192.0.2.3");

    assertThat(throttle.begin("192.0.2.3").refusedFor()).isPresent();

    second.succeeded();
    assertThat(throttle.begin("192.0.2.3").refusedFor()).isEmpty();
    first.failed();
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    fail("192.0.2.4");
    clock.advance(Duration.ofSeconds(10));

    assertThat(fail("192.0.2.4")).isEmpty();
    assertThat(throttle.begin("192.0.2.4").refusedFor()).isEmpty();
  }

  @Test
  void resetForgetsBlocks() {
    fail("192.0.2.5");
    fail("192.0.2.5");

    throttle.reset();

    assertThat(throttle.begin("192.0.2.5").refusedFor()).isEmpty();
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
}
