package io.contractkit.conformance.report;

import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The details of a failed check, the same in every report: what was expected, what came back, the
 * request as a curl line, status, Content-Type, a body excerpt and each schema violation. Text that
 * came from the target is made {@link #visible(String) visible} first, so a hostile body cannot
 * send escape sequences to a terminal or break a report.
 */
public final class FailureText {
  /** In a shortened failure, how much of each value of a curl line is shown. */
  static final int CURL_VALUE_CHARS = 80;

  private FailureText() {}

  /** One labelled piece of a failure (label as a person reads it, key as JSON names it). */
  public record Line(String key, String label, String value) {}

  /**
   * The failure's lines in reading order: expected, actual and, when the failure carries an
   * exchange, request (curl), status, contentType and bodyExcerpt.
   */
  public static List<Line> lines(CheckFailure failure) {
    return lines(failure, Integer.MAX_VALUE);
  }

  /**
   * As {@link #lines(CheckFailure)}, with each query value, header value and body of the curl line
   * cut to {@code curlValueChars} (the console's choice; the report files keep every byte).
   */
  static List<Line> lines(CheckFailure failure, int curlValueChars) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("expected", "expected", visible(failure.expected())));
    lines.add(new Line("actual", "actual", visible(failure.actual())));
    Exchange exchange = failure.exchange();
    if (exchange != null) {
      if (exchange.request() != null) {
        lines.add(new Line("curl", "request", visible(exchange.request().curl(curlValueChars))));
      }
      lines.add(new Line("status", "status", String.valueOf(exchange.status())));
      lines.add(new Line("contentType", "content type", visible(contentType(exchange))));
      lines.add(new Line("bodyExcerpt", "body", bodyExcerpt(exchange)));
    }
    return lines;
  }

  /** The Content-Type header as sent, or {@code (none)}. */
  public static String contentType(Exchange exchange) {
    return exchange.header("Content-Type").orElse("(none)");
  }

  /** The body excerpt, made visible, or {@code (empty)}. */
  public static String bodyExcerpt(Exchange exchange) {
    String excerpt = exchange.bodyExcerpt();
    return excerpt.isEmpty() ? "(empty)" : visible(excerpt);
  }

  /** A schema violation as one line: {@code /Email [maxLength] message}. */
  public static String violation(SchemaViolation v) {
    return visible(v.toString());
  }

  /** {@code error} or {@code warning}. */
  public static String severity(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  /** The heading of a failure: {@code ID title [error]}. */
  public static String heading(CheckResult result) {
    return result.info().id()
        + "  "
        + visible(result.info().title())
        + "  ["
        + severity(result.severity())
        + "]";
  }

  /**
   * The whole failure as plain text, every line starting with {@code indent}; multi-line values (a
   * body) continue under their value column.
   */
  public static String text(CheckResult result, String indent) {
    StringBuilder s = new StringBuilder();
    s.append(indent).append(heading(result)).append('\n');
    s.append(body(result.failure(), indent + "  "));
    return s.toString();
  }

  /** The failure's lines and violations as plain text, without the heading. */
  public static String body(CheckFailure failure, String indent) {
    return body(failure, indent, Integer.MAX_VALUE);
  }

  /**
   * As {@link #body(CheckFailure, String)}, with each value cut to {@code maxValueChars} and each
   * query value of the curl line to {@value #CURL_VALUE_CHARS} characters (a 10 KB hostile
   * parameter would bury a console summary; the files keep the whole text).
   */
  public static String body(CheckFailure failure, String indent, int maxValueChars) {
    StringBuilder s = new StringBuilder();
    String continuation = indent + " ".repeat(14);
    int curlValueChars = maxValueChars == Integer.MAX_VALUE ? maxValueChars : CURL_VALUE_CHARS;
    for (Line line : lines(failure, curlValueChars)) {
      s.append(indent).append(String.format(Locale.ROOT, "%-14s", line.label() + ":"));
      String value = shorten(line.value().stripTrailing(), maxValueChars);
      s.append(value.replace("\n", "\n" + continuation)).append('\n');
    }
    if (!failure.violations().isEmpty()) {
      s.append(indent)
          .append("schema violations (")
          .append(failure.violations().size())
          .append("):\n");
      for (SchemaViolation v : failure.violations()) {
        s.append(indent).append("  ").append(violation(v)).append('\n');
      }
    }
    return s.toString();
  }

  /** The text, or its first {@code max} characters and how many more there are. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max)
        + "… ("
        + (text.length() - max)
        + " more characters; the reports have them all)";
  }

  /**
   * Replaces control characters (other than newline and tab) with a visible {@code \\uXXXX} escape,
   * and a carriage return with {@code \\r}.
   */
  public static String visible(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
      if (control) {
        if (s == null) {
          s = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        s.append(c == '\r' ? "\\r" : String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else if (s != null) {
        s.append(c);
      }
    }
    return s == null ? text : s.toString();
  }
}
