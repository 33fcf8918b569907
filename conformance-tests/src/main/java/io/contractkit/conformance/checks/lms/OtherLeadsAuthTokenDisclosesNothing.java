package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.profile.Profile;
import java.util.Set;

/** LMS-OTHER-LEAD-AUTHTOKEN-NO-DISCLOSURE: an authToken is bound to the lead it was issued for. */
public final class OtherLeadsAuthTokenDisclosesNothing implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-OTHER-LEAD-AUTHTOKEN-NO-DISCLOSURE",
              Category.LMS,
              "Another lead's authToken discloses nothing",
              "A fresh authToken issued for lead 1, sent with lead 0's accessToken, gets no contact data"
                  + " of either lead: the authToken is bound to its lead.",
              "\"The lead is identified by the provided accessToken.\" and the authToken \"is send by"
                  + " email or sms to authorize access\" (to that lead)."
                  + " [CONTRACT L16](../docs/CONTRACT.md#l16): an authToken issued for another lead gets"
                  + " the null values.",
              """
          expected: no contact data for an authToken issued for another lead
          actual:   contact data: property 'accessToken' is not null
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=402518&source=conformance'""")
          .covering("L16", "L12");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.authTokenLocks(1);
  }

  @Override
  public void run(CheckContext context) {
    Profile.KnownLead other = context.lead(1);
    Profile.KnownLead lead = context.lead(0);
    String othersToken = context.freshAuthToken(other.accessToken());
    NoDisclosure.expect(
        "an authToken issued for another lead",
        context.send(context.lmsRequest(lead.accessToken(), othersToken)),
        context);
  }
}
