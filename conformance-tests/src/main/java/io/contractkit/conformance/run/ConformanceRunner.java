package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.ProbeException;
import io.contractkit.conformance.profile.ProfileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs checks, up to {@code concurrency} at a time, and turns each ending -- pass, failure, skip,
 * or an unreachable target -- into a {@link CheckResult}.
 *
 * <p>Checks start in their registry order as soon as a slot is free and none of their {@link
 * Check#locks locks} conflicts with a running check's: each check has ips and authTokens of its
 * own, two checks never hold fresh authTokens of one lead at once, and a check that moves the
 * target's clock runs alone. Results come back in registry order whatever the order they finished
 * in. A {@link ProfileException} from a check (a hook that fails when first used) stops the run: no
 * new check starts, the running ones finish, and the exception is thrown.
 */
public final class ConformanceRunner {
  private final RunListener listener;
  private final int concurrency;

  /** One check after another. */
  public ConformanceRunner(RunListener listener) {
    this(listener, 1);
  }

  public ConformanceRunner(RunListener listener, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("the concurrency must be at least 1");
    }
    this.listener = listener;
    this.concurrency = concurrency;
  }

  public RunResult run(String profileName, List<Check> checks, CheckContext context) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    listener.started(checks.size());
    List<CheckResult> results = new Schedule(checks, context).run();
    return new RunResult(
        profileName,
        context.target(),
        context.mode(),
        startedAt,
        Duration.ofNanos(System.nanoTime() - start),
        results);
  }

  /**
   * The locks a check runs under: those it declares, plus a shared lock on the target's clock
   * unless it takes the clock alone.
   */
  static Set<ResourceLock> locksOf(Check check, CheckContext context) {
    Set<ResourceLock> locks = new HashSet<>(check.locks(context));
    if (!locks.contains(ResourceLock.exclusive(ResourceLock.TARGET_CLOCK))) {
      locks.add(ResourceLock.shared(ResourceLock.TARGET_CLOCK));
    }
    return Set.copyOf(locks);
  }

  /** One run's bookkeeping: what waits, what runs, which locks are held. */
  private final class Schedule {
    private final List<Check> checks;
    private final CheckContext context;
    private final List<Set<ResourceLock>> locks = new ArrayList<>();
    private final CheckResult[] results;
    private final LinkedList<Integer> waiting = new LinkedList<>();
    private final List<ResourceLock> held = new ArrayList<>();
    private int running;
    private int started;
    private int finished;
    private RuntimeException stop;
    private Error broken;

    Schedule(List<Check> checks, CheckContext context) {
      this.checks = checks;
      this.context = context;
      this.results = new CheckResult[checks.size()];
      for (int i = 0; i < checks.size(); i++) {
        locks.add(locksOf(checks.get(i), context));
        waiting.add(i);
      }
    }

    List<CheckResult> run() {
      ExecutorService workers = pool("conformance-check", concurrency);
      ExecutorService requests = concurrency == 1 ? null : pool("conformance-request", concurrency);
      try {
        synchronized (this) {
          while (true) {
            if (stop == null && broken == null) {
              startWhatFits(workers, requests);
            }
            if (running == 0 && (waiting.isEmpty() || stop != null || broken != null)) {
              break;
            }
            wait();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the checks ran", e);
      } finally {
        workers.shutdownNow();
        if (requests != null) {
          requests.shutdownNow();
        }
      }
      if (broken != null) {
        throw broken;
      }
      if (stop != null) {
        throw stop;
      }
      return Arrays.stream(results).filter(Objects::nonNull).toList();
    }

    private void startWhatFits(ExecutorService workers, ExecutorService requests) {
      Iterator<Integer> next = waiting.iterator();
      while (next.hasNext() && running < concurrency) {
        int i = next.next();
        Set<ResourceLock> mine = locks.get(i);
        if (held.stream().noneMatch(h -> mine.stream().anyMatch(h::conflictsWith))) {
          next.remove();
          held.addAll(mine);
          running++;
          started++;
          Check check = checks.get(i);
          listener.checkStarted(check.info(), started, checks.size());
          CheckContext own = context.forCheck(check.info().id(), mine, requests);
          workers.execute(() -> runAndRelease(i, check, own));
        }
      }
    }

    private void runAndRelease(int index, Check check, CheckContext own) {
      CheckResult result = null;
      RuntimeException stopping = null;
      Error error = null;
      try {
        result = runOne(check, own);
      } catch (ProfileException e) {
        stopping = e;
      } catch (Error e) {
        error = e;
      } finally {
        synchronized (this) {
          locks.get(index).forEach(held::remove);
          running--;
          if (result != null) {
            results[index] = result;
            finished++;
            listener.checkFinished(result, finished, checks.size());
          }
          stop = stop == null ? stopping : stop;
          broken = broken == null ? error : broken;
          notifyAll();
        }
      }
    }
  }

  private static ExecutorService pool(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  static CheckResult runOne(Check check, CheckContext context) {
    var severity = check.info().severity(context.mode());
    long start = System.nanoTime();
    Status status = Status.PASSED;
    CheckFailure failure = null;
    String skipReason = null;
    try {
      check.run(context);
    } catch (CheckFailure f) {
      status = Status.FAILED;
      failure = f;
    } catch (CheckSkipped s) {
      status = Status.SKIPPED;
      skipReason = s.getMessage();
    } catch (ProbeException e) {
      status = Status.FAILED;
      failure = new CheckFailure("an HTTP answer", "no answer: " + e.getMessage(), null);
    } catch (ProfileException e) {
      throw e;
    } catch (RuntimeException e) {
      status = Status.FAILED;
      failure = new CheckFailure("the check to run to its end", "the check broke: " + e, null);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CheckResult(check.info(), severity, status, failure, skipReason, millis);
  }
}
