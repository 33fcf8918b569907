package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exact edges of the throttle: window and block ends, budgets, reservations. */
class InMemoryBruteForceThrottleBehaviourTest {
  private static final String IP = "198.51.100.7";
  private final MutableClock clock = MutableClock.atFixedStart();
  private final InMemoryBruteForceThrottle throttle =
      new InMemoryBruteForceThrottle(
          clock, new ThrottlePolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(30)));

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      BruteForceThrottle.Attempt attempt = throttle.begin(IP);
      assertThat(attempt.refusedFor()).as("attempt %d", i + 1).isEmpty();
      attempt.failed();
    }
  }

  private void succeed(int times) {
    for (int i = 0; i < times; i++) {
      BruteForceThrottle.Attempt attempt = throttle.begin(IP);
      assertThat(attempt.refusedFor()).isEmpty();
      attempt.succeeded();
    }
  }

  @Test
  void oneFailureFewerThanTheBudgetLeavesTheIpOpen() {
    fail(2);

    assertThat(throttle.begin(IP).refusedFor()).isEmpty();
  }

  @Test
  void theBlockLastsUntilItsLastNanosecond() {
    fail(3);
    clock.advance(Duration.ofSeconds(30).minusNanos(1));

    assertThat(throttle.begin(IP).refusedFor()).contains(Duration.ofNanos(1));
  }

  @Test
  void theBlockIsOverExactlyWhenItsTimeHasPassedWithAFreshBudget() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));

    fail(2);
    assertThat(throttle.begin(IP).refusedFor()).isEmpty();
  }

  @Test
  void aFailureStillCountsJustBeforeTheWindowEnds() {
    fail(2);
    clock.advance(Duration.ofSeconds(10).minusNanos(1));
    fail(1);

    assertThat(throttle.begin(IP).refusedFor()).contains(Duration.ofSeconds(30));
  }

  @Test
  void aFailureNoLongerCountsExactlyWhenTheWindowEnds() {
    fail(2);
    clock.advance(Duration.ofSeconds(10));
    fail(2);

    assertThat(throttle.begin(IP).refusedFor()).isEmpty();
  }

  @Test
  void successesBetweenFailuresNeitherCountNorForgive() {
    fail(1);
    succeed(4);
    fail(1);
    succeed(1);
    fail(1);

    assertThat(throttle.begin(IP).refusedFor()).contains(Duration.ofSeconds(30));
  }

  @Test
  void aSuccessWhileBlockedCannotHappenAndLeavesTheBlockInPlace() {
    fail(3);
    BruteForceThrottle.Attempt refused = throttle.begin(IP);
    refused.succeeded();
    refused.failed();

    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.begin(IP).refusedFor()).contains(Duration.ofSeconds(1));
  }

  @Test
  void aReservationLeftOpenKeepsCountingAgainstTheBudget() {
    fail(1);
    BruteForceThrottle.Attempt open = throttle.begin(IP);
    BruteForceThrottle.Attempt alsoOpen = throttle.begin(IP);

    assertThat(throttle.begin(IP).refusedFor()).contains(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(5));
    assertThat(throttle.begin(IP).refusedFor()).contains(Duration.ofSeconds(1));

    open.succeeded();
    alsoOpen.succeeded();
    fail(1);
    assertThat(throttle.begin(IP).refusedFor()).isEmpty();
  }

  @Test
  void aFailedReservationBlocksForTheFullBlockTimeFromItsEnd() {
    fail(2);
    BruteForceThrottle.Attempt last = throttle.begin(IP);
    clock.advance(Duration.ofSeconds(4));
    last.failed();

    assertThat(throttle.begin(IP).refusedFor()).contains(Duration.ofSeconds(30));
  }

  @Test
  void finishingAnAttemptAfterAResetDoesNotUnderflowTheBudget() {
    BruteForceThrottle.Attempt stale = throttle.begin(IP);
    throttle.reset();
    stale.succeeded();
    stale.succeeded();

    // Three fresh reservations still fit the budget of three.
    BruteForceThrottle.Attempt a = throttle.begin(IP);
    BruteForceThrottle.Attempt b = throttle.begin(IP);
    BruteForceThrottle.Attempt c = throttle.begin(IP);
    assertThat(a.refusedFor()).isEmpty();
    assertThat(b.refusedFor()).isEmpty();
    assertThat(c.refusedFor()).isEmpty();
    assertThat(throttle.begin(IP).refusedFor()).isPresent();
  }

  @Test
  void ipsAreTrackedIndependently() {
    fail(3);

    BruteForceThrottle.Attempt other = throttle.begin("198.51.100.8");
    assertThat(other.refusedFor()).isEmpty();
  }

  @Test
  void aBudgetOfOneBlocksAfterTheFirstFailure() {
    InMemoryBruteForceThrottle strict =
        new InMemoryBruteForceThrottle(
            clock, new ThrottlePolicy(1, Duration.ofSeconds(10), Duration.ofSeconds(30)));
    BruteForceThrottle.Attempt first = strict.begin(IP);
    assertThat(first.refusedFor()).isEmpty();
    first.failed();

    assertThat(strict.begin(IP).refusedFor()).contains(Duration.ofSeconds(30));
  }

  @Test
  void policiesRejectNonPositiveValuesAndAcceptTheSmallestPositiveOnes() {
    assertThat(new ThrottlePolicy(1, Duration.ofNanos(1), Duration.ofNanos(1)).maxFailures())
        .isEqualTo(1);
    assertThatThrownBy(() -> new ThrottlePolicy(1, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottlePolicy(1, Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottlePolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ThrottlePolicy.DEFAULT)
        .isEqualTo(new ThrottlePolicy(10, Duration.ofSeconds(60), Duration.ofSeconds(300)));
  }
}
