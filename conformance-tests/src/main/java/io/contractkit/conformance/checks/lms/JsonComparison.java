package io.contractkit.conformance.checks.lms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Compares two JSON documents by meaning, not by bytes: property order does not count, numbers
 * compare by value ({@code 1.0} equals {@code 1}), and two RFC 3339 date-times are equal when they
 * denote the same instant ({@code 2031-12-31T23:59:59.0000000+01:00} equals {@code
 * 2031-12-31T22:59:59.000Z}). A null property and an absent one differ.
 */
public final class JsonComparison {
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}.*");
  private static final int SHOWN_CHARS = 80;

  private JsonComparison() {}

  /**
   * Where the documents first differ, as {@code at <JSON pointer>: expected <value>, got <value>};
   * empty when they are equal. Expected properties are compared in their order, then properties
   * only {@code actual} has.
   */
  public static Optional<String> firstDifference(JsonNode expected, JsonNode actual) {
    return difference("", expected, actual);
  }

  private static Optional<String> difference(String pointer, JsonNode expected, JsonNode actual) {
    if (absent(expected) || absent(actual)) {
      return absent(expected) && absent(actual) ? Optional.empty() : differ(pointer, expected, actual);
    }
    if (expected.isObject() && actual.isObject()) {
      for (String name : expected.propertyNames()) {
        Optional<String> d = difference(pointer + "/" + escape(name), expected.get(name), actual.get(name));
        if (d.isPresent()) {
          return d;
        }
      }
      for (String name : actual.propertyNames()) {
        if (!expected.has(name)) {
          return differ(pointer + "/" + escape(name), null, actual.get(name));
        }
      }
      return Optional.empty();
    }
    if (expected.isArray() && actual.isArray()) {
      for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
        JsonNode e = i < expected.size() ? expected.get(i) : null;
        JsonNode a = i < actual.size() ? actual.get(i) : null;
        Optional<String> d = difference(pointer + "/" + i, e, a);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty() : differ(pointer, expected, actual);
    }
    if (expected.isString() && actual.isString()) {
      return sameString(expected.asString(), actual.asString()) ? Optional.empty() : differ(pointer, expected, actual);
    }
    return expected.equals(actual) ? Optional.empty() : differ(pointer, expected, actual);
  }

  private static boolean sameString(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    Optional<Instant> e = instant(expected);
    Optional<Instant> a = instant(actual);
    return e.isPresent() && e.equals(a);
  }

  /** The instant an RFC 3339 date-time denotes (any number of fractional digits, any offset). */
  static Optional<Instant> instant(String text) {
    if (!DATE_TIME.matcher(text).matches()) {
      return Optional.empty();
    }
    String iso = (text.substring(0, 10) + "T" + text.substring(11)).toUpperCase(java.util.Locale.ROOT);
    try {
      return Optional.of(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode();
  }

  private static Optional<String> differ(String pointer, JsonNode expected, JsonNode actual) {
    String where = pointer.isEmpty() ? "the root" : pointer;
    return Optional.of("at " + where + ": expected " + show(expected) + ", got " + show(actual));
  }

  private static String show(JsonNode node) {
    if (absent(node)) {
      return "(absent)";
    }
    String json = node.toString();
    return json.length() <= SHOWN_CHARS ? json : json.substring(0, SHOWN_CHARS) + "…";
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
