package io.contractkit.mock.lms;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The token store forgets an issued token once it has expired, so that a flood of issued tokens
 * does not grow the heap; seeded tokens stay until consumed (the fixtures bound them).
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

  @Test
  void seededTokensAreKeptWhateverTheirExpiryTheFixturesBoundThem() {
    assertThat(store.activeTokens()).isEqualTo(2);

    clock.advance(Duration.ofDays(3650));
    assertThat(store.activeTokens()).isEqualTo(2);
    assertThat(store.consume("lead-A", "111111")).isTrue();
    assertThat(store.consume("lead-A", "222222")).isFalse();
    assertThat(store.activeTokens()).isZero();
  }

  @Test
  void anIssuedTokenIsForgottenWhenItExpires() {
    store.issue("lead-A", "333333", clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(store.activeTokens()).isEqualTo(3);

    clock.advance(Duration.ofMinutes(5).minus(HALF_SECOND));
    assertThat(store.activeTokens()).isEqualTo(3);

    clock.advance(Duration.ofSeconds(1));
    assertThat(store.activeTokens()).isEqualTo(2);
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
