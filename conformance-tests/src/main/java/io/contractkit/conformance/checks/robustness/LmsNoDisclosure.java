package io.contractkit.conformance.checks.robustness;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.checks.robustness.HostileRequests.HostileRequest;
import io.contractkit.conformance.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** No hostile or injection-like token releases a lead's contact. */
public final class LmsNoDisclosure implements Check {
  public static final String ID = "ROBUSTNESS-LMS-NO-DISCLOSURE";

  private static final CheckInfo INFO =
      CheckInfo.error(
              ID,
              Category.ROBUSTNESS,
              "Hostile and injection-like tokens disclose no lead contact",
              "None of the hostile LMS requests, nor a valid accessToken with an injection-like authToken (' OR '1'='1,"
                  + " *, %, null, undefined, 0, [], {}, true), nor such a token as both accessToken and authToken, gets"
                  + " an answer with contact data: a broken token lookup would leak here.",
              "LMS document: \"The authToken is required. Its value is send by email or sms to"
                  + " authorize access\"; [CONTRACT G18](../docs/CONTRACT.md#g18),"
                  + " [CONTRACT L15](../docs/CONTRACT.md#l15): no contact data without valid credentials,"
                  + " whatever the input; an unknown authToken gets the null values.",
              """
          expected no contact data for authToken: * (valid accessToken)
          actual   contact data for authToken: * (valid accessToken): property 'accessToken' is not null
          status   200
          curl -i 'https://api.example.com/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=*&source=conformance'""")
          .covering("G18");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    // A fresh authToken only to learn the lead's contact when the profile has no record of it.
    var lms = context.profile().lms();
    boolean recorded =
        lms != null && !lms.leads().isEmpty() && lms.leads().get(0).expected() != null;
    return recorded ? Set.of() : context.authTokenLocks(0);
  }

  @Override
  public void run(CheckContext context) {
    Profile.KnownLead lead = context.lead(0);
    // Learn the lead's personal values first, so that Disclosure recognises them in any answer.
    context.releasedContact(lead);
    // The likeliest leaks first, then the whole catalogue.
    List<HostileRequest> requests = new ArrayList<>();
    for (String token : HostileValues.injections()) {
      requests.add(
          new HostileRequest(
              "authToken: " + token + " (valid accessToken)",
              context.lmsRequest(lead.accessToken(), token)));
    }
    for (String token : HostileValues.injections()) {
      requests.add(
          new HostileRequest(
              "accessToken and authToken: " + token, context.lmsRequest(token, token)));
    }
    requests.addAll(HostileRequests.lms(context, lead.accessToken()));
    HostileRequests.expectNoDisclosure(context, requests, Disclosure::lms);
  }
}
