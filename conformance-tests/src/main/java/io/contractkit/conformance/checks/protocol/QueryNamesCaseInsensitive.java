package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import java.util.Set;

/** Query parameter names match case-insensitively, as ASP.NET model binding does. */
public final class QueryNamesCaseInsensitive implements Check {
  /** The lead it uses: lms.leads[2 % n] ({@link CheckContext#spreadLead}). */
  static final int LEAD_SLOT = 2;

  public static final String ID = "PROTOCOL-QUERY-NAMES-CASE-INSENSITIVE";

  private static final CheckInfo INFO =
      CheckInfo.errorWhenStrict(
              ID,
              Category.PROTOCOL,
              "Query parameter names match case-insensitively",
              "?SECRET= finds a known contact like ?secret= does, and ?ACCESSTOKEN=&AUTHTOKEN=&SOURCE= with a fresh"
                  + " authToken releases the lead's contact, so clients written against the ASP.NET original keep working.",
              "[CONTRACT G6](../docs/CONTRACT.md#g6): query parameter names match case-insensitively"
                  + " (?Secret= works like ?secret=), as ASP.NET model binding does: an error in strict mode,"
                  + " a warning in lenient mode.",
              """
          expected status 200 with the contact for ?SECRET= (names match case-insensitively)
          actual   status 400, no contact data
          status   400
          curl -i 'https://api.example.com/api/v1/Contacts?SECRET=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("G6");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.authTokenLocks(context.spreadLead(LEAD_SLOT));
  }

  @Override
  public void run(CheckContext context) {
    BothApis.run(
        context,
        QueryNamesCaseInsensitive::upperCaseSecret,
        QueryNamesCaseInsensitive::upperCaseLmsNames);
  }

  private static void upperCaseSecret(CheckContext context) {
    String secret = context.knownContacts().get(0).secret();
    Exchange e = context.send(context.contactsRequest().param("SECRET", secret));
    if (e.status() != 200 || Disclosure.contacts(e, context) == null) {
      throw new CheckFailure(
          "status 200 with the contact for ?SECRET= (names match case-insensitively)",
          "status "
              + e.status()
              + (e.status() == 200 ? " without contact data" : ", no contact data"),
          e);
    }
  }

  private static void upperCaseLmsNames(CheckContext context) {
    String accessToken = context.lead(context.spreadLead(LEAD_SLOT)).accessToken();
    String authToken = context.freshAuthToken(accessToken);
    Exchange e =
        context.send(
            context
                .lmsRequest()
                .param("ACCESSTOKEN", accessToken)
                .param("AUTHTOKEN", authToken)
                .param("SOURCE", context.lms().source()));
    if (e.status() != 200 || Disclosure.lms(e, context) == null) {
      throw new CheckFailure(
          "status 200 with the lead's contact for ?ACCESSTOKEN=&AUTHTOKEN=&SOURCE= and a fresh authToken",
          "status "
              + e.status()
              + (e.status() == 200 ? " without contact data" : ", no contact data"),
          e);
    }
  }
}
