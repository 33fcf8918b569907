package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The throttle forgets an ip once nothing about it matters any more (its failures have left the
 * window and its block has ended), so that a flood of distinct ips does not grow the heap. The
 * tracked ips are private state; this test reads them reflectively because no answer shows them.
 */
class ThrottleMemoryBehaviourTest {
  private static final String IP = "203.0.113.70";
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration BLOCK = Duration.ofSeconds(30);
  private static final Duration HALF_SECOND = Duration.ofMillis(500);

  private final MutableClock clock = MutableClock.atFixedStart();
  private final InMemoryBruteForceThrottle throttle =
      new InMemoryBruteForceThrottle(clock, new ThrottlePolicy(3, WINDOW, BLOCK));

  @SuppressWarnings("unchecked")
  private boolean tracked(String ip) throws ReflectiveOperationException {
    var field = InMemoryBruteForceThrottle.class.getDeclaredField("ips");
    field.setAccessible(true);
    return ((Map<String, ?>) field.get(throttle)).containsKey(ip);
  }

  private void fail() {
    assertThat(throttle.failed(IP)).isEmpty();
  }

  @Test
  void anIpWithRecentFailuresIsForgottenWhenTheyLeaveTheWindow() throws Exception {
    fail();
    clock.advance(Duration.ofSeconds(4));
    fail();

    clock.advance(WINDOW.minus(HALF_SECOND));
    assertThat(tracked(IP)).isTrue();

    clock.advance(Duration.ofSeconds(1));
    assertThat(tracked(IP)).isFalse();
  }

  @Test
  void aBlockedIpIsForgottenWhenItsBlockEnds() throws Exception {
    fail();
    fail();
    fail();

    clock.advance(BLOCK.minus(HALF_SECOND));
    assertThat(tracked(IP)).isTrue();

    clock.advance(Duration.ofSeconds(1));
    assertThat(tracked(IP)).isFalse();
  }

  @Test
  void anIpWithOnlySuccessesIsNotKept() throws Exception {
    assertThat(throttle.blockedFor(IP)).isEmpty();

    assertThat(tracked(IP)).isFalse();
  }

  @Test
  void refusedFailuresDoNotKeepABlockedIpLonger() throws Exception {
    fail();
    fail();
    fail();
    clock.advance(BLOCK.minus(HALF_SECOND));
    assertThat(throttle.failed(IP)).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(tracked(IP)).isFalse();
  }
}
