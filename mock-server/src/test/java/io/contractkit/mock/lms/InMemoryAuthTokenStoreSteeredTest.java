package io.contractkit.mock.lms;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.support.MutableClock;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token store when the data or the clock is steered: leads reseeded (fixtures reloaded, a lead
 * put or deleted at run time), expired tokens forgotten before the clock is set back, and a cache
 * whose ticker never goes back.
 */
class InMemoryAuthTokenStoreSteeredTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private final MutableClock real = MutableClock.atFixedStart();
  private final SteerableClock clock = new SteerableClock(real);
  private final Instant start = real.instant();

  private static Lead lead(String accessToken, String... codes) {
    return new Lead(
        accessToken,
        Instant.parse("2031-01-01T00:00:00Z"),
        new byte[0],
        null,
        null,
        null,
        java.util.Arrays.stream(codes).map(c -> new Lead.SeededAuthToken(c, null)).toList());
  }

  private final InMemoryAuthTokenStore store =
      new InMemoryAuthTokenStore(
          clock, List.of(lead("lead-A", "111", "222"), lead("lead-B", "333")));

  /** What every store does, in memory and in Redis. */
  @Nested
  @ParameterizedClass
  @EnumSource(TokenStoreKind.class)
  class AnyStore {
    private final TokenStoreKind kind;
    private final AuthTokenStore store;

    AnyStore(TokenStoreKind kind) {
      this.kind = kind;
      store =
          kind.create(clock, List.of(lead("lead-A", "111", "222"), lead("lead-B", "333")), REDIS);
    }

    // --- reseed
    // ------------------------------------------------------------------------------------

    @Test
    void aReseedKeepsAUsedSeededTokenUsedAndAnUnusedOneValid() {
      assertThat(store.consume("lead-A", "111")).isTrue();

      store.reseed(List.of(lead("lead-A", "111", "222"), lead("lead-B", "333")), Set.of());

      assertThat(store.consume("lead-A", "111")).isFalse();
      assertThat(store.consume("lead-A", "222")).isTrue();
      assertThat(store.consume("lead-B", "333")).isTrue();
    }

    @Test
    void aSeededTokenNewToItsLeadIsValidOnceAndOneNoLongerListedIsGone() {
      store.reseed(List.of(lead("lead-A", "111", "444"), lead("lead-B", "333")), Set.of());

      assertThat(store.consume("lead-A", "444")).isTrue();
      assertThat(store.consume("lead-A", "444")).isFalse();
      assertThat(store.consume("lead-A", "222")).isFalse();
      assertThat(store.consume("lead-A", "111")).isTrue();
    }

    @Test
    void aFreshLeadHasEverySeededTokenValidAgainAndOthersKeepTheirState() {
      store.consume("lead-A", "111");
      store.consume("lead-B", "333");

      store.reseed(List.of(lead("lead-A", "111", "222"), lead("lead-B", "333")), Set.of("lead-A"));

      assertThat(store.consume("lead-A", "111")).isTrue();
      assertThat(store.consume("lead-B", "333")).isFalse();
    }

    @Test
    void tokensIssuedForALeadThatStaysKeepWorkingAndThoseOfALeadThatIsGoneAreForgotten() {
      Instant later = start.plus(Duration.ofMinutes(15));
      store.issue("lead-A", "issued-A", later);
      store.issue("lead-B", "issued-B", later);

      store.reseed(List.of(lead("lead-A", "111")), Set.of());

      assertThat(store.consume("lead-A", "issued-A")).isTrue();
      assertThat(store.consume("lead-B", "issued-B")).isFalse();
      assertThat(store.consume("lead-B", "333")).isFalse();
    }

    @Test
    void aResetRestoresTheSeedOfTheLastReseed() {
      store.reseed(List.of(lead("lead-A", "555")), Set.of());
      store.consume("lead-A", "555");

      store.reset();

      assertThat(store.consume("lead-A", "555")).isTrue();
      assertThat(store.consume("lead-A", "111")).isFalse();
      assertThat(store.consume("lead-B", "333")).isFalse();
    }

    // --- the clock set back
    // ------------------------------------------------------------------------

    @Test
    void tokensForgottenAsExpiredStayExpiredWhenTheClockIsSetBack() {
      AuthTokenStore expiring =
          kind.create(
              clock,
              List.of(
                  new Lead(
                      "lead-C",
                      Instant.parse("2031-01-01T00:00:00Z"),
                      new byte[0],
                      null,
                      null,
                      null,
                      List.of(
                          new Lead.SeededAuthToken("seeded-short", start.plusSeconds(60)),
                          new Lead.SeededAuthToken("seeded-long", start.plusSeconds(600))))),
              REDIS);
      expiring.issue("lead-C", "issued-short", start.plusSeconds(60));
      expiring.issue("lead-C", "issued-long", start.plusSeconds(600));
      clock.advance(Duration.ofMinutes(2));

      expiring.forgetExpired();
      clock.set(start);

      assertThat(expiring.consume("lead-C", "seeded-short")).isFalse();
      assertThat(expiring.consume("lead-C", "issued-short")).isFalse();
      assertThat(expiring.consume("lead-C", "seeded-long")).isTrue();
      assertThat(expiring.consume("lead-C", "issued-long")).isTrue();
    }
  }

  @Test
  void afterAStepBackATokenIsValidUntilItsOwnExpiryOnTheClock() {
    clock.advance(Duration.ofHours(1));
    store.activeTokens(); // the cache's ticker has seen the later time
    clock.set(start);
    store.issue("lead-A", "after-step-back", start.plus(Duration.ofMinutes(10)));

    clock.advance(Duration.ofMinutes(10).minusMillis(1));
    assertThat(store.activeTokens()).as("not evicted before it expires").isEqualTo(4);
    assertThat(store.consume("lead-A", "after-step-back")).isTrue();
  }

  @Test
  void aFullStoreMakesRoomByTheClockWhenItsCacheLagsBehindASetBack() {
    clock.advance(Duration.ofHours(1));
    store.activeTokens();
    clock.set(start);
    Instant soon = start.plus(Duration.ofMinutes(1));
    for (int i = 0; i < InMemoryAuthTokenStore.MAX_ISSUED_TOKENS; i++) {
      store.issue("lead-A", "t" + i, soon);
    }
    clock.advance(Duration.ofMinutes(2));

    assertThat(store.issue("lead-A", "fits", start.plus(Duration.ofMinutes(5)))).isTrue();
    assertThat(store.consume("lead-A", "fits")).isTrue();
    assertThat(store.consume("lead-A", "t0")).isFalse();
  }

  @Test
  void theCachesTickerFollowsTheClockForwardAndNeverGoesBack() {
    InMemoryAuthTokenStore.LatestTimeTicker ticker =
        new InMemoryAuthTokenStore.LatestTimeTicker(clock);
    long first = ticker.read();
    assertThat(first).isEqualTo(nanos(start));

    clock.advance(Duration.ofSeconds(5));
    assertThat(ticker.read()).isEqualTo(nanos(start.plusSeconds(5)));

    assertThat(ticker.lagging()).isFalse();

    clock.set(start);
    assertThat(ticker.read()).isEqualTo(nanos(start.plusSeconds(5)));
    assertThat(ticker.lagging()).as("the clock is behind what the ticker has seen").isTrue();

    clock.advance(Duration.ofSeconds(5));
    assertThat(ticker.lagging()).as("caught up").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(ticker.read()).isEqualTo(nanos(start.plusSeconds(6)));
    assertThat(ticker.lagging()).isFalse();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
