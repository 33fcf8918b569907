package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN: while an ip stays blocked, Retry-After says how much
 * of the block is left.
 */
public final class ThrottleRetryAfterCountsDown implements Check {
  /** How far the second Retry-After may be from the first minus the time that passed. */
  static final int TOLERANCE_SECONDS = 2;

  /** The real wait between the two blocked answers when the target's clock cannot be moved. */
  static final int REAL_WAIT_SECONDS = 5;

  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN",
              Category.CONTACTS,
              "Retry-After counts down while a block lasts",
              "A fresh ip is blocked; then k seconds pass on the target (half of blockSeconds, with the"
                  + " profile's clock hook; otherwise a real wait of "
                  + REAL_WAIT_SECONDS
                  + " s when it fits in --max-wait and in the block), and a correct secret from that ip"
                  + " is still answered 429, with a Retry-After that is the first one minus the time that"
                  + " passed (within "
                  + TOLERANCE_SECONDS
                  + " s; an HTTP-date is read against the answer's Date). A block that ends too early, or"
                  + " a Retry-After that always says blockSeconds, fails.",
              "[CONTRACT C25](../docs/CONTRACT.md#c25): Retry-After is delay-seconds from 1 to the"
                  + " seconds left in the block, or an HTTP-date; [CONTRACT C19](../docs/CONTRACT.md#c19): a"
                  + " lookup refused while blocked does not extend the block; [CONTRACT"
                  + " C26](../docs/CONTRACT.md#c26): the block lasts blockSeconds (choice; blockSeconds from"
                  + " the profile).",
              """
          expected: status 429 with Retry-After about 150 s from ip 203.0.113.9: 150 s after a 429 that said 300 s, the block has 150 s left
          actual:   Retry-After: 300
          status 429 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=203.0.113.9'""")
          .covering("C19", "C25", "C26");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.clockLocks();
  }

  @Override
  public void run(CheckContext context) {
    String secret = ContactLookups.knownSecret(context);
    int blockSeconds = context.throttle().blockSeconds();
    long k = context.canMoveClock() ? blockSeconds / 2 : REAL_WAIT_SECONDS;
    if (k <= 2L * TOLERANCE_SECONDS || k + 2L * TOLERANCE_SECONDS >= blockSeconds) {
      throw new CheckSkipped(
          "a block of "
              + blockSeconds
              + " s is too short to tell a Retry-After that counts down from a fixed one"
              + (context.canMoveClock() ? "" : " without a clock hook (clock.advance)"));
    }
    Duration pass = Duration.ofSeconds(k);
    String purpose = "Retry-After to count down";
    context.requireTimeCanPass(pass, purpose);

    IpBlocking.Blocked blocked = IpBlocking.block(context);
    Instant firstAnswered = context.now();
    RetryAfter.Value first = retryAfter(blocked.refusal(), "the first 429");
    context.letTimePass(pass, purpose);
    Exchange e = context.send(ContactLookups.bySecret(context, secret, blocked.ip()));
    Duration passed =
        (context.canMoveClock() ? pass : Duration.ZERO)
            .plus(Duration.between(firstAnswered, context.now()));
    String expected;
    if (first.date() != null) {
      expected =
          "status 429 with Retry-After about "
              + RetryAfter.IMF_FIXDATE.format(first.date())
              + " from ip "
              + blocked.ip()
              + ", as on the 429 "
              + passed.toSeconds()
              + " s earlier: the block still ends then";
    } else {
      long left = first.seconds() - passed.toSeconds();
      expected =
          "status 429 with Retry-After about "
              + left
              + " s from ip "
              + blocked.ip()
              + ": "
              + passed.toSeconds()
              + " s after a 429 that said "
              + first.seconds()
              + " s, the block has "
              + left
              + " s left";
    }
    if (e.status() != 429) {
      throw new CheckFailure(
          expected,
          "status "
              + e.status()
              + ": the block ended before the promised "
              + blockSeconds
              + " s were up",
          e);
    }
    ContactLookups.expectNothingDisclosed(e, context, expected);
    RetryAfter.Value second = retryAfter(e, "the second 429");
    long off =
        first.date() != null && second.date() != null
            ? Duration.between(first.date(), second.date()).toSeconds()
            : second
                .remaining(e, context)
                .minus(first.remaining(blocked.refusal(), context).minus(passed))
                .toSeconds();
    if (Math.abs(off) > TOLERANCE_SECONDS) {
      throw new CheckFailure(expected, "Retry-After: " + e.header("Retry-After").orElse(""), e);
    }
  }

  private static RetryAfter.Value retryAfter(Exchange e, String which) {
    Optional<RetryAfter.Value> value = RetryAfter.of(e);
    if (value.isEmpty()) {
      throw new CheckFailure(
          "a Retry-After (delta-seconds or an HTTP-date) on " + which + " to count down",
          e.header("Retry-After").map(v -> "Retry-After: " + v).orElse("no Retry-After header"),
          e);
    }
    return value.get();
  }
}
