package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * LMS-AUTHTOKEN-EXPIRES: an authToken works until the lifetime the profile promises is up, and not
 * after.
 */
public final class AuthTokenExpires implements Check {
  /** How long before the end of its lifetime an authToken is still tried, and after it. */
  static final int MARGIN_SECONDS = 2;

  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-AUTHTOKEN-EXPIRES",
              Category.LMS,
              "An authToken expires after its lifetime",
              "Two fresh authTokens are issued for the profile's last lead at once. When lifetime - "
                  + MARGIN_SECONDS
                  + " s have passed on the target, the first still releases the contact; when lifetime"
                  + " + 1 s have passed, the second discloses nothing (strict: the all-null"
                  + " LmsContactInfo). Time passes by the profile's clock hook, or by a real wait when"
                  + " the lifetime fits in --max-wait; skipped when neither is possible or the profile"
                  + " promises no lifetime (lms.authTokenLifetimeSeconds).",
              "\"Its value is send by email or sms to authorize access\" -- a one-time code;"
                  + " [CONTRACT L17](../docs/CONTRACT.md#l17): an expired authToken discloses nothing and"
                  + " gets the null-values answer (choice; the lifetime is the profile's promise, the"
                  + " mock's is 15 minutes, [CONTRACT M4](../docs/CONTRACT.md#m4)).",
              """
          expected: no contact data for an authToken 901 s old (the profile promises a lifetime of 900 s)
          actual:   contact data: property 'name' is not null
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-sHVcQXPQjWJQh3qb&authToken=402518&source=conformance'""")
          .covering("L17");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    Set<ResourceLock> locks = new HashSet<>(context.clockLocks());
    Profile.Lms lms = context.profile().lms();
    if (lms != null && !lms.leads().isEmpty()) {
      locks.addAll(context.authTokenLocks(lms.leads().size() - 1));
    }
    return locks;
  }

  @Override
  public void run(CheckContext context) {
    Integer lifetime = context.lms().authTokenLifetimeSeconds();
    if (lifetime == null) {
      throw new CheckSkipped(
          "the profile promises no authToken lifetime (lms.authTokenLifetimeSeconds)");
    }
    Profile.KnownLead lead = context.lead(Math.max(0, context.lms().leads().size() - 1));
    Duration almost = Duration.ofSeconds(Math.max(0, lifetime - MARGIN_SECONDS));
    Duration rest = Duration.ofSeconds(lifetime + 1L).minus(almost);
    String purpose = "an authToken's lifetime of " + lifetime + " s to end";
    context.requireTimeCanPass(almost.plus(rest), purpose);

    String early = context.freshAuthToken(lead.accessToken());
    String late = context.freshAuthToken(lead.accessToken());
    if (lifetime > MARGIN_SECONDS) {
      context.letTimePass(almost, purpose);
      Exchange e = context.send(context.lmsRequest(lead.accessToken(), early));
      try {
        FreshRelease.expectReleased(e);
      } catch (CheckFailure f) {
        throw new CheckFailure(
            "the lead's contact for an authToken "
                + almost.toSeconds()
                + " s old (the profile promises a lifetime of "
                + lifetime
                + " s)",
            f.actual(),
            e);
      }
    }
    context.letTimePass(rest, purpose);
    NoDisclosure.expect(
        "an authToken "
            + (lifetime + 1)
            + " s old (the profile promises a lifetime of "
            + lifetime
            + " s)",
        context.send(context.lmsRequest(lead.accessToken(), late)),
        context);
  }
}
