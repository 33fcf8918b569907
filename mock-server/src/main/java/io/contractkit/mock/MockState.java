package io.contractkit.mock;

import io.contractkit.mock.admin.RequestJournal;
import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.contacts.BruteForceThrottle;
import io.contractkit.mock.faults.FaultState;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.Overrides;
import io.contractkit.mock.fixtures.ServedData;
import io.contractkit.mock.lms.AuthTokenStore;
import io.contractkit.mock.lms.Outbox;
import io.javalin.http.Handler;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything that changes while the mock runs; {@link #reset()} restores the initial state.
 *
 * <p>A reset is atomic for every request that goes through {@link #guarded}: requests hold a shared
 * lock while they read and change the state, a reset holds it exclusively, so each request happens
 * wholly before or wholly after a reset. Without it, a token sent while a reset runs could have its
 * authToken forgotten by the reset but its message kept in the outbox. The other changes that touch
 * more than one part -- test data put at run time, reloaded fixtures, the clock set back -- take
 * the lock exclusively too, so no request sees the data changed but its authTokens not yet.
 *
 * <p>A request answered later (asynchronously) holds the lock only while its handler runs: with
 * {@code --store redis://…}, a lookup or a token's use is answered when Redis answers, and a
 * request delayed by a fault rule or {@code --latency} when its delay is over. That part runs as a
 * request on another replica would during a reset (the README's "Running several replicas").
 */
public final class MockState {
  private final AuthTokenStore authTokens;
  private final BruteForceThrottle throttle;
  private final Outbox outbox;
  private final RequestJournal journal;
  private final SteerableClock clock;
  private final ServedData data;
  private final FaultState faults;
  private final ReadWriteLock resetLock = new ReentrantReadWriteLock();

  public MockState(
      AuthTokenStore authTokens,
      BruteForceThrottle throttle,
      Outbox outbox,
      RequestJournal journal,
      SteerableClock clock,
      ServedData data,
      FaultState faults) {
    this.authTokens = authTokens;
    this.throttle = throttle;
    this.outbox = outbox;
    this.journal = journal;
    this.clock = clock;
    this.data = data;
    this.faults = faults;
  }

  public AuthTokenStore authTokens() {
    return authTokens;
  }

  public BruteForceThrottle throttle() {
    return throttle;
  }

  public Outbox outbox() {
    return outbox;
  }

  public RequestJournal journal() {
    return journal;
  }

  public FaultState faults() {
    return faults;
  }

  /** The mock's one clock, steerable. */
  public SteerableClock clock() {
    return clock;
  }

  /** The data served: fixtures with the run-time changes on top. */
  public ServedData data() {
    return data;
  }

  /**
   * Restores the initial state, once no request is between its first and last state change: real
   * time, the fixtures as loaded (run-time test data dropped), their seeded authTokens fresh, no
   * throttled ips, empty outbox and journal, no fault rules.
   */
  public void reset() {
    exclusively(
        () -> {
          clock.reset();
          data.reset();
          authTokens.reseed(data.get().leadsByAccessToken().values(), Set.of());
          authTokens.reset();
          throttle.reset();
          outbox.reset();
          journal.reset();
          faults.reset();
        });
  }

  /**
   * Changes the test data at run time. The seeded authTokens of the leads in {@code freshLeads}
   * (put by the change) are valid once again; those of a deleted lead are gone, with every token
   * issued for it.
   */
  public void changeData(UnaryOperator<Overrides> change, Set<String> freshLeads) {
    exclusively(
        () -> {
          // the overrides the change was made to: with a shared store, maybe changed by another
          // replica since this one last heard, and the seeded authTokens are theirs
          AtomicReference<Overrides> base = new AtomicReference<>();
          data.change(
              o -> {
                base.set(o);
                return change.apply(o);
              });
          authTokens.adopt(base.get().applyTo(data.fixtures()).leadsByAccessToken().values());
          authTokens.reseed(data.get().leadsByAccessToken().values(), freshLeads);
        });
  }

  /**
   * Another replica changed the test data it shares with this one (and reseeded the shared
   * authTokens): serve it, and remember its seeded authTokens without writing them again (a used
   * one stays used).
   */
  public void dataChangedElsewhere() {
    exclusively(() -> authTokens.adopt(data.changedElsewhere().leadsByAccessToken().values()));
  }

  /**
   * Serves reloaded fixtures (the run-time test data stays on top); see {@link
   * AuthTokenStore#reseed}.
   */
  public void fixturesReloaded(Fixtures loaded, Instant loadedAt) {
    exclusively(
        () -> {
          data.reloaded(loaded, loadedAt);
          authTokens.reseed(data.get().leadsByAccessToken().values(), Set.of());
        });
  }

  /**
   * Sets the clock, forward or back. Before a step back, the authTokens that have expired are
   * forgotten, so that none becomes valid again.
   *
   * @throws SteerableClock.OutOfRange when {@code to} is outside the clock's range (nothing
   *     changes)
   */
  public SteerableClock.Reading setClock(Instant to) {
    return exclusivelyReturning(
        () -> {
          SteerableClock.requireSettable(to);
          if (to.isBefore(clock.instant())) {
            authTokens.forgetExpired();
          }
          return clock.set(to);
        });
  }

  /** The handler, run wholly before or wholly after any reset. Never wrap the reset itself. */
  public Handler guarded(Handler handler) {
    return ctx -> {
      resetLock.readLock().lock();
      try {
        handler.handle(ctx);
      } finally {
        resetLock.readLock().unlock();
      }
    };
  }

  private void exclusively(Runnable change) {
    exclusivelyReturning(
        () -> {
          change.run();
          return null;
        });
  }

  private <T> T exclusivelyReturning(Supplier<T> change) {
    resetLock.writeLock().lock();
    try {
      return change.get();
    } finally {
      resetLock.writeLock().unlock();
    }
  }
}
