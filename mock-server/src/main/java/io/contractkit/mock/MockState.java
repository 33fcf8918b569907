package io.contractkit.mock;

import io.contractkit.mock.admin.RequestJournal;
import io.contractkit.mock.contacts.BruteForceThrottle;
import io.contractkit.mock.lms.AuthTokenStore;
import io.contractkit.mock.lms.Outbox;

/** Everything that changes while the mock runs; {@link #reset()} restores the initial state. */
public record MockState(
    AuthTokenStore authTokens, BruteForceThrottle throttle, Outbox outbox, RequestJournal journal) {

  public synchronized void reset() {
    authTokens.reset();
    throttle.reset();
    outbox.reset();
    journal.reset();
  }
}
