package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;

/**
 * CONTACTS-THROTTLE-ONE-BUDGET-PER-ADDRESS: {@code 192.0.2.7}, {@code ::ffff:192.0.2.7} and {@code
 * ::FFFF:192.0.2.7} are one address with one budget of failures.
 */
public final class ThrottleOneBudgetPerAddress implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-ONE-BUDGET-PER-ADDRESS",
              Category.CONTACTS,
              "Every spelling of one ip shares its budget",
              "One wrong secret from a fresh IPv4 ip, then maxFailures - 1 from the same address"
                  + " written IPv4-mapped (::ffff:…, ::FFFF:…), each answered 404; then a lookup in"
                  + " either spelling is answered 429: respelling an address gives a guesser no"
                  + " fresh budget.",
              "[CONTRACT C28](../docs/CONTRACT.md#c28): one address, one budget, however it is"
                  + " spelled (choice; thresholds from the profile).",
              """
          expected: status 429 for a wrong secret from ip 192.0.2.7: the address had 10 failed lookups, spelled 192.0.2.7 and ::ffff:192.0.2.7 (one address, one budget)
          actual:   status 404
          status 404 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=Xk2mPq7RtV9wYz3bN5cD&ip=192.0.2.7'""")
          .covering("C28");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    int max = context.throttle().maxFailures();
    ContactLookups.FirstLookup first =
        ContactLookups.fromFreshIp(context, ContactLookups.wrongSecret(context));
    String ip = first.ip();
    String[] mapped = {"::ffff:" + ip, "::FFFF:" + ip};
    String expected404 =
        "status 404 for each of the "
            + max
            + " wrong secrets from ip "
            + ip
            + ", spelled "
            + ip
            + " and "
            + mapped[0]
            + " (the profile promises the block only after "
            + max
            + " failures)";
    expect(first.exchange(), 404, expected404, " at wrong secret 1 of " + max + first.fromIps());
    for (int i = 2; i <= max; i++) {
      Exchange e =
          context.send(
              ContactLookups.bySecret(context, ContactLookups.wrongSecret(context), mapped[i % 2]));
      expect(e, 404, expected404, " at wrong secret " + i + " of " + max);
    }
    for (String spelling : new String[] {ip, mapped[0]}) {
      Exchange e =
          context.send(
              ContactLookups.bySecret(context, ContactLookups.wrongSecret(context), spelling));
      expect(
          e,
          429,
          "status 429 for a wrong secret from ip "
              + spelling
              + ": the address had "
              + max
              + " failed lookups, spelled "
              + ip
              + " and "
              + mapped[0]
              + " (one address, one budget)",
          "");
    }
  }

  private static void expect(Exchange e, int status, String expected, String where) {
    if (e.status() != status) {
      throw new CheckFailure(expected, "status " + e.status() + where, e);
    }
  }
}
