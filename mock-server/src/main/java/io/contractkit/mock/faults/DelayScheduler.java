package io.contractkit.mock.faults;

import java.time.Duration;

/**
 * Runs a task once a delay has passed, without a thread waiting for it. The tasks it is given are
 * short (they hand the rest of a request to the server's threads). Tests use one they drive by
 * hand, so that nothing waits for time to pass.
 */
public interface DelayScheduler extends AutoCloseable {
  void schedule(Duration delay, Runnable task);

  /**
   * Runs every waiting task now, and every task scheduled from now on at once: a stop is under way,
   * and delayed requests are answered rather than waiting out their delay.
   */
  void hurry();

  /** Drops the waiting tasks; called once the server has stopped. */
  @Override
  void close();
}
