package io.contractkit.mock.support;

import io.contractkit.mock.faults.DelayScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DelayScheduler} that tests drive by hand: it records each delay it is asked for and runs
 * the task only when the test says so, so that no test waits for a delay to pass. The delays it was
 * asked for are the ones the mock chose (a seeded random latency, a rule's range).
 */
public final class ManualDelays implements DelayScheduler {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private record Waiting(Duration delay, Runnable task) {}

  private final List<Waiting> waiting = new ArrayList<>();
  private final List<Duration> asked = new ArrayList<>();
  private boolean hurried;

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    asked.add(delay);
    if (hurried) {
      task.run();
      return;
    }
    waiting.add(new Waiting(delay, task));
    notifyAll();
  }

  /** Every delay asked for since the last {@link #forget()}, in order. */
  public synchronized List<Duration> asked() {
    return List.copyOf(asked);
  }

  /** How many tasks wait. */
  public synchronized int waiting() {
    return waiting.size();
  }

  /** Waits (up to 10 s) until at least {@code count} tasks wait; fails the test otherwise. */
  public synchronized void awaitWaiting(int count) {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (waiting.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected " + count + " delayed tasks, but " + waiting.size() + " wait");
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Runs the task that has waited longest, as if its delay had passed; returns its delay. */
  public Duration runNext() {
    Waiting next;
    synchronized (this) {
      if (waiting.isEmpty()) {
        throw new AssertionError("no delayed task waits");
      }
      next = waiting.remove(0);
    }
    next.task().run();
    return next.delay();
  }

  /** Waits for one task, then runs it: one delay passes. */
  public Duration awaitAndRunNext() {
    awaitWaiting(1);
    return runNext();
  }

  /**
   * Lets every waiting delay pass (so no request of an earlier test stays waiting) and forgets the
   * delays asked for: before each test.
   */
  public void forget() {
    List<Waiting> left;
    synchronized (this) {
      left = List.copyOf(waiting);
      waiting.clear();
      asked.clear();
      hurried = false;
    }
    left.forEach(w -> w.task().run());
  }

  @Override
  public void hurry() {
    List<Waiting> now;
    synchronized (this) {
      hurried = true;
      now = List.copyOf(waiting);
      waiting.clear();
    }
    now.forEach(w -> w.task().run());
  }

  @Override
  public synchronized void close() {
    waiting.clear();
  }
}
