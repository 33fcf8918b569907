package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.profile.Profile;
import java.util.Set;

/** LMS-AUTHTOKEN-ONE-TIME: an authToken releases the contact once, never twice. */
public final class AuthTokenIsOneTime implements Check {
  /** The lead it uses: lms.leads[1 % n] ({@link CheckContext#spreadLead}). */
  static final int LEAD_SLOT = 1;

  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-AUTHTOKEN-ONE-TIME",
              Category.LMS,
              "An authToken is accepted only once",
              "A fresh authToken releases the contact on its first use, and its second use discloses"
                  + " nothing (strict: the all-null LmsContactInfo).",
              "\"The authToken will only be accepted once, repeated usage will return null values.\""
                  + " [CONTRACT L11](../docs/CONTRACT.md#l11), [CONTRACT L13](../docs/CONTRACT.md#l13).",
              """
          expected: no contact data for a reused authToken
          actual:   contact data: property 'name' is not null
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=402518&source=conformance'""")
          .covering("L11", "L12", "L13");

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
    FreshRelease.expectReleased(context.send(context.lmsRequest(lead.accessToken(), authToken)));
    NoDisclosure.expect(
        "a reused authToken",
        context.send(context.lmsRequest(lead.accessToken(), authToken)),
        context);
  }
}
