package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;

/** CONTACTS-THROTTLE-PER-IP: blocking one ip leaves the others alone. */
public final class ThrottleIsPerIp implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-PER-IP",
              Category.CONTACTS,
              "A block of one ip does not affect another",
              "While one fresh ip is blocked (maxFailures wrong secrets, then 429), a correct secret from"
                  + " another fresh ip is answered 200: failures are counted per ip value.",
              "[CONTRACT C15](../docs/CONTRACT.md#c15), [CONTRACT C20](../docs/CONTRACT.md#c20):"
                  + " failed lookups (404s) are counted per ip value, and other ip values are not affected"
                  + " (choice; thresholds from the profile).",
              """
          expected: status 200 for a correct secret from ip 192.0.2.77, while only ip 198.51.100.4 is blocked
          actual:   status 429 (from 3 fresh ips in a row)
          status 429 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=192.0.2.77'""")
          .covering("C15", "C20");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    String secret = ContactLookups.knownSecret(context);
    IpBlocking.Blocked blocked = IpBlocking.block(context);
    ContactLookups.FirstLookup other = ContactLookups.fromFreshIp(context, secret);
    if (other.exchange().status() != 200) {
      throw new CheckFailure(
          "status 200 for a correct secret from ip "
              + other.ip()
              + ", while only ip "
              + blocked.ip()
              + " is blocked",
          "status " + other.exchange().status() + other.fromIps(),
          other.exchange());
    }
  }
}
