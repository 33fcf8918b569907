package io.contractkit.conformance.report;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML in the Surefire/Ant format that CI systems read: one {@code <testsuite>} per
 * category, one {@code <testcase>} per check. Only failed error-severity checks are {@code
 * <failure>}s; a failed warning is a passing test case whose {@code <system-out>} starts with
 * {@code WARNING:}, so it is visible without breaking the build.
 */
public final class JunitXmlReport {
  private JunitXmlReport() {}

  public static void write(RunResult result, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(result, out);
    }
  }

  public static void write(RunResult result, OutputStream out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      new Writer(xml).document(result);
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  /**
   * Drops every character XML 1.0 does not allow (most C0 controls, lone surrogates, U+FFFE and
   * U+FFFF); a JUnit parser would reject the whole file for one of them.
   */
  static String xmlSafe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints().filter(JunitXmlReport::allowedInXml).forEach(s::appendCodePoint);
    return s.toString();
  }

  private static boolean allowedInXml(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static final class Writer {
    private final XMLStreamWriter xml;

    Writer(XMLStreamWriter xml) {
      this.xml = xml;
    }

    void document(RunResult result) throws XMLStreamException {
      Map<Category, List<CheckResult>> byCategory = new EnumMap<>(Category.class);
      for (CheckResult r : result.results()) {
        byCategory.computeIfAbsent(r.info().category(), c -> new ArrayList<>()).add(r);
      }
      xml.writeStartDocument("UTF-8", "1.0");
      newline(0);
      xml.writeStartElement("testsuites");
      attribute("name", "conformance");
      attribute("tests", result.results().size());
      attribute("failures", failures(result.results()));
      attribute("errors", 0);
      attribute("skipped", result.count(Status.SKIPPED));
      attribute("time", seconds(result.duration().toMillis()));
      for (Map.Entry<Category, List<CheckResult>> e : byCategory.entrySet()) {
        suite(result, e.getKey(), e.getValue());
      }
      newline(0);
      xml.writeEndElement();
      newline(0);
      xml.writeEndDocument();
    }

    private void suite(RunResult run, Category category, List<CheckResult> results)
        throws XMLStreamException {
      String name = "conformance." + category.name();
      newline(1);
      xml.writeStartElement("testsuite");
      attribute("name", name);
      attribute("tests", results.size());
      attribute("failures", failures(results));
      attribute("errors", 0);
      attribute("skipped", results.stream().filter(r -> r.status() == Status.SKIPPED).count());
      attribute("time", seconds(results.stream().mapToLong(CheckResult::millis).sum()));
      attribute(
          "timestamp",
          LocalDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC)
              .truncatedTo(ChronoUnit.SECONDS)
              .toString());
      properties(run);
      for (CheckResult r : results) {
        testcase(name, r);
      }
      newline(1);
      xml.writeEndElement();
    }

    private void properties(RunResult run) throws XMLStreamException {
      newline(2);
      xml.writeStartElement("properties");
      property("profile", run.profileName());
      property("mode", run.mode().name().toLowerCase(Locale.ROOT));
      property(
          "contactsBaseUrl",
          run.target().contactsBase() == null ? "" : run.target().contactsBase().toString());
      property(
          "lmsBaseUrl", run.target().lmsBase() == null ? "" : run.target().lmsBase().toString());
      newline(2);
      xml.writeEndElement();
    }

    private void property(String name, String value) throws XMLStreamException {
      newline(3);
      xml.writeEmptyElement("property");
      attribute("name", name);
      attribute("value", value);
    }

    private void testcase(String classname, CheckResult r) throws XMLStreamException {
      newline(2);
      xml.writeStartElement("testcase");
      attribute("classname", classname);
      attribute("name", r.info().id() + " " + r.info().title());
      attribute("time", seconds(r.millis()));
      if (r.status() == Status.SKIPPED) {
        newline(3);
        xml.writeEmptyElement("skipped");
        attribute("message", r.skipReason());
      } else if (r.failsGate()) {
        newline(3);
        xml.writeStartElement("failure");
        attribute("message", r.failure().getMessage());
        attribute("type", r.info().id());
        text(FailureText.text(r, ""));
        xml.writeEndElement();
      } else if (r.status() == Status.FAILED) {
        newline(3);
        xml.writeStartElement("system-out");
        text("WARNING: " + FailureText.text(r, ""));
        xml.writeEndElement();
      }
      newline(2);
      xml.writeEndElement();
    }

    private static long failures(List<CheckResult> results) {
      return results.stream().filter(CheckResult::failsGate).count();
    }

    private void attribute(String name, Object value) throws XMLStreamException {
      xml.writeAttribute(name, xmlSafe(String.valueOf(value)));
    }

    private void text(String value) throws XMLStreamException {
      xml.writeCharacters(xmlSafe(value));
    }

    private void newline(int depth) throws XMLStreamException {
      xml.writeCharacters("\n" + "  ".repeat(depth));
    }
  }
}
