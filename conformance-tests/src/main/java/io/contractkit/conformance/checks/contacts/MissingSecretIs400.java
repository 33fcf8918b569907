package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;

/** CONTACTS-MISSING-SECRET-400: a lookup without the required secret is a client error. */
public final class MissingSecretIs400 implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-MISSING-SECRET-400",
              Category.CONTACTS,
              "A lookup without secret returns 400 and no contact",
              "A lookup with no secret parameter at all is answered 400 (not 404, not a 5xx) and"
                  + " discloses no contact.",
              "Contacts document: secret is \"Required\"; [CONTRACT C2](../docs/CONTRACT.md#c2),"
                  + " [CONTRACT G10](../docs/CONTRACT.md#g10): a missing required parameter is a client"
                  + " error: 400.",
              """
          expected: status 400 and no contact data when the secret parameter is missing
          actual:   status 500
          status 500 text/html
          curl -i 'https://api.example.com/api/v1/Contacts'""")
          .covering("C2", "G10");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    Exchange e = context.send(context.contactsRequest());
    String expected = "status 400 and no contact data when the secret parameter is missing";
    ContactLookups.expectNothingDisclosed(e, context, expected);
    ContactLookups.expectStatus(e, 400, expected);
  }
}
