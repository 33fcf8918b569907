package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.http.ProbeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks one after another (throttle and one-time-token checks must not interfere) and turns
 * each ending -- pass, failure, skip, or an unreachable target -- into a {@link CheckResult}.
 */
public final class ConformanceRunner {
  private final RunListener listener;

  public ConformanceRunner(RunListener listener) {
    this.listener = listener;
  }

  public RunResult run(String profileName, List<Check> checks, CheckContext context) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    listener.started(checks.size());
    List<CheckResult> results = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      Check check = checks.get(i);
      listener.checkStarted(check.info(), i + 1, checks.size());
      CheckResult result = runOne(check, context);
      results.add(result);
      listener.checkFinished(result, i + 1, checks.size());
    }
    return new RunResult(
        profileName,
        context.target(),
        context.mode(),
        startedAt,
        Duration.ofNanos(System.nanoTime() - start),
        results);
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
    } catch (RuntimeException e) {
      status = Status.FAILED;
      failure = new CheckFailure("the check to run to its end", "the check broke: " + e, null);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CheckResult(check.info(), severity, status, failure, skipReason, millis);
  }
}
