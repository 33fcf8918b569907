package io.contractkit.conformance.checks.robustness;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.checks.robustness.HostileRequests.HostileRequest;
import java.util.ArrayList;
import java.util.List;

/** No hostile or injection-like secret finds a contact. */
public final class ContactsNoDisclosure implements Check {
  public static final String ID = "ROBUSTNESS-CONTACTS-NO-DISCLOSURE";

  private static final CheckInfo INFO =
      CheckInfo.error(
              ID,
              Category.ROBUSTNESS,
              "Hostile and injection-like secrets disclose no contact",
              "None of the hostile Contacts requests, nor secrets such as ' OR 1=1 --, *, % and _ or the first half of a"
                  + " known secret followed by a wildcard, gets an answer with contact data: the lookup is an exact"
                  + " match, not a concatenated query or a pattern.",
              "Contacts document: the secret is \"hard to guess\" and the API answers \"HTTP 404 if"
                  + " contact is not found\"; [CONTRACT G18](../docs/CONTRACT.md#g18),"
                  + " [CONTRACT C14](../docs/CONTRACT.md#c14): no contact data without valid credentials,"
                  + " whatever the input; a secret matches only exactly.",
              """
          expected no contact data for secret: ' OR 1=1 --
          actual   contact data for secret: ' OR 1=1 --: property 'Secret' is not null
          status   200
          curl -i 'https://api.example.com/api/v1/Contacts?secret=%27%20OR%201%3D1%20--'""")
          .covering("G18", "C14");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    // The likeliest leaks first, then the whole catalogue.
    List<HostileRequest> requests = new ArrayList<>();
    for (String token : HostileValues.injections()) {
      requests.add(secret(context, token, token));
    }
    if (context.profile().contacts() != null && !context.profile().contacts().secrets().isEmpty()) {
      String known = context.profile().contacts().secrets().get(0).secret();
      String half = known.substring(0, Math.max(1, known.length() / 2));
      String underscores = "_".repeat(known.length() - half.length());
      requests.add(secret(context, half + "%", "a known secret's first half + %"));
      requests.add(secret(context, half + "*", "a known secret's first half + *"));
      requests.add(
          secret(
              context,
              half + underscores,
              "a known secret's first half + one _ per missing character"));
    }
    requests.addAll(HostileRequests.contacts(context));
    HostileRequests.expectNoDisclosure(context, requests, Disclosure::contacts);
  }

  private static HostileRequest secret(CheckContext context, String secret, String label) {
    return new HostileRequest(
        "secret: " + label, context.contactsRequest().param("secret", secret));
  }
}
