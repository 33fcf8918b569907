package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;

/** CONTACTS-EMPTY-SECRET-400: an empty secret is a client error, not a lookup. */
public final class EmptySecretIs400 implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-EMPTY-SECRET-400",
              Category.CONTACTS,
              "An empty secret returns 400 and no contact",
              "A lookup with an empty secret (secret=) is answered 400 -- not 404, not a 5xx, not a"
                  + " contact -- and discloses no contact.",
              "Contacts document: secret is \"Required\"; [CONTRACT C2](../docs/CONTRACT.md#c2),"
                  + " [CONTRACT G11](../docs/CONTRACT.md#g11): an empty required parameter counts as"
                  + " missing, a client error: 400.",
              """
          expected: status 400 and no contact data for an empty secret
          actual:   status 404
          status 404 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret='""")
          .covering("C2", "G11");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    Exchange e = context.send(ContactLookups.bySecret(context, ""));
    String expected = "status 400 and no contact data for an empty secret";
    ContactLookups.expectNothingDisclosed(e, context, expected);
    ContactLookups.expectStatus(e, 400, expected);
  }
}
