package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.profile.Profile;

/** LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE: an authToken that was never issued releases nothing. */
public final class WrongAuthTokenDisclosesNothing implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE",
              Category.LMS,
              "A wrong authToken discloses nothing",
              "A known lead's accessToken with a random authToken that was never issued gets no contact"
                  + " data (strict: the all-null LmsContactInfo).",
              "\"The authToken is required. Its value is send by email or sms to authorize access.\""
                  + " [CONTRACT L15](../docs/CONTRACT.md#l15): an unknown authToken gets the null values.",
              """
          expected: no contact data for a wrong authToken
          actual:   contact data: property 'accessToken' is not null
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=q8ZtR2mVx0LcN4pW&source=conformance'""")
          .covering("L15", "L12");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    Profile.KnownLead lead = context.lead(0);
    String wrong = context.randomToken("", 16);
    NoDisclosure.expect(
        "a wrong authToken", context.send(context.lmsRequest(lead.accessToken(), wrong)), context);
  }
}
