package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.MockState;
import io.contractkit.mock.admin.InMemoryRequestJournal;
import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.contacts.InMemoryBruteForceThrottle;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.faults.FaultState;
import io.contractkit.mock.faults.InMemoryFaultRules;
import io.contractkit.mock.faults.SeededRandom;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.InMemoryDataOverrides;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.fixtures.ServedData;
import io.contractkit.mock.lms.AuthTokenStore;
import io.contractkit.mock.lms.Outbox;
import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The changes that touch the data and the authTokens together -- test data put at run time,
 * reloaded fixtures, the clock set back -- are atomic for requests like a reset: they wait for the
 * requests in flight, and a request that arrives meanwhile runs after them, so no request sees the
 * data changed but its authTokens not yet. Shown with latches, as in {@link ResetAtomicityTest}.
 */
class StateChangeAtomicityTest {
  private final CountDownLatch tokensTouched = new CountDownLatch(1);
  private final CountDownLatch releaseTokens = new CountDownLatch(1);
  private final AtomicInteger forgetExpiredCalls = new AtomicInteger();
  private final MutableClock real = MutableClock.atFixedStart();
  private final SteerableClock clock = new SteerableClock(real);

  /** A token store that reports, and holds, every reseed and forgetting of expired tokens. */
  private final AuthTokenStore tokens =
      new AuthTokenStore() {
        @Override
        public boolean issue(String accessToken, String code, Instant expiresAt) {
          return true;
        }

        @Override
        public boolean consume(String accessToken, String code) {
          return false;
        }

        @Override
        public void reset() {}

        @Override
        public void reseed(Collection<Lead> leads, Set<String> fresh) {
          tokensTouched.countDown();
          await(releaseTokens);
        }

        @Override
        public void forgetExpired() {
          forgetExpiredCalls.incrementAndGet();
          tokensTouched.countDown();
          await(releaseTokens);
        }
      };

  private final MockState state =
      new MockState(
          tokens,
          new InMemoryBruteForceThrottle(clock, ThrottlePolicy.DEFAULT),
          new Outbox(10),
          new InMemoryRequestJournal(10),
          clock,
          new ServedData(
              new Fixtures(Map.of(), Map.of()),
              "bundled",
              real.instant(),
              new InMemoryDataOverrides()),
          new FaultState(new InMemoryFaultRules(), new SeededRandom(1)));

  @Test
  void aDataChangeWaitsForTheRequestsInFlight() throws Exception {
    assertWaitsForARequestInFlight(
        () -> state.changeData(overrides -> overrides.withoutContact("x"), Set.of()));
  }

  @Test
  void aReloadWaitsForTheRequestsInFlight() throws Exception {
    assertWaitsForARequestInFlight(
        () -> state.fixturesReloaded(new Fixtures(Map.of(), Map.of()), real.instant()));
  }

  @Test
  void settingTheClockBackWaitsForTheRequestsInFlight() throws Exception {
    assertWaitsForARequestInFlight(() -> state.setClock(real.instant().minusSeconds(60)));
  }

  @Test
  void aRequestThatArrivesDuringADataChangeRunsOnlyAfterIt() throws Exception {
    CompletableFuture<Void> change =
        CompletableFuture.runAsync(() -> state.changeData(o -> o, Set.of()));
    assertThat(tokensTouched.await(10, TimeUnit.SECONDS)).isTrue();
    CountDownLatch handled = new CountDownLatch(1);

    CompletableFuture<Void> request = CompletableFuture.runAsync(() -> handle(handled::countDown));

    assertThat(handled.await(200, TimeUnit.MILLISECONDS)).as("ran during the change").isFalse();
    releaseTokens.countDown();
    change.get(10, TimeUnit.SECONDS);
    request.get(10, TimeUnit.SECONDS);
    assertThat(handled.getCount()).isZero();
  }

  @Test
  void onlyAStepBackForgetsExpiredTokensAndAnInstantOutOfRangeChangesNothing() {
    releaseTokens.countDown();
    Instant start = real.instant();

    state.setClock(start.plus(Duration.ofHours(1)));
    assertThat(forgetExpiredCalls).hasValue(0);
    assertThatThrownBy(() -> state.setClock(SteerableClock.EARLIEST.minusSeconds(1)))
        .isInstanceOf(SteerableClock.OutOfRange.class);
    assertThat(forgetExpiredCalls).hasValue(0);
    assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofHours(1)));

    assertThat(state.setClock(start).now()).isEqualTo(start);
    assertThat(forgetExpiredCalls).hasValue(1);
  }

  @Test
  void aResetReturnsTheClockToRealTimeAndDropsTheTestData() {
    releaseTokens.countDown();
    clock.advance(Duration.ofHours(1));
    state.changeData(o -> o.withoutLead("lead-A"), Set.of());

    state.reset();

    assertThat(clock.instant()).isEqualTo(real.instant());
    assertThat(state.data().get()).isSameAs(state.data().fixtures());
  }

  private void assertWaitsForARequestInFlight(Runnable change) throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    CompletableFuture<Void> request =
        CompletableFuture.runAsync(
            () ->
                handle(
                    () -> {
                      inside.countDown();
                      await(leave);
                    }));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> changing = CompletableFuture.runAsync(change);

    assertThat(tokensTouched.await(200, TimeUnit.MILLISECONDS))
        .as("the change began while a request was inside")
        .isFalse();
    leave.countDown();
    request.get(10, TimeUnit.SECONDS);
    assertThat(tokensTouched.await(10, TimeUnit.SECONDS)).isTrue();
    releaseTokens.countDown();
    changing.get(10, TimeUnit.SECONDS);
  }

  private void handle(Runnable body) {
    try {
      state.guarded(ctx -> body.run()).handle(null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
