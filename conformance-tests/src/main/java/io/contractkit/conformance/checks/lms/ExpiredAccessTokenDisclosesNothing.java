package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.profile.Profile;

/** LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE: an expired accessToken releases nothing. */
public final class ExpiredAccessTokenDisclosesNothing implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE",
              Category.LMS,
              "An expired accessToken discloses nothing",
              "The profile's expired lead, with the authToken issued for it (or a random one), gets no"
                  + " contact data: the accessToken's expiration is enforced.",
              "The response's LeadAccessToken carries an expiration."
                  + " [CONTRACT L19](../docs/CONTRACT.md#l19): an expired accessToken gets the null values.",
              """
          expected: no contact data for an expired accessToken
          actual:   contact data: property 'name' is not null
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-expiredLm5Vt2Kq8W&authToken=999001&source=conformance'""")
          .covering("L19", "L12");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    Profile.ExpiredLead expired = context.expiredLead();
    String authToken =
        expired.authToken() != null ? expired.authToken() : context.randomToken("", 16);
    NoDisclosure.expect(
        "an expired accessToken",
        context.send(context.lmsRequest(expired.accessToken(), authToken)),
        context);
  }
}
