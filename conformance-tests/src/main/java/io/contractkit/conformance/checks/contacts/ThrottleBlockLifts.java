package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import java.time.Duration;
import java.util.Set;

/**
 * CONTACTS-THROTTLE-BLOCK-LIFTS: a block ends when the promised time is up, and the ip finds its
 * contact again.
 */
public final class ThrottleBlockLifts implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-BLOCK-LIFTS",
              Category.CONTACTS,
              "A block lifts after blockSeconds",
              "A fresh ip is blocked (maxFailures wrong secrets, then 429); once blockSeconds + 1 s have"
                  + " passed on the target -- the suite moves the target's clock with the profile's"
                  + " clock hook, or waits for real when blockSeconds + 1 is at most --max-wait -- a"
                  + " correct secret from that ip is answered 200 with the contact. Skipped when neither"
                  + " is possible.",
              "[CONTRACT C26](../docs/CONTRACT.md#c26): a block lasts blockSeconds, then lifts (choice;"
                  + " blockSeconds from the profile). One that never lifts locks a real client out for good.",
              """
          expected: status 200 with the contact for a correct secret from ip 198.51.100.23, 301 s after it was blocked (the profile promises blocks of 300 s)
          actual:   status 429 (Retry-After: 300)
          status 429 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=198.51.100.23'""")
          .covering("C26");

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
    Duration lift = Duration.ofSeconds(blockSeconds + 1L);
    String purpose = "the " + blockSeconds + " s block to lift";
    context.requireTimeCanPass(lift, purpose);
    IpBlocking.Blocked blocked = IpBlocking.block(context);
    context.letTimePass(lift, purpose);
    Exchange e = context.send(ContactLookups.bySecret(context, secret, blocked.ip()));
    String expected =
        "status 200 with the contact for a correct secret from ip "
            + blocked.ip()
            + ", "
            + lift.toSeconds()
            + " s after it was blocked (the profile promises blocks of "
            + blockSeconds
            + " s)";
    if (e.status() != 200) {
      throw new CheckFailure(
          expected,
          "status "
              + e.status()
              + e.header("Retry-After").map(r -> " (Retry-After: " + r + ")").orElse(""),
          e);
    }
    if (Disclosure.contacts(e, context) == null) {
      throw new CheckFailure(expected, "status 200 without contact data", e);
    }
  }
}
