package io.contractkit.mock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mock's own timer: tasks run once, after their delay or at once when hurried. */
class ExecutorDelaySchedulerTest {
  private static final Duration LONG = Duration.ofMinutes(10);

  private final ExecutorDelayScheduler scheduler = new ExecutorDelayScheduler();

  @AfterEach
  void close() {
    scheduler.close();
  }

  @Test
  void aTaskRunsOnceItsDelayHasPassedOnADaemonTimerThread() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    Thread[] on = new Thread[1];

    scheduler.schedule(
        Duration.ofMillis(1),
        () -> {
          on[0] = Thread.currentThread();
          ran.countDown();
        });

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(on[0].getName()).isEqualTo("mock-delays");
    assertThat(on[0].isDaemon()).isTrue();
  }

  @Test
  void hurryRunsEveryWaitingTaskNowAndOnlyOnce() {
    AtomicInteger ran = new AtomicInteger();
    scheduler.schedule(LONG, ran::incrementAndGet);
    scheduler.schedule(LONG, ran::incrementAndGet);

    scheduler.hurry();
    scheduler.hurry();

    assertThat(ran.get()).isEqualTo(2);
  }

  @Test
  void afterHurryATaskRunsAsSoonAsItIsScheduled() {
    AtomicInteger ran = new AtomicInteger();
    scheduler.hurry();

    scheduler.schedule(LONG, ran::incrementAndGet);

    assertThat(ran.get()).isEqualTo(1);
  }

  @Test
  void closeEndsTheTimerThread() throws InterruptedException {
    Thread[] timer = new Thread[1];
    CountDownLatch ran = new CountDownLatch(1);
    scheduler.schedule(
        Duration.ZERO,
        () -> {
          timer[0] = Thread.currentThread();
          ran.countDown();
        });
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

    scheduler.close();
    timer[0].join(10_000);

    assertThat(timer[0].isAlive()).isFalse();
  }

  @Test
  void afterCloseAWaitingTaskNeverRuns() {
    AtomicInteger ran = new AtomicInteger();
    scheduler.schedule(LONG, ran::incrementAndGet);

    scheduler.close();
    scheduler.hurry();

    assertThat(ran.get()).isZero();
  }
}
