package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** CONTACTS-THROTTLE-RETRY-AFTER: the 429 of a blocked ip says when to come back. */
public final class ThrottleSendsRetryAfter implements Check {
  /** IMF-fixdate, the HTTP-date form that senders must generate (RFC 9110, section 5.6.7). */
  static final DateTimeFormatter IMF_FIXDATE = RetryAfter.IMF_FIXDATE;

  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-RETRY-AFTER",
              Category.CONTACTS,
              "The 429 of a blocked ip carries a sensible Retry-After",
              "The 429 answer of a blocked ip has a Retry-After header that is either delta-seconds from 1"
                  + " to blockSeconds + 5, or an HTTP-date (IMF-fixdate) in the future.",
              "[CONTRACT C25](../docs/CONTRACT.md#c25): every lookup from a blocked ip answers 429"
                  + " Too Many Requests with Retry-After (choice; blockSeconds from the profile); RFC 9110,"
                  + " section 10.2.3: Retry-After = HTTP-date / delay-seconds.",
              """
          expected: a Retry-After header on the 429: delta-seconds from 1 to 305, or an HTTP-date in the future
          actual:   no Retry-After header
          status 429 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=Jm4TqB8wZr1XkC6vN2sP&ip=192.0.2.150'""")
          .covering("C25");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    int maxSeconds = context.throttle().blockSeconds() + 5;
    Exchange e = IpBlocking.block(context).refusal();
    String expected =
        "a Retry-After header on the 429: delta-seconds from 1 to "
            + maxSeconds
            + ", or an HTTP-date in the future";
    Optional<String> header = e.header("Retry-After");
    if (header.isEmpty()) {
      throw new CheckFailure(expected, "no Retry-After header", e);
    }
    String value = header.get().trim();
    String problem =
        value.matches("[0-9]+") ? badDelay(value, maxSeconds) : badDate(value, e, context);
    if (problem != null) {
      throw new CheckFailure(expected, "Retry-After: " + header.get() + " (" + problem + ")", e);
    }
  }

  private static String badDelay(String value, int maxSeconds) {
    BigInteger seconds = new BigInteger(value);
    if (seconds.signum() == 0) {
      return "0 seconds: the block has not lifted";
    }
    if (seconds.compareTo(BigInteger.valueOf(maxSeconds)) > 0) {
      return "longer than the profile's blockSeconds + 5 = " + maxSeconds;
    }
    return null;
  }

  /**
   * Null when the value is an IMF-fixdate after the answer's Date (or, without one, after the
   * target's time as the suite estimates it).
   */
  private static String badDate(String value, Exchange e, CheckContext context) {
    Optional<Instant> date = imfFixdate(value);
    if (date.isEmpty()) {
      return "neither delta-seconds nor an HTTP-date";
    }
    Optional<Instant> answered = e.header("Date").flatMap(ThrottleSendsRetryAfter::imfFixdate);
    Instant now = answered.orElseGet(() -> context.now().plus(context.clockMoved()));
    if (!date.get().isAfter(now)) {
      String reference =
          answered.isPresent()
              ? "the answer's Date is " + e.header("Date").get()
              : "now is " + IMF_FIXDATE.format(now);
      return "not in the future: " + reference;
    }
    return null;
  }

  static Optional<Instant> imfFixdate(String value) {
    return RetryAfter.imfFixdate(value);
  }
}
