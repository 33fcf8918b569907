package io.contractkit.mock;

import io.contractkit.mock.admin.RequestJournal;
import io.contractkit.mock.contacts.BruteForceThrottle;
import io.contractkit.mock.faults.FaultState;
import io.contractkit.mock.lms.AuthTokenStore;
import io.contractkit.mock.lms.Outbox;
import io.javalin.http.Handler;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Everything that changes while the mock runs; {@link #reset()} restores the initial state.
 *
 * <p>A reset is atomic for every request that goes through {@link #guarded}: requests hold a shared
 * lock while they read and change the state, a reset holds it exclusively, so each request happens
 * wholly before or wholly after a reset. Without it, a token sent while a reset runs could have its
 * authToken forgotten by the reset but its message kept in the outbox.
 */
public final class MockState {
  private final AuthTokenStore authTokens;
  private final BruteForceThrottle throttle;
  private final Outbox outbox;
  private final RequestJournal journal;
  private final FaultState faults;
  private final ReadWriteLock resetLock = new ReentrantReadWriteLock();

  public MockState(
      AuthTokenStore authTokens,
      BruteForceThrottle throttle,
      Outbox outbox,
      RequestJournal journal,
      FaultState faults) {
    this.authTokens = authTokens;
    this.throttle = throttle;
    this.outbox = outbox;
    this.journal = journal;
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

  /** Restores the initial state, once no request is between its first and last state change. */
  public void reset() {
    resetLock.writeLock().lock();
    try {
      authTokens.reset();
      throttle.reset();
      outbox.reset();
      journal.reset();
      faults.reset();
    } finally {
      resetLock.writeLock().unlock();
    }
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
}
