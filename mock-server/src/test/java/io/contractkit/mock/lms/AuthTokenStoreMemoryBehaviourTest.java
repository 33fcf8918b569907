package io.contractkit.mock.lms;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The token store forgets a token once it has expired, so that a flood of issued tokens does not
 * grow the heap; a token without expiry stays. The stored tokens are private state; this test
 * counts them reflectively because no answer shows them.
 */
class AuthTokenStoreMemoryBehaviourTest {
  private static final Duration HALF_SECOND = Duration.ofMillis(500);

  private final MutableClock clock = MutableClock.atFixedStart();
  private final Lead lead =
      new Lead(
          "lead-A",
          Instant.parse("2031-01-01T00:00:00Z"),
          new byte[0],
          "A",
          "a@example.com",
          null,
          List.of(
              new Lead.SeededAuthToken("111111", null),
              new Lead.SeededAuthToken("222222", Instant.parse("2020-01-01T00:00:00Z"))));
  private final InMemoryAuthTokenStore store = new InMemoryAuthTokenStore(clock, List.of(lead));

  private int liveTokens() throws ReflectiveOperationException {
    var field = InMemoryAuthTokenStore.class.getDeclaredField("tokens");
    field.setAccessible(true);
    int live = 0;
    for (Object ignored : ((Map<?, ?>) field.get(store)).keySet()) {
      live++;
    }
    return live;
  }

  @Test
  void anExpiredSeededTokenIsNotKeptAndOneWithoutExpiryIs() throws Exception {
    assertThat(liveTokens()).isEqualTo(1);

    clock.advance(Duration.ofDays(3650));
    assertThat(liveTokens()).isEqualTo(1);
    assertThat(store.consume("lead-A", "111111")).isTrue();
  }

  @Test
  void anIssuedTokenIsForgottenWhenItExpires() throws Exception {
    store.issue("lead-A", "333333", clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(liveTokens()).isEqualTo(2);

    clock.advance(Duration.ofMinutes(5).minus(HALF_SECOND));
    assertThat(liveTokens()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1));
    assertThat(liveTokens()).isEqualTo(1);
  }

  @Test
  void anExpiredCodeCanBeIssuedAgain() {
    store.issue("lead-A", "444444", clock.instant().plus(Duration.ofSeconds(1)));
    clock.advance(Duration.ofSeconds(1).plus(HALF_SECOND));

    assertThat(store.issue("lead-A", "444444", clock.instant().plus(Duration.ofSeconds(1))))
        .isTrue();
    assertThat(store.consume("lead-A", "444444")).isTrue();
  }
}
