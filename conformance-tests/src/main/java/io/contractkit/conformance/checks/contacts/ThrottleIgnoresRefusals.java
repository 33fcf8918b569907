package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;

/**
 * CONTACTS-THROTTLE-REFUSALS-DO-NOT-COUNT: a request refused with 400 (no secret, an empty secret)
 * is not a failed lookup of its ip.
 */
public final class ThrottleIgnoresRefusals implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-REFUSALS-DO-NOT-COUNT",
              Category.CONTACTS,
              "Requests refused with 400 do not count towards a block",
              "From one fresh ip, a correct secret, maxFailures + 1 requests without a secret or"
                  + " with an empty one (refused: nothing is looked up), then maxFailures wrong"
                  + " secrets: each wrong"
                  + " secret is still answered 404, because only failed lookups count.",
              "[CONTRACT C18](../docs/CONTRACT.md#c18): a missing or empty secret is not a lookup,"
                  + " so nothing was guessed (choice; thresholds from the profile).",
              """
          expected: status 404 for each of the 10 wrong secrets from ip 192.0.2.14 after 11 requests refused for a missing or empty secret (a refused request does not count)
          actual:   status 429 at wrong secret 1 of 10
          status 429 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=Xk2mPq7RtV9wYz3bN5cD&ip=192.0.2.14'""")
          .covering("C18");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    int max = context.throttle().maxFailures();
    int refusals = max + 1;
    // A correct secret first (it does not count, CONTACTS-THROTTLE-SUCCESSES-DO-NOT-BLOCK): an ip
    // still blocked by an earlier run answers it 429 and is replaced.
    ContactLookups.FirstLookup first =
        ContactLookups.fromFreshIp(context, ContactLookups.knownSecret(context));
    String ip = first.ip();
    for (int i = 1; i <= refusals; i++) {
      context.send(
          i % 2 == 0
              ? ContactLookups.bySecret(context, "", ip)
              : context.contactsRequest().param("ip", ip));
    }
    String expected =
        "status 404 for each of the "
            + max
            + " wrong secrets from ip "
            + ip
            + " after "
            + refusals
            + " requests refused for a missing or empty secret (a refused request does not count)";
    for (int i = 1; i <= max; i++) {
      Exchange e =
          context.send(ContactLookups.bySecret(context, ContactLookups.wrongSecret(context), ip));
      if (e.status() != 404) {
        throw new CheckFailure(
            expected, "status " + e.status() + " at wrong secret " + i + " of " + max, e);
      }
    }
  }
}
