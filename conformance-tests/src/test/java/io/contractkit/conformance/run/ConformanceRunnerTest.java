package io.contractkit.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.ProfileException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The runner's schedule, with checks that send nothing: how many run at once, which locks keep them
 * apart, the order of the results, and how a broken profile stops a run.
 */
class ConformanceRunnerTest {
  private static final URI BASE = URI.create("http://127.0.0.1:9");
  private static final ResourceLock CLOCK_ALONE = ResourceLock.exclusive(ResourceLock.TARGET_CLOCK);

  private final CheckContext context =
      new CheckContext(
          new Target(BASE, BASE),
          new Profile(
              "p", Mode.STRICT, null, null, new Profile.Lms(null, null, null, null, null, null)),
          null,
          null,
          null);

  /** Running checks, at most {@link #max} of them at once so far. */
  private final AtomicInteger running = new AtomicInteger();

  private final AtomicInteger max = new AtomicInteger();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  /** A check that holds {@code locks}, runs {@code body} and records when it ran. */
  private Check check(String id, Set<ResourceLock> locks, Runnable body) {
    CheckInfo info = CheckInfo.error(id, Category.CONTACTS, id, "proves", "basis", "sample");
    return new Check() {
      @Override
      public CheckInfo info() {
        return info;
      }

      @Override
      public Set<ResourceLock> locks(CheckContext c) {
        return locks;
      }

      @Override
      public void run(CheckContext c) {
        max.accumulateAndGet(running.incrementAndGet(), Math::max);
        events.add("start " + id);
        try {
          body.run();
        } finally {
          events.add("end " + id);
          running.decrementAndGet();
        }
      }
    };
  }

  private Check check(String id, Set<ResourceLock> locks) {
    return check(id, locks, () -> {});
  }

  private static List<String> ids(RunResult result) {
    return result.results().stream().map(r -> r.info().id()).toList();
  }

  @Test
  void checksWithoutConflictingLocksRunTogetherUpToTheConcurrencyAndReportInRegistryOrder() {
    CyclicBarrier threeAtOnce = new CyclicBarrier(3);
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      checks.add(check("C" + i, Set.of(), () -> await(threeAtOnce)));
    }

    RunResult result = new ConformanceRunner(RunListener.NONE, 3).run("p", checks, context);

    assertThat(result.results()).allMatch(r -> r.status() == Status.PASSED);
    assertThat(max).hasValue(3);
    assertThat(ids(result)).containsExactly("C0", "C1", "C2", "C3", "C4", "C5");
    assertThat(result.mode()).isEqualTo(Mode.STRICT);
    assertThat(result.profileName()).isEqualTo("p");
  }

  @Test
  void withConcurrencyOneTheChecksRunOneAfterAnotherInOrder() {
    List<Check> checks = List.of(check("A", Set.of()), check("B", Set.of()), check("C", Set.of()));

    new ConformanceRunner(RunListener.NONE).run("p", checks, context);

    assertThat(max).hasValue(1);
    assertThat(events).containsExactly("start A", "end A", "start B", "end B", "start C", "end C");
  }

  @Test
  void twoChecksHoldingOneExclusiveLockNeverOverlapButOthersRunMeanwhile() {
    ResourceLock lead = ResourceLock.authTokensOf("lead-a");
    CountDownLatch freeStarted = new CountDownLatch(1);
    List<Check> checks =
        List.of(
            check("L1", Set.of(lead), () -> await(freeStarted)),
            check("L2", Set.of(lead)),
            check("FREE", Set.of(), freeStarted::countDown));

    RunResult result = new ConformanceRunner(RunListener.NONE, 4).run("p", checks, context);

    assertThat(result.results()).allMatch(r -> r.status() == Status.PASSED);
    assertThat(events.indexOf("start L2")).isGreaterThan(events.indexOf("end L1"));
  }

  @Test
  void aCheckThatMovesTheClockRunsAloneWhileSharedLocksOverlap() {
    ResourceLock shared = ResourceLock.shared("something");
    CyclicBarrier bothSharing = new CyclicBarrier(2);
    AtomicInteger runningWithClock = new AtomicInteger(-1);
    List<Check> checks =
        List.of(
            check("S1", Set.of(shared), () -> await(bothSharing)),
            check("S2", Set.of(shared), () -> await(bothSharing)),
            check("CLOCK", Set.of(CLOCK_ALONE), () -> runningWithClock.set(running.get())),
            check("S3", Set.of()));

    RunResult result = new ConformanceRunner(RunListener.NONE, 8).run("p", checks, context);

    assertThat(result.results()).allMatch(r -> r.status() == Status.PASSED);
    assertThat(runningWithClock).hasValue(1);
  }

  @Test
  void everyCheckSharesTheTargetClockUnlessItTakesItAlone() {
    assertThat(ConformanceRunner.locksOf(check("X", Set.of()), context))
        .containsExactly(ResourceLock.shared(ResourceLock.TARGET_CLOCK));
    assertThat(ConformanceRunner.locksOf(check("Y", Set.of(CLOCK_ALONE)), context))
        .containsExactly(CLOCK_ALONE);
    ResourceLock lead = ResourceLock.authTokensOf("lead-b");
    assertThat(ConformanceRunner.locksOf(check("Z", Set.of(lead)), context))
        .containsExactlyInAnyOrder(lead, ResourceLock.shared(ResourceLock.TARGET_CLOCK));
  }

  @Test
  void locksConflictOnTheSameKeyWhenEitherIsExclusive() {
    ResourceLock sharedA = ResourceLock.shared("a");
    assertThat(sharedA.conflictsWith(ResourceLock.shared("a"))).isFalse();
    assertThat(sharedA.conflictsWith(ResourceLock.exclusive("a"))).isTrue();
    assertThat(ResourceLock.exclusive("a").conflictsWith(sharedA)).isTrue();
    assertThat(ResourceLock.exclusive("a").conflictsWith(ResourceLock.exclusive("b"))).isFalse();
    assertThat(ResourceLock.authTokensOf("x").exclusive()).isTrue();
    assertThat(ResourceLock.authTokensOf("x").key()).isEqualTo("authTokens of lead x");
  }

  @Test
  void theListenerHearsEachStartAndEachEndNumberedInTheOrderTheyHappen() {
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch fastHeard = new CountDownLatch(1);
    RunListener listener =
        new RunListener() {
          @Override
          public void started(int checks) {
            heard.add("run of " + checks);
          }

          @Override
          public void checkStarted(CheckInfo info, int index, int total) {
            heard.add("started " + index + "/" + total);
          }

          @Override
          public void checkFinished(CheckResult result, int index, int total) {
            heard.add("finished " + index + "/" + total + " " + result.info().id());
            fastHeard.countDown();
          }
        };
    List<Check> checks =
        List.of(check("SLOW", Set.of(), () -> await(fastHeard)), check("FAST", Set.of()));

    new ConformanceRunner(listener, 2).run("p", checks, context);

    assertThat(heard)
        .containsExactly(
            "run of 2", "started 1/2", "started 2/2", "finished 1/2 FAST", "finished 2/2 SLOW");
  }

  @Test
  void failuresSkipsAndBrokenChecksBecomeResults() {
    List<Check> checks =
        List.of(
            check(
                "FAILS",
                Set.of(),
                () -> {
                  throw new CheckFailure("x", "y", null);
                }),
            check(
                "SKIPS",
                Set.of(),
                () -> {
                  throw new CheckSkipped("why");
                }),
            check(
                "BREAKS",
                Set.of(),
                () -> {
                  throw new IllegalStateException("oops");
                }));

    RunResult result = new ConformanceRunner(RunListener.NONE, 2).run("p", checks, context);

    assertThat(result.results())
        .extracting(CheckResult::status)
        .containsExactly(Status.FAILED, Status.SKIPPED, Status.FAILED);
    assertThat(result.results().get(1).skipReason()).isEqualTo("why");
    assertThat(result.results().get(2).failure().actual())
        .isEqualTo("the check broke: java.lang.IllegalStateException: oops");
  }

  @Test
  void aProfileErrorStopsTheRunAndNoFurtherCheckStarts() {
    List<Check> checks =
        List.of(
            check(
                "BROKEN-PROFILE",
                Set.of(),
                () -> {
                  throw new ProfileException("the clock hook failed");
                }),
            check("NEVER", Set.of()));

    assertThatThrownBy(() -> new ConformanceRunner(RunListener.NONE, 1).run("p", checks, context))
        .isInstanceOf(ProfileException.class)
        .hasMessage("the clock hook failed");
    assertThat(events).containsExactly("start BROKEN-PROFILE", "end BROKEN-PROFILE");
  }

  @Test
  void aProfileErrorLetsTheChecksThatRunFinishBeforeItIsThrown() {
    CountDownLatch thrown = new CountDownLatch(1);
    List<Check> checks =
        List.of(
            check("RUNNING", Set.of(), () -> await(thrown)),
            check(
                "BROKEN-PROFILE",
                Set.of(),
                () -> {
                  thrown.countDown();
                  throw new ProfileException("the authToken source failed");
                }));

    assertThatThrownBy(() -> new ConformanceRunner(RunListener.NONE, 2).run("p", checks, context))
        .isInstanceOf(ProfileException.class);
    assertThat(events).contains("end RUNNING");
    assertThat(running).hasValue(0);
  }

  @Test
  void anErrorInACheckIsThrownOnceTheRunningChecksEnd() {
    CountDownLatch thrown = new CountDownLatch(1);
    List<Check> checks =
        List.of(
            check(
                "ERROR",
                Set.of(),
                () -> {
                  thrown.countDown();
                  throw new AssertionError("a bug");
                }),
            check("OTHER", Set.of(), () -> await(thrown)));

    assertThatThrownBy(() -> new ConformanceRunner(RunListener.NONE, 2).run("p", checks, context))
        .isInstanceOf(AssertionError.class)
        .hasMessage("a bug");
    assertThat(events).contains("end OTHER");
  }

  @Test
  void aConcurrencyBelowOneIsRefused() {
    assertThatThrownBy(() -> new ConformanceRunner(RunListener.NONE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void runOptionsCheckTheirBoundsAndKeepTheOtherValuesWhenOneChanges() {
    RunOptions options = RunOptions.defaults();
    assertThat(options.concurrency()).isEqualTo(RunOptions.DEFAULT_CONCURRENCY);
    assertThat(options.maxWait()).hasSeconds(30);
    RunOptions changed = options.withConcurrency(3).withSeed(7).withMaxWait(Duration.ZERO);
    assertThat(changed.concurrency()).isEqualTo(3);
    assertThat(changed.seed()).isEqualTo(7);
    assertThat(changed.maxWait()).isZero();
    assertThat(changed.clock()).isSameAs(options.clock());
    assertThat(changed.settings().requestsInFlight()).isEqualTo(3);
    assertThat(changed.settings().seed()).isEqualTo(7);
    assertThat(changed.settings().maxWait()).isZero();
    assertThatThrownBy(() -> options.withConcurrency(65))
        .hasMessage("the concurrency must be from 1 to 64, not 65");
    assertThatThrownBy(() -> options.withConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(options.withConcurrency(64).concurrency()).isEqualTo(64);
    assertThat(options.exploreSequences()).isZero();
    RunOptions capped = changed.withExploreSequences(RunOptions.MAX_EXPLORE_SEQUENCES);
    assertThat(capped.settings().exploreSequences()).isEqualTo(1_000_000);
    assertThat(capped.withSeed(8).withConcurrency(2).withMaxWait(Duration.ZERO).exploreSequences())
        .isEqualTo(1_000_000);
    assertThat(
            capped.withClock(options.clock()).withExploreBudget(Duration.ZERO).exploreSequences())
        .isEqualTo(1_000_000);
    assertThatThrownBy(() -> options.withExploreSequences(1_000_001))
        .hasMessage(
            "the number of exploration sequences must be from 1 to 1000000 (or 0 for no limit), not"
                + " 1000001");
    assertThatThrownBy(() -> options.withExploreSequences(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(options.withConcurrency(1).concurrency()).isEqualTo(1);
    assertThatThrownBy(() -> options.withMaxWait(Duration.ofSeconds(-1)))
        .hasMessageContaining("must not be negative");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("waited in vain");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("the checks did not run together", e);
    }
  }
}
