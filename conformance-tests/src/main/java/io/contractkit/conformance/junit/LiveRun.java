package io.contractkit.conformance.junit;

import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One run of the engine, as the jar makes it (its checks at once under their resource locks), on a
 * thread of its own; each check's test waits for that check's result. The run starts when the tests
 * are asked for, and the tests are handed out once the run got past its start (the target answers,
 * the authToken source delivers): what stops a run before its first check fails the test factory
 * once, as it ends the jar with exit code 2.
 */
final class LiveRun implements RunListener {
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final Map<String, CompletableFuture<CheckResult>> results = new LinkedHashMap<>();
  private final AtomicBoolean stopReported = new AtomicBoolean();

  private LiveRun(List<CheckInfo> selected) {
    selected.forEach(info -> results.put(info.id(), new CompletableFuture<>()));
  }

  /**
   * Starts {@code suite} on the {@code selected} checks (what {@code only} and {@code skip} select)
   * and returns once the first check may start.
   *
   * @throws RuntimeException what stopped the run before its first check ({@code
   *     TargetUnreachable}, {@code ProfileException}), unchanged
   */
  static LiveRun start(
      ConformanceSuite suite, Set<String> only, Set<String> skip, List<CheckInfo> selected) {
    LiveRun run = new LiveRun(selected);
    Thread thread =
        new Thread(
            () -> {
              try {
                suite.run(only, skip, run);
              } catch (RuntimeException | Error e) {
                run.stopped(e);
              }
            },
            "conformance-run");
    thread.setDaemon(true);
    thread.start();
    try {
      run.started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause(); // what suite.run threw: it throws nothing checked
    }
    return run;
  }

  @Override
  public void started(int checks) {
    started.complete(null);
  }

  @Override
  public void checkFinished(CheckResult result, int index, int total) {
    results.get(result.info().id()).complete(result);
  }

  private void stopped(Throwable cause) {
    started.completeExceptionally(cause);
    results.values().forEach(f -> f.completeExceptionally(cause));
  }

  /**
   * The result of check {@code id}, once it finished. When the run stopped before (a clock hook or
   * an authToken source that fails when first used, as the jar's exit code 2), the first check to
   * ask fails with the reason and the others are aborted, pointing to it.
   */
  CheckResult result(String id) {
    try {
      return results.get(id).join();
    } catch (CompletionException e) {
      String reason = e.getCause().getMessage();
      if (stopReported.compareAndSet(false, true)) {
        throw new AssertionFailedError(
            "the run stopped before this check finished: " + reason, e.getCause());
      }
      throw new TestAbortedException("not run: the run stopped (" + reason + ")");
    }
  }
}
