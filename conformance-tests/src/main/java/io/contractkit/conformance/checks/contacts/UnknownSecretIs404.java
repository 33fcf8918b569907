package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.http.Exchange;

/** CONTACTS-UNKNOWN-SECRET-404: a secret nobody has is answered 404 and discloses nothing. */
public final class UnknownSecretIs404 implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-UNKNOWN-SECRET-404",
              Category.CONTACTS,
              "An unknown secret returns 404 and no contact",
              "A random secret that no contact has is answered 404, and the answer carries no contact"
                  + " property and no personal value of a known contact.",
              "Contacts document: \"Will return contact by its secret or HTTP 404 if contact is not"
                  + " found.\" [CONTRACT C7](../docs/CONTRACT.md#c7),"
                  + " [CONTRACT C8](../docs/CONTRACT.md#c8).",
              """
          expected: status 404 and no contact data for an unknown secret
          actual:   status 200
          status 200 application/json  body: {}
          curl -i 'https://api.example.com/api/v1/Contacts?secret=q8ZLw0cT3vRk5NbY1mXe'""")
          .covering("C3", "C7", "C8");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    Exchange e =
        context.send(ContactLookups.bySecret(context, ContactLookups.wrongSecret(context)));
    String expected = "status 404 and no contact data for an unknown secret";
    ContactLookups.expectNothingDisclosed(e, context, expected);
    ContactLookups.expectStatus(e, 404, expected);
  }
}
