package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.http.Exchange;

/**
 * CONTACTS-MALFORMED-IP-400: an ip that is no address literal is refused, even with a good secret.
 */
public final class MalformedIpIs400 implements Check {
  static final String MALFORMED_IP = "not-an-ip";

  static final CheckInfo INFO =
      CheckInfo.errorWhenStrict(
              "CONTACTS-MALFORMED-IP-400",
              Category.CONTACTS,
              "A malformed ip returns 400 and no contact",
              "A correct secret sent with ip=not-an-ip is refused: strict, with 400; lenient, with any 4xx."
                  + " Either way the contact is not disclosed, so a caller cannot dodge the per-ip throttle"
                  + " with values that are not addresses.",
              "[CONTRACT C29](../docs/CONTRACT.md#c29): a malformed ip (not an IPv4 or IPv6 literal)"
                  + " is answered 400 (choice); the document: ip \"will be used for brute force"
                  + " protection\".",
              """
          expected: status 400 and no contact data for a correct secret with ip=not-an-ip
          actual:   status 200 with contact data: property 'Secret' is not null
          status 200 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=not-an-ip'""")
          .covering("C29");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    String secret = ContactLookups.knownSecret(context);
    Exchange e = context.send(ContactLookups.bySecret(context, secret, MALFORMED_IP));
    boolean strict = context.mode() == Mode.STRICT;
    String expected =
        (strict ? "status 400" : "a 4xx status")
            + " and no contact data for a correct secret with ip="
            + MALFORMED_IP;
    ContactLookups.expectNothingDisclosed(e, context, expected);
    if (strict ? e.status() != 400 : !e.is4xx()) {
      throw new CheckFailure(expected, "status " + e.status(), e);
    }
  }
}
