package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Severity;

/**
 * How one check ended.
 *
 * @param severity the check's severity in this run's mode
 * @param failure what failed (status FAILED), else null
 * @param skipReason why it did not run (status SKIPPED), else null
 */
public record CheckResult(
    CheckInfo info,
    Severity severity,
    Status status,
    CheckFailure failure,
    String skipReason,
    long millis) {

  /** A failed check of error severity: this fails the run. */
  public boolean failsGate() {
    return status == Status.FAILED && severity == Severity.ERROR;
  }
}
