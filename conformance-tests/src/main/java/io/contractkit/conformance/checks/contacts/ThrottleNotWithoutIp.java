package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;

/** CONTACTS-THROTTLE-NOT-WITHOUT-IP: lookups without an ip are not throttled by ip. */
public final class ThrottleNotWithoutIp implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-NOT-WITHOUT-IP",
              Category.CONTACTS,
              "Lookups without ip are not throttled",
              "maxFailures + 1 wrong secrets without an ip are each answered 404, and a correct"
                  + " secret without an ip afterwards is answered 200: without an ip there is"
                  + " nothing to count by.",
              "Contacts document: ip \"If provided - it will be used for brute force"
                  + " protection\"; [CONTRACT C27](../docs/CONTRACT.md#c27): lookups without ip are"
                  + " not throttled by ip (choice).",
              """
          expected: status 404 for each of the 11 wrong secrets sent without ip (lookups without ip are not throttled)
          actual:   status 429 at wrong secret 11 of 11
          status 429 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=Xk2mPq7RtV9wYz3bN5cD'""")
          .covering("C27");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    String secret = ContactLookups.knownSecret(context);
    int lookups = context.throttle().maxFailures() + 1;
    for (int i = 1; i <= lookups; i++) {
      Exchange e =
          context.send(ContactLookups.bySecret(context, ContactLookups.wrongSecret(context)));
      if (e.status() != 404) {
        throw new CheckFailure(
            "status 404 for each of the "
                + lookups
                + " wrong secrets sent without ip (lookups without ip are not throttled)",
            "status " + e.status() + " at wrong secret " + i + " of " + lookups,
            e);
      }
    }
    Exchange found = context.send(ContactLookups.bySecret(context, secret));
    if (found.status() != 200) {
      throw new CheckFailure(
          "status 200 for a correct secret without ip after "
              + lookups
              + " wrong secrets without ip (lookups without ip are not throttled)",
          "status " + found.status(),
          found);
    }
  }
}
