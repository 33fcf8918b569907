package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The throttle forgets an ip once nothing about it matters any more (its failures have left the
 * window and its block has ended), so that a flood of distinct ips does not grow the heap. No
 * answer shows the tracked ips; {@link InMemoryBruteForceThrottle#trackedIps()} counts them.
 */
class ThrottleMemoryBehaviourTest {
  private static final IpAddress IP = IpAddress.of("203.0.113.70");
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration BLOCK = Duration.ofSeconds(30);
  private static final Duration HALF_SECOND = Duration.ofMillis(500);

  private final MutableClock clock = MutableClock.atFixedStart();
  private final InMemoryBruteForceThrottle throttle =
      new InMemoryBruteForceThrottle(clock, new ThrottlePolicy(3, WINDOW, BLOCK));

  /** Whether the one ip of these tests is tracked. */
  private boolean ipTracked() {
    return throttle.trackedIps() == 1;
  }

  private void fail() {
    assertThat(throttle.failed(IP)).isEmpty();
  }

  @Test
  void anIpWithRecentFailuresIsForgottenWhenTheyLeaveTheWindow() {
    fail();
    clock.advance(Duration.ofSeconds(4));
    fail();

    clock.advance(WINDOW.minus(HALF_SECOND));
    assertThat(ipTracked()).isTrue();

    clock.advance(Duration.ofSeconds(1));
    assertThat(ipTracked()).isFalse();
  }

  @Test
  void aBlockedIpIsForgottenWhenItsBlockEnds() {
    fail();
    fail();
    fail();

    clock.advance(BLOCK.minus(HALF_SECOND));
    assertThat(ipTracked()).isTrue();

    clock.advance(Duration.ofSeconds(1));
    assertThat(ipTracked()).isFalse();
  }

  @Test
  void anIpWithOnlySuccessesIsNotKept() {
    assertThat(throttle.blockedFor(IP)).isEmpty();

    assertThat(ipTracked()).isFalse();
  }

  @Test
  void refusedFailuresDoNotKeepABlockedIpLonger() {
    fail();
    fail();
    fail();
    clock.advance(BLOCK.minus(HALF_SECOND));
    assertThat(throttle.failed(IP)).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(ipTracked()).isFalse();
  }

  @Test
  void aFullTableForgetsOtherIpsBeforeARecentBlockAndNeverHoldsMoreThanItsBound() {
    fail();
    fail();
    fail();
    int flood = (int) InMemoryBruteForceThrottle.MAX_TRACKED_IPS * 3 / 2;
    for (int i = 0; i < flood; i++) {
      assertThat(throttle.failed(new IpAddress(0x2001_0db8_0000_0000L, i)))
          .isEmpty(); // 2001:db8::i
    }

    assertThat(throttle.trackedIps()).isEqualTo(InMemoryBruteForceThrottle.MAX_TRACKED_IPS);
    assertThat(throttle.blockedFor(IP)).contains(BLOCK);
    clock.advance(WINDOW);
    assertThat(ipTracked()).as("only the blocked ip is left once the window has passed").isTrue();
    assertThat(throttle.blockedFor(IP)).contains(BLOCK.minus(WINDOW));
  }
}
