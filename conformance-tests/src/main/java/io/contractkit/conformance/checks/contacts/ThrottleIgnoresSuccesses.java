package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;

/** CONTACTS-THROTTLE-SUCCESSES-DO-NOT-BLOCK: only failed lookups count towards a block. */
public final class ThrottleIgnoresSuccesses implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-SUCCESSES-DO-NOT-BLOCK",
              Category.CONTACTS,
              "Successful lookups from one ip do not lead to a block",
              "maxFailures + 2 lookups of an existing secret from one fresh ip, one after another, are all"
                  + " answered 200: a client that looks up its own contact repeatedly is not throttled.",
              "[CONTRACT C16](../docs/CONTRACT.md#c16), [CONTRACT C17](../docs/CONTRACT.md#c17):"
                  + " failed lookups (404s) are counted per ip value -- successes are not failures (choice;"
                  + " thresholds from the profile).",
              """
          expected: status 200 for each of the 12 lookups of a correct secret from ip 192.0.2.201 (only failed lookups count)
          actual:   status 429 at lookup 11 of 12
          status 429 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=192.0.2.201'""")
          .covering("C17");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    String secret = ContactLookups.knownSecret(context);
    int lookups = context.throttle().maxFailures() + 2;
    ContactLookups.FirstLookup first = ContactLookups.fromFreshIp(context, secret);
    String expected =
        "status 200 for each of the "
            + lookups
            + " lookups of a correct secret from ip "
            + first.ip()
            + " (only failed lookups count)";
    expect200(first.exchange(), 1, lookups, expected, first.fromIps());
    // One after another: an implementation that counts a success only after answering it would
    // still answer a burst of successes 200.
    for (int i = 2; i <= lookups; i++) {
      expect200(
          context.send(ContactLookups.bySecret(context, secret, first.ip())),
          i,
          lookups,
          expected,
          "");
    }
  }

  private static void expect200(
      Exchange e, int lookup, int lookups, String expected, String fromIps) {
    if (e.status() != 200) {
      throw new CheckFailure(
          expected,
          "status " + e.status() + " at lookup " + lookup + " of " + lookups + fromIps,
          e);
    }
  }
}
