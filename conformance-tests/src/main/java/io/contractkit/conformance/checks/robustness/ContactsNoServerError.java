package io.contractkit.conformance.checks.robustness;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;

/** Hostile values in secret and ip never get a 5xx or a dropped connection. */
public final class ContactsNoServerError implements Check {
  public static final String ID = "ROBUSTNESS-CONTACTS-NO-5XX";

  private static final CheckInfo INFO =
      CheckInfo.error(
              ID,
              Category.ROBUSTNESS,
              "Hostile secret and ip values never get a 5xx",
              "Every hostile value of the catalogue (oversized, control characters, bad percent-encoding, invalid"
                  + " UTF-8, quotes, injections, emoji, 1,000 parameters, a parameter twice) as secret, and as ip with a"
                  + " random secret, gets an HTTP answer that is not a 5xx.",
              "Contacts document: \"Will return contact by its secret or HTTP 404 if contact is not"
                  + " found\"; [CONTRACT G19](../docs/CONTRACT.md#g19): no input gets a 5xx; a bad"
                  + " parameter is a client error.",
              """
          expected no 5xx (a 2xx or 4xx answer) for secret: a 10 KB value
          actual   status 500 for secret: a 10 KB value
          status   500
          curl -i 'https://api.example.com/api/v1/Contacts?secret=AAAAAAAA…'""")
          .covering("G19");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    HostileRequests.expectNoServerError(context, HostileRequests.contacts(context));
  }
}
