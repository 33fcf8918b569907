package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.profile.Profile;
import java.util.Set;

/**
 * LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE: a valid authToken does not open an unknown accessToken.
 */
public final class UnknownAccessTokenDisclosesNothing implements Check {
  /** The lead it uses: lms.leads[2 % n] ({@link CheckContext#spreadLead}). */
  static final int LEAD_SLOT = 2;

  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE",
              Category.LMS,
              "An unknown accessToken discloses nothing",
              "A random accessToken with a fresh authToken of a known lead gets no contact data: the"
                  + " lead is found by the accessToken, not by the authToken alone.",
              "\"The lead is identified by the provided accessToken.\""
                  + " [CONTRACT L18](../docs/CONTRACT.md#l18): an unknown accessToken gets the null values.",
              """
          expected: no contact data for an unknown accessToken
          actual:   contact data: property 'name' is not null
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=Zp3kQ8vN2xLm7RtW4cYb&authToken=118276&source=conformance'""")
          .covering("L18", "L12");

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
    Profile.KnownLead lead = context.lead(context.spreadLead(LEAD_SLOT));
    String authToken = context.freshAuthToken(lead.accessToken());
    String unknown = context.randomToken("", 20);
    NoDisclosure.expect(
        "an unknown accessToken", context.send(context.lmsRequest(unknown, authToken)), context);
  }
}
