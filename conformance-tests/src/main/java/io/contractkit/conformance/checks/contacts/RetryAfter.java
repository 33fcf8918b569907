package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.http.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** A {@code Retry-After} header (RFC 9110, section 10.2.3): delay-seconds or an HTTP-date. */
final class RetryAfter {
  /** IMF-fixdate, the HTTP-date form that senders must generate (RFC 9110, section 5.6.7). */
  static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private RetryAfter() {}

  static Optional<Instant> imfFixdate(String value) {
    try {
      return Optional.of(ZonedDateTime.parse(value.trim(), IMF_FIXDATE).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The answer's Retry-After: delay-seconds, or an HTTP-date; empty when there is none or it is
   * neither.
   */
  static Optional<Value> of(Exchange e) {
    Optional<String> header = e.header("Retry-After").map(String::trim);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get();
    if (value.matches("[0-9]{1,18}")) {
      return Optional.of(new Value(Long.parseLong(value), null));
    }
    return imfFixdate(value).map(date -> new Value(null, date));
  }

  /**
   * A Retry-After value: {@code seconds} (delay-seconds) or {@code date} (an HTTP-date), the other
   * null.
   */
  record Value(Long seconds, Instant date) {
    /**
     * How long it says the block still lasts: the seconds, or the date minus the answer's {@code
     * Date} (without one, minus the target's time as the suite estimates it: its own clock plus
     * what it moved the target's clock).
     */
    Duration remaining(Exchange e, CheckContext context) {
      if (seconds != null) {
        return Duration.ofSeconds(seconds);
      }
      Instant now =
          e.header("Date")
              .flatMap(RetryAfter::imfFixdate)
              .orElseGet(() -> context.now().plus(context.clockMoved()));
      return Duration.between(now, date);
    }
  }
}
