package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.checks.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A finished run: every check's result, the target, the mode and the time taken. */
public record RunResult(
    String profileName,
    Target target,
    Mode mode,
    Instant startedAt,
    Duration duration,
    List<CheckResult> results) {

  public RunResult {
    results = List.copyOf(results);
  }

  /** True when no error-severity check failed: the run passes a CI gate (exit code 0). */
  public boolean passed() {
    return results.stream().noneMatch(CheckResult::failsGate);
  }

  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  public long failedWarnings() {
    return results.stream().filter(r -> r.status() == Status.FAILED && !r.failsGate()).count();
  }

  public Optional<CheckResult> result(String checkId) {
    return results.stream().filter(r -> r.info().id().equals(checkId)).findFirst();
  }

  /** Per category: passed, failed, skipped and a score (passed / run, in percent). */
  public Map<Category, Tally> byCategory() {
    Map<Category, Tally> tallies = new EnumMap<>(Category.class);
    for (CheckResult r : results) {
      tallies.merge(r.info().category(), Tally.of(r.status()), Tally::plus);
    }
    return tallies;
  }

  public record Tally(int passed, int failed, int skipped) {
    static Tally of(Status s) {
      return new Tally(
          s == Status.PASSED ? 1 : 0, s == Status.FAILED ? 1 : 0, s == Status.SKIPPED ? 1 : 0);
    }

    Tally plus(Tally o) {
      return new Tally(passed + o.passed, failed + o.failed, skipped + o.skipped);
    }

    /** Percent of the checks that ran which passed; 100 when none ran. */
    public int score() {
      int ran = passed + failed;
      return ran == 0 ? 100 : (int) Math.round(100.0 * passed / ran);
    }
  }
}
