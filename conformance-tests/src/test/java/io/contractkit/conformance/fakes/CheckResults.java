package io.contractkit.conformance.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.Status;

/** Assertions on one check's result whose message says what failed or why the check was skipped. */
public final class CheckResults {
  private CheckResults() {}

  public static void assertPassed(CheckResult result) {
    assertThat(result.status()).as(describe(result)).isEqualTo(Status.PASSED);
  }

  public static void assertFailed(CheckResult result) {
    assertThat(result.status()).as(describe(result)).isEqualTo(Status.FAILED);
  }

  /**
   * The check's id and status, then what it expected and got (with the exchange) or why it was
   * skipped.
   */
  public static String describe(CheckResult r) {
    return r.info().id()
        + " "
        + r.status()
        + (r.failure() == null
            ? ""
            : ": expected "
                + r.failure().expected()
                + ", got "
                + r.failure().actual()
                + (r.failure().exchange() == null
                    ? ""
                    : "\n"
                        + r.failure().exchange().request().curl()
                        + "\n"
                        + r.failure().exchange().statusLine()
                        + " "
                        + r.failure().exchange().bodyExcerpt()))
        + (r.skipReason() == null ? "" : ": skipped, " + r.skipReason());
  }
}
