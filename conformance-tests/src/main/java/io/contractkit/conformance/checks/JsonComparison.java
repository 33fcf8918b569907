package io.contractkit.conformance.checks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Compares two JSON values by meaning, not by bytes, and names the first place where they differ.
 *
 * <ul>
 *   <li>Property order does not count.
 *   <li>Numbers compare by value ({@code 1.0} equals {@code 1}).
 *   <li>Two RFC 3339 date-time strings are equal when they denote the same instant ({@code +00:00}
 *       and {@code Z} are one offset), or when the less precise one is the more precise one
 *       truncated or rounded to its number of fractional digits: {@code 2024-02-06T03:41:07.268Z}
 *       is {@code 2024-02-06T03:41:07.2682884+00:00} as written by an implementation that keeps
 *       milliseconds (a valid choice, docs/CONTRACT.md G13).
 *   <li>An absent property and a {@code null} one are the same ({@link MissingNull#EQUAL}: lenient
 *       mode, where an omitted null is a valid choice) or a difference ({@link
 *       MissingNull#DIFFERENT}: strict mode, where every documented property is present), as the
 *       caller chooses ({@link MissingNull#in(Mode)}; docs/CONTRACT.md G16).
 *   <li>Arrays compare element by element; a missing element is a difference.
 *   <li>Properties only the actual value has are a difference ({@link ExtraProperties#COMPARED}) or
 *       are not looked at ({@link ExtraProperties#IGNORED}), as the caller chooses.
 *   <li>Everything else compares exactly.
 * </ul>
 */
public final class JsonComparison {
  private static final int SHOWN_CHARS = 120;

  /** What the comparison makes of object properties only the actual value has. */
  public enum ExtraProperties {
    /** A property only the actual value has is a difference (unless it is {@code null}). */
    COMPARED,
    /** Properties only the actual value has are not compared (another check may judge them). */
    IGNORED
  }

  /** What the comparison makes of a property one side has as {@code null} and the other lacks. */
  public enum MissingNull {
    /** No difference: leaving out a null property is a valid choice (lenient mode). */
    EQUAL,
    /** A difference: every documented property is present, null or not (strict mode). */
    DIFFERENT;

    /** DIFFERENT in strict mode, EQUAL in lenient mode. */
    public static MissingNull in(Mode mode) {
      return mode == Mode.STRICT ? DIFFERENT : EQUAL;
    }
  }

  /**
   * The first place where two JSON values differ.
   *
   * @param pointer the JSON pointer of the difference ("" for the whole value)
   * @param expected the expected value there, {@code null} when there is none (absent)
   * @param actual the actual value there, {@code null} when there is none (absent)
   */
  public record Difference(String pointer, JsonNode expected, JsonNode actual) {
    /** How an absent value is shown. */
    public static final String ABSENT = "(absent)";

    /** The pointer for a message: "/" for the whole value. */
    public String where() {
      return pointer.isEmpty() ? "/" : pointer;
    }

    /** The expected value as (shortened) JSON text, or {@link #ABSENT}. */
    public String expectedText() {
      return show(expected);
    }

    /** The actual value as (shortened) JSON text, or {@link #ABSENT}. */
    public String actualText() {
      return show(actual);
    }

    /** {@code at <pointer>: expected <value>, got <value>} ("the root" for the whole value). */
    @Override
    public String toString() {
      String at = pointer.isEmpty() ? "the root" : pointer;
      return "at " + at + ": expected " + expectedText() + ", got " + actualText();
    }
  }

  private JsonComparison() {}

  /**
   * Where {@code actual} first differs from {@code expected}, properties only {@code actual} has
   * included; empty when they are equal. Expected properties are compared in their order, then the
   * properties only {@code actual} has.
   */
  public static Optional<Difference> first(JsonNode expected, JsonNode actual) {
    return first(expected, actual, ExtraProperties.COMPARED);
  }

  /**
   * Where {@code actual} first differs from {@code expected}, a missing property the same as a null
   * one; empty when they are equal.
   */
  public static Optional<Difference> first(
      JsonNode expected, JsonNode actual, ExtraProperties extra) {
    return first(expected, actual, extra, MissingNull.EQUAL);
  }

  /** Where {@code actual} first differs from {@code expected}; empty when they are equal. */
  public static Optional<Difference> first(
      JsonNode expected, JsonNode actual, ExtraProperties extra, MissingNull missingNull) {
    return new Comparison(extra, missingNull).first("", expected, actual);
  }

  /** One comparison's choices. */
  private record Comparison(ExtraProperties extra, MissingNull missingNull) {
    Optional<Difference> first(String pointer, JsonNode expected, JsonNode actual) {
      if (absent(expected) || absent(actual)) {
        return absent(expected) && absent(actual)
            ? Optional.empty()
            : differ(pointer, expected, actual);
      }
      if (expected.isObject() && actual.isObject()) {
        for (String name : expected.propertyNames()) {
          Optional<Difference> d =
              property(pointer + "/" + escape(name), expected.get(name), actual.get(name));
          if (d.isPresent()) {
            return d;
          }
        }
        if (extra == ExtraProperties.COMPARED) {
          for (String name : actual.propertyNames()) {
            if (!expected.has(name)) {
              Optional<Difference> d =
                  property(pointer + "/" + escape(name), null, actual.get(name));
              if (d.isPresent()) {
                return d;
              }
            }
          }
        }
        return Optional.empty();
      }
      if (expected.isArray() && actual.isArray()) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
          JsonNode e = i < expected.size() ? expected.get(i) : null;
          JsonNode a = i < actual.size() ? actual.get(i) : null;
          Optional<Difference> d = first(pointer + "/" + i, e, a);
          if (d.isPresent()) {
            return d;
          }
        }
        return Optional.empty();
      }
      return sameScalar(expected, actual) ? Optional.empty() : differ(pointer, expected, actual);
    }

    /**
     * A property: absent on one side and {@code null} on the other is no difference when {@link
     * MissingNull#EQUAL}.
     */
    private Optional<Difference> property(String pointer, JsonNode expected, JsonNode actual) {
      if (missingNull == MissingNull.EQUAL
          && ((absent(expected) && !absent(actual) && actual.isNull())
              || (absent(actual) && !absent(expected) && expected.isNull()))) {
        return Optional.empty();
      }
      return first(pointer, expected, actual);
    }
  }

  private static boolean sameScalar(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isString() && actual.isString()) {
      String e = expected.stringValue();
      String a = actual.stringValue();
      if (e.equals(a)) {
        return true;
      }
      Optional<RfcDateTime> ed = RfcDateTime.parse(e);
      Optional<RfcDateTime> ad = RfcDateTime.parse(a);
      return ed.isPresent() && ad.isPresent() && ed.get().sameAs(ad.get());
    }
    return expected.equals(actual);
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode();
  }

  private static Optional<Difference> differ(String pointer, JsonNode expected, JsonNode actual) {
    return Optional.of(
        new Difference(
            pointer, absent(expected) ? null : expected, absent(actual) ? null : actual));
  }

  private static String show(JsonNode node) {
    if (absent(node)) {
      return Difference.ABSENT;
    }
    String json = node.toString();
    return json.length() <= SHOWN_CHARS ? json : json.substring(0, SHOWN_CHARS) + "…";
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /**
   * An RFC 3339 date-time as text: the instant it denotes and the precision it was written with.
   */
  private record RfcDateTime(Instant instant, int fractionDigits) {
    private static final Pattern SHAPE =
        Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2}(?:\\.(\\d{1,9}))?(?:[Zz]|[+-]\\d{2}:\\d{2}))");

    /** The date-time the text is, or empty when it is not an RFC 3339 date-time. */
    static Optional<RfcDateTime> parse(String text) {
      Matcher m = SHAPE.matcher(text);
      if (!m.matches()) {
        return Optional.empty();
      }
      String iso = (m.group(1) + "T" + m.group(2)).toUpperCase(Locale.ROOT);
      try {
        Instant instant =
            OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        return Optional.of(new RfcDateTime(instant, m.group(3) == null ? 0 : m.group(3).length()));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }

    /** The same instant, to the precision of the less precise of the two (truncated or rounded). */
    boolean sameAs(RfcDateTime other) {
      if (instant.equals(other.instant)) {
        return true;
      }
      RfcDateTime coarse = fractionDigits <= other.fractionDigits ? this : other;
      RfcDateTime fine = coarse == this ? other : this;
      if (coarse.fractionDigits == fine.fractionDigits) {
        return false;
      }
      long unit = 1;
      for (int i = coarse.fractionDigits; i < 9; i++) {
        unit *= 10;
      }
      long rest = fine.instant.getNano() % unit;
      Instant truncated = fine.instant.minusNanos(rest);
      Instant rounded = rest * 2 >= unit ? truncated.plusNanos(unit) : truncated;
      return coarse.instant.equals(truncated) || coarse.instant.equals(rounded);
    }
  }
}
