package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.MockState;
import io.contractkit.mock.admin.InMemoryRequestJournal;
import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.contacts.BruteForceThrottle;
import io.contractkit.mock.contacts.IpAddress;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reset is atomic for requests, shown deterministically with latches: a reset waits for the
 * requests that are changing the state, and a request that arrives during a reset waits for it to
 * finish, so no request ever sees half of a reset. (ResetUnderLoadTest shows the same over HTTP,
 * under load.)
 */
class ResetAtomicityTest {
  private final CountDownLatch resetEntered = new CountDownLatch(1);
  private final CountDownLatch releaseReset = new CountDownLatch(1);

  /** A token store whose reset blocks until released: a reset caught half-way. */
  private final AuthTokenStore slowResettingStore =
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
        public void reset() {
          resetEntered.countDown();
          await(releaseReset);
        }

        @Override
        public void reseed(Collection<Lead> leads, Set<String> fresh) {}

        @Override
        public void forgetExpired() {}
      };

  private final BruteForceThrottle noThrottle =
      new BruteForceThrottle() {
        @Override
        public Optional<Duration> blockedFor(IpAddress ip) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Duration> failed(IpAddress ip) {
          throw new UnsupportedOperationException();
        }

        @Override
        public List<TrackedIp> tracked(int limit) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean forget(IpAddress ip) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void reset() {}
      };

  private final MockState state =
      new MockState(
          slowResettingStore,
          noThrottle,
          new Outbox(10),
          new InMemoryRequestJournal(10),
          new SteerableClock(MutableClock.atFixedStart()),
          new ServedData(
              new Fixtures(Map.of(), Map.of()),
              "bundled",
              Instant.EPOCH,
              new InMemoryDataOverrides()),
          new FaultState(new InMemoryFaultRules(), new SeededRandom(1)));

  @Test
  void aRequestThatArrivesDuringAResetRunsOnlyAfterTheResetIsComplete() throws Exception {
    CompletableFuture<Void> reset = CompletableFuture.runAsync(state::reset);
    assertThat(resetEntered.await(10, TimeUnit.SECONDS)).isTrue();
    CountDownLatch handled = new CountDownLatch(1);

    CompletableFuture<Void> request =
        CompletableFuture.runAsync(() -> handle(state, handled::countDown));

    assertThat(handled.await(200, TimeUnit.MILLISECONDS)).as("ran during the reset").isFalse();
    releaseReset.countDown();
    reset.get(10, TimeUnit.SECONDS);
    request.get(10, TimeUnit.SECONDS);
    assertThat(handled.getCount()).isZero();
  }

  @Test
  void aResetWaitsForTheRequestsThatAreChangingTheState() throws Exception {
    releaseReset.countDown();
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch leave = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(() -> handle(state, () -> stay(inside, leave)));
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(() -> handle(state, () -> stay(inside, leave)));
    assertThat(inside.await(10, TimeUnit.SECONDS)).as("requests run side by side").isTrue();

    CompletableFuture<Void> reset = CompletableFuture.runAsync(state::reset);

    assertThat(resetEntered.await(200, TimeUnit.MILLISECONDS))
        .as("reset began while requests were inside")
        .isFalse();
    leave.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    reset.get(10, TimeUnit.SECONDS);
    assertThat(resetEntered.getCount()).isZero();
  }

  private static void stay(CountDownLatch inside, CountDownLatch leave) {
    inside.countDown();
    await(leave);
  }

  private static void handle(MockState state, Runnable body) {
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
