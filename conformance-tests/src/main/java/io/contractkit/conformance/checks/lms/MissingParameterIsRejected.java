package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.profile.Profile;
import java.util.Locale;
import java.util.Set;

/**
 * LMS-MISSING-{ACCESSTOKEN,AUTHTOKEN,SOURCE}-400: leaving out one required parameter is a client
 * error and releases nothing, even when the other two would authorize the request.
 */
public final class MissingParameterIsRejected implements Check {
  /** The lead it uses: lms.leads[2 % n] ({@link CheckContext#spreadLead}). */
  static final int LEAD_SLOT = 2;

  private final String parameter;
  private final CheckInfo info;

  /**
   * @param statement the id of the docs/CONTRACT.md statement that makes {@code parameter} required
   */
  private MissingParameterIsRejected(String parameter, String statement, String sampleQuery) {
    this.parameter = parameter;
    String id = "LMS-MISSING-" + parameter.toUpperCase(Locale.ROOT) + "-400";
    this.info =
        CheckInfo.error(
                id,
                Category.LMS,
                "A request without " + parameter + " is rejected with 400",
                "Leaving out "
                    + parameter
                    + " while the other parameters are present (with a fresh, valid"
                    + " authToken where it is sent) gets 400 and no contact data.",
                "For "
                    + parameter
                    + ": \"This value is required and must not be omitted.\" "
                    + contractLink(statement)
                    + ", "
                    + contractLink("G10")
                    + ": a missing required parameter is a client error: 400.",
                "expected: status 400\n"
                    + "actual:   status 200\n"
                    + "status:   200 application/json\n"
                    + "curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?"
                    + sampleQuery
                    + "'")
            .covering(statement, "G10");
  }

  public static MissingParameterIsRejected accessToken() {
    return new MissingParameterIsRejected(
        "accessToken", "L2", "authToken=731904&source=conformance");
  }

  public static MissingParameterIsRejected authToken() {
    return new MissingParameterIsRejected(
        "authToken", "L3", "accessToken=lead-7Gk2mQ9xWp4tR8vZ&source=conformance");
  }

  public static MissingParameterIsRejected source() {
    return new MissingParameterIsRejected(
        "source", "L4", "accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904");
  }

  /** A Markdown link to a statement of docs/CONTRACT.md, as the check reference shows it. */
  private static String contractLink(String statement) {
    return "[CONTRACT "
        + statement
        + "](../docs/CONTRACT.md#"
        + statement.toLowerCase(Locale.ROOT)
        + ")";
  }

  @Override
  public CheckInfo info() {
    return info;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.authTokenLocks(context.spreadLead(LEAD_SLOT));
  }

  @Override
  public void run(CheckContext context) {
    Profile.KnownLead lead = context.lead(context.spreadLead(LEAD_SLOT));
    ProbeRequest request = context.lmsRequest();
    if (!parameter.equals("accessToken")) {
      request.param("accessToken", lead.accessToken());
    }
    if (!parameter.equals("authToken")) {
      request.param("authToken", context.freshAuthToken(lead.accessToken()));
    }
    if (!parameter.equals("source")) {
      request.param("source", context.lms().source());
    }
    Exchange e = context.send(request);
    String leak = Disclosure.lms(e, context);
    if (leak != null) {
      throw new CheckFailure(
          "status 400 and no contact data for a request without " + parameter,
          "contact data: " + leak,
          e);
    }
    Expect.status(e, 400);
  }
}
