package io.contractkit.mock.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.support.MutableClock;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** One-time consumption, binding to a lead, expiry and reset, on a test clock. */
class InMemoryAuthTokenStoreTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

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
  void aFullStoreRefusesANewTokenAndKeepsEveryActiveOne() {
    Instant later = clock.instant().plus(Duration.ofMinutes(15));
    for (int i = 0; i < InMemoryAuthTokenStore.MAX_ISSUED_TOKENS; i++) {
      assertThat(store.issue("lead-A", "t" + i, later)).isTrue();
    }

    assertThatThrownBy(() -> store.issue("lead-A", "one-too-many", later))
        .isInstanceOf(AuthTokenStore.Full.class)
        .hasMessageContaining("reset it or let some expire");
    assertThat(store.consume("lead-A", "t0")).as("the first").isTrue();
    assertThat(store.consume("lead-A", "t" + (InMemoryAuthTokenStore.MAX_ISSUED_TOKENS - 1)))
        .as("the last")
        .isTrue();
    assertThat(store.issue("lead-A", "fits-again", later)).isTrue();

    clock.advance(Duration.ofMinutes(16));
    assertThat(store.issue("lead-A", "after-expiry", clock.instant().plus(Duration.ofMinutes(1))))
        .isTrue();
    assertThat(store.activeTokens()).as("the two seeded and after-expiry").isEqualTo(3);
  }

  // --- memory: issued tokens are forgotten on expiry; seeded ones are bounded by the fixtures ---

  private static final Duration HALF_SECOND = Duration.ofMillis(500);

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

  /** What every store does, in memory and in Redis. */
  @Nested
  @ParameterizedClass
  @EnumSource(TokenStoreKind.class)
  class AnyStore {
    private final AuthTokenStore store;

    AnyStore(TokenStoreKind kind) {
      store = kind.create(clock, List.of(lead), REDIS);
    }

    @Test
    void aSeededTokenIsConsumedExactlyOnce() {
      assertThat(store.consume("lead-A", "111111")).isTrue();
      assertThat(store.consume("lead-A", "111111")).isFalse();
    }

    @Test
    void aSeededTokenThatExpiredBeforeStartIsNeverAccepted() {
      assertThat(store.consume("lead-A", "222222")).isFalse();
    }

    @Test
    void aTokenIsBoundToItsLead() {
      assertThat(store.consume("lead-B", "111111")).isFalse();
      assertThat(store.consume("lead-A", "111111")).isTrue();
    }

    @Test
    void anIssuedTokenExpiresAtItsInstantNotBefore() {
      store.issue("lead-A", "333333", clock.instant().plus(Duration.ofMinutes(5)));
      store.issue("lead-A", "444444", clock.instant().plus(Duration.ofMinutes(5)));

      clock.advance(Duration.ofMinutes(5).minusMillis(1));
      assertThat(store.consume("lead-A", "333333")).isTrue();

      clock.advance(Duration.ofMillis(1));
      assertThat(store.consume("lead-A", "444444")).isFalse();
    }

    @Test
    void issuingAnActiveCodeAgainIsRefused() {
      assertThat(store.issue("lead-A", "555555", null)).isTrue();
      assertThat(store.issue("lead-A", "555555", null)).isFalse();
      assertThat(store.issue("lead-B", "555555", null)).isTrue();
    }

    @Test
    void resetRestoresTheSeededTokensAndForgetsIssuedOnes() {
      store.consume("lead-A", "111111");
      store.issue("lead-A", "666666", null);

      store.reset();

      assertThat(store.consume("lead-A", "666666")).isFalse();
      assertThat(store.consume("lead-A", "111111")).isTrue();
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
}
