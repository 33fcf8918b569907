package io.contractkit.conformance.report;

import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Writes the three report files of a run into one folder. */
public final class Reports {
  public static final String JUNIT_XML = "junit.xml";
  public static final String HTML = "report.html";
  public static final String JSON = "results.json";

  private Reports() {}

  /**
   * Writes {@code junit.xml}, {@code report.html} and {@code results.json} into {@code dir}
   * (created when missing) and returns their paths in that order.
   */
  public static List<Path> write(RunResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path junit = dir.resolve(JUNIT_XML);
    Path html = dir.resolve(HTML);
    Path json = dir.resolve(JSON);
    JunitXmlReport.write(result, junit);
    HtmlReport.write(result, html);
    JsonReport.write(result, json);
    return List.of(junit, html, json);
  }

  /**
   * The run's verdict in words: {@code PASSED}, {@code PASSED (2 warnings)} or {@code FAILED (1
   * error, 2 warnings)}.
   */
  public static String verdict(RunResult result) {
    long errors = result.results().stream().filter(r -> r.failsGate()).count();
    long warnings = result.failedWarnings();
    if (result.passed()) {
      return warnings == 0 ? "PASSED" : "PASSED (" + plural(warnings, "warning") + ")";
    }
    return "FAILED (" + plural(errors, "error") + ", " + plural(warnings, "warning") + ")";
  }

  /** Totals in one line: {@code 35 checks: 30 passed, 2 failed, 3 skipped}. */
  public static String totals(RunResult result) {
    return plural(result.results().size(), "check")
        + ": "
        + result.count(Status.PASSED)
        + " passed, "
        + result.count(Status.FAILED)
        + " failed, "
        + result.count(Status.SKIPPED)
        + " skipped";
  }

  /** A duration as a person reads it: {@code 812 ms}, {@code 4.2 s}, {@code 3 min 12 s}. */
  public static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
  }

  /** The status of a check as a four-letter label: PASS, FAIL, WARN (a failed warning), SKIP. */
  public static String label(CheckResult result) {
    switch (result.status()) {
      case PASSED:
        return "PASS";
      case SKIPPED:
        return "SKIP";
      default:
        return result.failsGate() ? "FAIL" : "WARN";
    }
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
