package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.support.MutableClock;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exact edges of the throttle (to the millisecond): window and block ends, budgets; in memory
 * and in Redis.
 */
@ParameterizedClass
@EnumSource(ThrottleKind.class)
class InMemoryBruteForceThrottleBehaviourTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final IpAddress IP = IpAddress.of("198.51.100.7");
  private final MutableClock clock = MutableClock.atFixedStart();
  private final ThrottleKind kind;
  private final BruteForceThrottle throttle;

  InMemoryBruteForceThrottleBehaviourTest(ThrottleKind kind) {
    this.kind = kind;
    this.throttle =
        kind.create(
            clock, new ThrottlePolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(30)), 1, REDIS);
  }

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(throttle.failed(IP)).as("failure %d", i + 1).isEmpty();
    }
  }

  private void succeed(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(throttle.blockedFor(IP)).isEmpty();
    }
  }

  @Test
  void oneFailureFewerThanTheBudgetLeavesTheIpOpen() {
    fail(2);

    assertThat(throttle.blockedFor(IP)).isEmpty();
  }

  @Test
  void theBlockLastsUntilItsLastMillisecond() {
    fail(3);
    clock.advance(Duration.ofSeconds(30).minusMillis(1));

    assertThat(throttle.blockedFor(IP)).contains(Duration.ofMillis(1));
    assertThat(throttle.failed(IP)).contains(Duration.ofMillis(1));
  }

  @Test
  void theBlockIsOverExactlyWhenItsTimeHasPassedWithAFreshBudget() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));

    assertThat(throttle.blockedFor(IP)).isEmpty();
    fail(2);
    assertThat(throttle.blockedFor(IP)).isEmpty();
  }

  @Test
  void aFailureStillCountsJustBeforeTheWindowEnds() {
    fail(2);
    clock.advance(Duration.ofSeconds(10).minusMillis(1));
    fail(1);

    assertThat(throttle.blockedFor(IP)).contains(Duration.ofSeconds(30));
  }

  @Test
  void aFailureNoLongerCountsExactlyWhenTheWindowEnds() {
    fail(2);
    clock.advance(Duration.ofSeconds(10));
    fail(2);

    assertThat(throttle.blockedFor(IP)).isEmpty();
  }

  @Test
  void successesBetweenFailuresNeitherCountNorForgive() {
    fail(1);
    succeed(4);
    fail(1);
    succeed(1);
    fail(1);

    assertThat(throttle.blockedFor(IP)).contains(Duration.ofSeconds(30));
  }

  @Test
  void aFailureWhileBlockedNeitherCountsNorProlongsTheBlock() {
    fail(3);
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.failed(IP)).isPresent();
    }

    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.failed(IP)).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    fail(2);
    assertThat(throttle.blockedFor(IP)).isEmpty();
  }

  @Test
  void theBlockStartsAtTheFailureThatFillsTheBudget() {
    fail(2);
    clock.advance(Duration.ofSeconds(4));
    fail(1);

    assertThat(throttle.blockedFor(IP)).contains(Duration.ofSeconds(30));
  }

  @Test
  void aTrackedIpListsTheFailuresStillInTheWindowUntilItsLastOneLeavesIt() {
    fail(1);
    clock.advance(Duration.ofSeconds(5));
    fail(1);
    clock.advance(Duration.ofSeconds(5).minusMillis(1));
    assertThat(throttle.tracked(10))
        .extracting(BruteForceThrottle.TrackedIp::failures)
        .containsExactly(2);

    clock.advance(Duration.ofMillis(1)); // the first failure is exactly one window old
    assertThat(throttle.tracked(10))
        .extracting(BruteForceThrottle.TrackedIp::failures)
        .containsExactly(1);

    clock.advance(Duration.ofSeconds(5)); // and now the second
    assertThat(throttle.tracked(10)).isEmpty();
  }

  @Test
  void ipsAreTrackedIndependently() {
    fail(3);

    assertThat(throttle.blockedFor(IpAddress.of("198.51.100.8"))).isEmpty();
    assertThat(throttle.failed(IpAddress.of("198.51.100.8"))).isEmpty();
  }

  @Test
  void aBudgetOfOneBlocksAfterTheFirstFailure() {
    BruteForceThrottle strict =
        kind.create(
            clock, new ThrottlePolicy(1, Duration.ofSeconds(10), Duration.ofSeconds(30)), 1, REDIS);
    assertThat(strict.failed(IP)).isEmpty();

    assertThat(strict.blockedFor(IP)).contains(Duration.ofSeconds(30));
  }

  @Test
  void aPolicyFinerThanAMillisecondRoundsUpToOne() {
    BruteForceThrottle fine =
        kind.create(
            clock, new ThrottlePolicy(1, Duration.ofNanos(1), Duration.ofNanos(1)), 1, REDIS);
    assertThat(fine.failed(IP)).isEmpty();

    assertThat(fine.blockedFor(IP)).contains(Duration.ofMillis(1));
    clock.advance(Duration.ofMillis(1));
    assertThat(fine.blockedFor(IP)).isEmpty();
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
