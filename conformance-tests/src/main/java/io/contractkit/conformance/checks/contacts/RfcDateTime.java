package io.contractkit.conformance.checks.contacts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 3339 date-time as text: the instant it denotes and the precision it was written with.
 * Two values are the same when they denote the same instant ({@code +00:00} and {@code Z} are
 * one offset), where the less precise one may be the other truncated or rounded to its digits:
 * {@code 2024-02-06T03:41:07.268Z} is {@code 2024-02-06T03:41:07.2682884+00:00} as written by an
 * implementation that keeps milliseconds (a valid choice, contract notes "dates").
 */
record RfcDateTime(Instant instant, int fractionDigits) {
  private static final Pattern SHAPE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.(\\d{1,9}))?(?:[Zz]|[+-]\\d{2}:\\d{2})");

  /** The date-time the text is, or empty when it is not an RFC 3339 date-time. */
  static Optional<RfcDateTime> parse(String text) {
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Instant instant =
          OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      return Optional.of(new RfcDateTime(instant, m.group(1) == null ? 0 : m.group(1).length()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Same instant, to the precision of the less precise of the two. */
  boolean sameAs(RfcDateTime other) {
    if (instant.equals(other.instant)) {
      return true;
    }
    RfcDateTime coarse = fractionDigits <= other.fractionDigits ? this : other;
    RfcDateTime fine = coarse == this ? other : this;
    if (coarse.fractionDigits == fine.fractionDigits) {
      return false;
    }
    long unit = (long) Math.pow(10, 9 - coarse.fractionDigits);
    long nanos = fine.instant.getNano();
    Instant truncated = fine.instant.minusNanos(nanos % unit);
    Instant rounded = nanos % unit * 2 >= unit ? truncated.plusNanos(unit) : truncated;
    return coarse.instant.equals(truncated) || coarse.instant.equals(rounded);
  }
}
