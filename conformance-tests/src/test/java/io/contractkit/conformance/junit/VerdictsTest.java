package io.contractkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Each way a check ends, as a JUnit test ends: the jar's meaning, the jar's text. */
class VerdictsTest {
  private static final CheckInfo INFO =
      CheckInfo.errorWhenStrict(
          "CONTACTS-UNKNOWN-SECRET-404",
          Category.CONTACTS,
          "An unknown secret returns 404",
          "proves",
          "basis",
          "sample");
  private static final CheckFailure FAILURE =
      new CheckFailure(
          "status 404",
          "status 200 with\u001B[31m a contact",
          new Exchange(
              ProbeRequest.get(URI.create("http://127.0.0.1:9"), "/api/v1/Contacts")
                  .param("secret", "nope"),
              200,
              Map.of("Content-Type", List.of("application/json")),
              "{\"Id\":1}".getBytes(StandardCharsets.UTF_8)));

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private static CheckResult result(Severity severity, Status status, String skipReason) {
    return new CheckResult(
        INFO, severity, status, status == Status.FAILED ? FAILURE : null, skipReason, 7);
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aPassedCheckPassesAndPrintsNothing() {
    assertThatNoException()
        .isThrownBy(
            () -> Verdicts.present(result(Severity.ERROR, Status.PASSED, null), 1, true, out));
    assertThat(printed()).isEmpty();
  }

  @Test
  void aFailedErrorFailsWithTheJarsTextAndExpectedVersusActual() {
    CheckResult failed = result(Severity.ERROR, Status.FAILED, null);

    assertThatThrownBy(() -> Verdicts.present(failed, 42, false, out))
        .isInstanceOfSatisfying(
            AssertionFailedError.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "CONTACTS-UNKNOWN-SECRET-404  An unknown secret returns 404  [error]\n"
                          + "  expected:     status 404\n"
                          + "  actual:       status 200 with\\u001B[31m a contact\n"
                          + "  request:      curl -i"
                          + " 'http://127.0.0.1:9/api/v1/Contacts?secret=nope'\n"
                          + "  status:       200\n"
                          + "  content type: application/json\n"
                          + "  body:         {\"Id\":1}\n"
                          + "  (this run's --seed 42: -Dcontractkit.conformance.args=\"--seed 42\""
                          + " sends the same values again)\n");
              assertThat(e.getExpected().getValue()).isEqualTo("status 404");
              assertThat(e.getActual().getValue())
                  .isEqualTo("status 200 with\\u001B[31m a contact");
            });
    assertThat(printed()).isEmpty();
  }

  @Test
  void aFailedWarningPassesWithItsTextOnStandardOutput() {
    CheckResult warned = result(Severity.WARNING, Status.FAILED, null);

    assertThatNoException().isThrownBy(() -> Verdicts.present(warned, 5, true, out));

    assertThat(printed())
        .startsWith("WARN CONTACTS-UNKNOWN-SECRET-404  An unknown secret returns 404  [warning]\n")
        .contains("  expected:     status 404\n", "--seed 5")
        .endsWith("again)\n");
  }

  @Test
  void aSkippedCheckIsAJUnitSkipWithTheReason() {
    CheckResult skipped = result(Severity.ERROR, Status.SKIPPED, "no secret\u0007 in the profile");

    assertThatThrownBy(() -> Verdicts.present(skipped, 1, false, out))
        .isInstanceOf(TestAbortedException.class)
        .hasMessage("no secret\\u0007 in the profile");
  }

  @Test
  void aSkippedCheckFailsWhenTheRunFailsOnSkips() {
    CheckResult skipped = result(Severity.WARNING, Status.SKIPPED, "no secret in the profile");

    assertThatThrownBy(() -> Verdicts.present(skipped, 1, true, out))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "skipped without --skip asking for it, and --fail-on-skipped is set:"
                + " no secret in the profile");
  }
}
