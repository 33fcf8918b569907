package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.http.ProbeRequest;
import java.util.Locale;

/** Route paths match case-insensitively, as ASP.NET routing does. */
public final class RoutesCaseInsensitive implements Check {
  public static final String ID = "PROTOCOL-ROUTES-CASE-INSENSITIVE";

  static final String CONTACTS_PATH = Target.CONTACTS_PATH.toUpperCase(Locale.ROOT);
  static final String LMS_PATH = "/LMS/Leads/ByToken/Contact";

  private static final CheckInfo INFO =
      CheckInfo.errorWhenStrict(
              ID,
              Category.PROTOCOL,
              "Route paths match case-insensitively",
              "/API/V1/CONTACTS?secret= finds a known contact like /api/v1/Contacts does, and"
                  + " /LMS/Leads/ByToken/Contact answers a wrong authToken with the same status as"
                  + " /lms/leads/bytoken/contact.",
              "[CONTRACT G7](../docs/CONTRACT.md#g7): route paths match case-insensitively, as"
                  + " ASP.NET routing does: an error in strict mode, a warning in lenient mode.",
              """
          expected: status 200 with the contact for a known secret sent with the path /API/V1/CONTACTS
          actual:   status 404, no contact data
          status 404 application/json
          curl -i 'https://api.example.com/API/V1/CONTACTS?secret=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("G7");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    BothApis.run(
        context,
        c ->
            EquivalentRequests.contactIsFound(
                c,
                "the path " + CONTACTS_PATH,
                r -> ProbeRequest.get(c.contactsBase(), CONTACTS_PATH)),
        c ->
            EquivalentRequests.lmsAnswersAlike(
                c, "the path " + LMS_PATH, r -> ProbeRequest.get(c.lmsBase(), LMS_PATH)));
  }
}
