package io.contractkit.conformance.junit;

import io.contractkit.conformance.report.ConsoleReporter;
import io.contractkit.conformance.report.FailureText;
import io.contractkit.conformance.run.CheckResult;
import java.io.PrintStream;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A check's result as JUnit sees it, with the jar's meaning: a pass passes; an error-severity
 * failure fails with the text the jar's summary prints (and expected vs actual, for the IDE's
 * diff); a failed warning passes, as it passes the jar's gate, with its text on standard output (in
 * Surefire's report of that test); a skip is a JUnit skip with the reason, or a failure when the
 * run fails on skips (the jar's {@code --fail-on-skipped}).
 */
final class Verdicts {
  private Verdicts() {}

  static void present(CheckResult result, long seed, boolean failOnSkipped, PrintStream out) {
    switch (result.status()) {
      case PASSED -> {}
      case SKIPPED -> {
        String reason = FailureText.visible(result.skipReason());
        if (failOnSkipped) {
          throw new AssertionFailedError(
              "skipped without --skip asking for it, and --fail-on-skipped is set: " + reason);
        }
        throw new TestAbortedException(reason);
      }
      case FAILED -> {
        String text = text(result, seed);
        if (result.failsGate()) {
          throw new AssertionFailedError(
              text,
              FailureText.visible(result.failure().expected()),
              FailureText.visible(result.failure().actual()));
        }
        out.print("WARN " + text);
        out.flush();
      }
    }
  }

  /**
   * As the jar's summary prints a failure: the heading ({@code ID title [error]}), then what was
   * expected and what came back, the request as a curl line, status, content type and body,
   * shortened as on the console; then how to send the same values again.
   */
  static String text(CheckResult result, long seed) {
    return FailureText.heading(result)
        + "\n"
        + FailureText.body(result.failure(), "  ", ConsoleReporter.MAX_VALUE_CHARS)
        + "  (this run's --seed "
        + seed
        + ": -Dcontractkit.conformance.args=\"--seed "
        + seed
        + "\" sends the same values again)\n";
  }
}
