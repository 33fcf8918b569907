package io.contractkit.conformance.report;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunListener;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console side of a run: one line per finished check as the run goes, then a summary a person
 * reads in five seconds (per-category table, every failure in full, totals, verdict, report paths).
 * ANSI colors only when asked for.
 */
public final class ConsoleReporter implements RunListener {
  private static final String RESET = "\u001B[0m";
  private static final String BOLD = "\u001B[1m";
  private static final String DIM = "\u001B[2m";
  private static final String RED = "\u001B[31m";
  private static final String GREEN = "\u001B[32m";
  private static final String YELLOW = "\u001B[33m";

  /** Longer values (a curl line with a 10 KB parameter) are cut in the console summary. */
  public static final int MAX_VALUE_CHARS = 800;

  private final PrintWriter out;
  private final boolean color;

  public ConsoleReporter(PrintWriter out, boolean color) {
    this.out = out;
    this.color = color;
  }

  @Override
  public void checkFinished(CheckResult result, int index, int total) {
    out.println(progressLine(result, index, total));
    out.flush();
  }

  /** {@code [ 3/35] PASS CONTACTS-UNKNOWN-SECRET-404 Unknown secret gives 404 (12 ms)}. */
  String progressLine(CheckResult result, int index, int total) {
    int width = String.valueOf(total).length();
    String label = Reports.label(result);
    StringBuilder line = new StringBuilder();
    line.append(String.format(Locale.ROOT, "[%" + width + "d/%d] ", index, total));
    line.append(paint(label, colorOf(label), true)).append("  ");
    line.append(result.info().id()).append("  ").append(FailureText.visible(result.info().title()));
    line.append(paint("  (" + result.millis() + " ms)", DIM, false));
    if (result.status() == Status.SKIPPED) {
      line.append(paint("  skipped: " + FailureText.visible(result.skipReason()), DIM, false));
    }
    return line.toString();
  }

  /** Prints the summary of a finished run; {@code reports} are the written files (may be empty). */
  public void summary(RunResult result, List<Path> reports) {
    out.print(summaryText(result, reports));
    out.flush();
  }

  String summaryText(RunResult result, List<Path> reports) {
    StringBuilder s = new StringBuilder();
    s.append('\n')
        .append(paint("Conformance summary", BOLD, true))
        .append(" — profile \"")
        .append(FailureText.visible(result.profileName()))
        .append("\", ")
        .append(result.mode().name().toLowerCase(Locale.ROOT))
        .append(" mode\n\n");
    skippedUnasked(s, result);
    categoryTable(s, result);

    List<CheckResult> failed =
        result.results().stream().filter(r -> r.status() == Status.FAILED).toList();
    if (!failed.isEmpty()) {
      s.append('\n').append(paint("Failures (" + failed.size() + ")", BOLD, true)).append("\n\n");
      for (CheckResult r : failed) {
        String label = Reports.label(r);
        s.append(paint(label, colorOf(label), true))
            .append(' ')
            .append(FailureText.heading(r))
            .append('\n');
        s.append(FailureText.body(r.failure(), "     ", MAX_VALUE_CHARS)).append('\n');
      }
    } else {
      s.append('\n');
    }

    s.append(Reports.totals(result))
        .append(" in ")
        .append(Reports.duration(result.duration()))
        .append('\n');
    String verdict = Reports.verdict(result);
    s.append("Verdict: ").append(paint(verdict, result.passed() ? GREEN : RED, true)).append('\n');
    if (!reports.isEmpty()) {
      s.append("Reports:\n");
      for (Path p : reports) {
        s.append("  ").append(p).append('\n');
      }
    }
    return s.toString();
  }

  /**
   * Checks that were skipped although no {@code --skip} asked for it (the profile lacks what they
   * need, or the target's clock cannot be moved and the wait is too long) come first: a gate that
   * only looks at the verdict would not see what was never checked.
   */
  private void skippedUnasked(StringBuilder s, RunResult result) {
    List<CheckResult> skipped =
        result.results().stream().filter(r -> r.status() == Status.SKIPPED).toList();
    if (skipped.isEmpty()) {
      return;
    }
    s.append(
            paint(
                "Not checked ("
                    + Reports.plural(skipped.size(), "check")
                    + " skipped without --skip; --fail-on-skipped fails the run on them)",
                YELLOW,
                true))
        .append('\n');
    for (CheckResult r : skipped) {
      s.append("  ")
          .append(paint("SKIP", DIM, true))
          .append(' ')
          .append(r.info().id())
          .append(": ")
          .append(FailureText.visible(r.skipReason()))
          .append('\n');
    }
    s.append('\n');
  }

  private void categoryTable(StringBuilder s, RunResult result) {
    Map<Category, RunResult.Tally> tallies = result.byCategory();
    int nameWidth = "Category".length();
    for (Category c : tallies.keySet()) {
      nameWidth = Math.max(nameWidth, c.name().length());
    }
    String header = "  %-" + nameWidth + "s  %6s  %6s  %7s  %5s%n";
    String row = "  %-" + nameWidth + "s  %6d  %6d  %7d  %4d%%%n";
    s.append(
        String.format(Locale.ROOT, header, "Category", "Passed", "Failed", "Skipped", "Score"));
    if (tallies.isEmpty()) {
      s.append("  (no checks ran)\n");
      return;
    }
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Map.Entry<Category, RunResult.Tally> e : tallies.entrySet()) {
      RunResult.Tally t = e.getValue();
      String line =
          String.format(
              Locale.ROOT, row, e.getKey().name(), t.passed(), t.failed(), t.skipped(), t.score());
      s.append(t.failed() > 0 ? paint(line.stripTrailing(), RED, false) + "\n" : line);
      passed += t.passed();
      failed += t.failed();
      skipped += t.skipped();
    }
    int ran = passed + failed;
    int score = ran == 0 ? 100 : (int) Math.round(100.0 * passed / ran);
    s.append(String.format(Locale.ROOT, row, "Total", passed, failed, skipped, score));
  }

  private static String colorOf(String label) {
    return switch (label) {
      case "PASS" -> GREEN;
      case "FAIL" -> RED;
      case "WARN" -> YELLOW;
      default -> DIM;
    };
  }

  private String paint(String text, String ansi, boolean bold) {
    if (!color) {
      return text;
    }
    return (bold && !ansi.equals(BOLD) ? BOLD : "") + ansi + text + RESET;
  }
}
