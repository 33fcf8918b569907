package io.contractkit.mock.faults;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link DelayScheduler} on one timer thread; the tasks it runs only hand work on. */
public final class ExecutorDelayScheduler implements DelayScheduler {
  private final ScheduledThreadPoolExecutor timer;
  private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean hurried;

  public ExecutorDelayScheduler() {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "mock-delays");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** A task that runs once: when its delay has passed, or earlier when hurried. */
  private final class Waiting implements Runnable {
    private final Runnable task;
    private final AtomicBoolean ran = new AtomicBoolean();
    private volatile Future<?> timed;

    Waiting(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      if (ran.compareAndSet(false, true)) {
        waiting.remove(this);
        task.run();
      }
    }

    void runNow() {
      Future<?> f = timed;
      if (f != null) {
        f.cancel(false);
      }
      run();
    }
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    Waiting w = new Waiting(task);
    waiting.add(w);
    if (!hurried) {
      w.timed = timer.schedule(w, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (hurried) { // also when hurry() ran between the check and the schedule
      w.runNow();
    }
  }

  @Override
  public void hurry() {
    hurried = true;
    waiting.forEach(Waiting::runNow);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    waiting.clear();
  }
}
