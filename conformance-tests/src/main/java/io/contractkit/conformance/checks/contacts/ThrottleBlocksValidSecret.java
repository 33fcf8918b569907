package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;

/**
 * CONTACTS-THROTTLE-BLOCKS-VALID-SECRET: a blocked ip does not get a contact, even for a correct
 * secret.
 */
public final class ThrottleBlocksValidSecret implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-BLOCKS-VALID-SECRET",
              Category.CONTACTS,
              "A blocked ip gets 429 even for a correct secret",
              "Right after maxFailures wrong secrets from a fresh ip (each answered 404), a correct secret"
                  + " from that ip is answered 429 and the contact is not disclosed: the block holds for every"
                  + " lookup, not only for misses.",
              "[CONTRACT C24](../docs/CONTRACT.md#c24): a correct secret is not disclosed while"
                  + " blocked (otherwise the block is no protection) (choice; thresholds from the profile).",
              """
          expected: status 429 and no contact data for a correct secret from ip 203.0.113.9, blocked after 10 failed lookups
          actual:   status 200 with contact data: property 'Secret' is not null
          status 200 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=203.0.113.9'""")
          .covering("C24");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    String secret = ContactLookups.knownSecret(context);
    IpBlocking.Failed failed = IpBlocking.failUpToLimit(context);
    Exchange e = context.send(ContactLookups.bySecret(context, secret, failed.ip()));
    String expected =
        "status 429 and no contact data for a correct secret from ip "
            + failed.ip()
            + ", blocked after "
            + failed.failures()
            + " failed lookups";
    ContactLookups.expectNothingDisclosed(e, context, expected);
    ContactLookups.expectStatus(e, 429, expected);
  }
}
