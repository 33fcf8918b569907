package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;

/**
 * The media type of a found contact and of an LMS answer, for a given {@code Accept} header (or
 * none). The LMS request uses a random authToken, so no one-time token is consumed.
 */
final class ContentTypeProbe {
  private ContentTypeProbe() {}

  /**
   * @param accept the Accept header to send, or null for none
   * @param expected the media type the answers must have (parameters such as charset allowed)
   */
  static void expect(CheckContext context, String accept, String expected) {
    BothApis.run(
        context, c -> foundContact(c, accept, expected), c -> lmsAnswer(c, accept, expected));
  }

  private static void foundContact(CheckContext context, String accept, String expected) {
    String secret = context.knownContacts().get(0).secret();
    Exchange e =
        context.send(withAccept(context.contactsRequest().param("secret", secret), accept));
    if (e.status() != 200) {
      throw new CheckFailure(
          "status 200 for the profile's first secret (a found contact)", "status " + e.status(), e);
    }
    Expect.mediaType(e, expected);
  }

  private static void lmsAnswer(CheckContext context, String accept, String expected) {
    String accessToken = context.lead(0).accessToken();
    Exchange e =
        context.send(
            withAccept(context.lmsRequest(accessToken, context.randomToken("ck", 12)), accept));
    Expect.not5xx(e);
    if (e.status() != 200) {
      if (context.mode() == Mode.LENIENT) {
        throw new CheckSkipped(
            "the LMS answered a wrong authToken with status "
                + e.status()
                + "; an error's media type is the implementation's choice");
      }
      throw new CheckFailure(
          "status 200 (the all-null answer) for a wrong authToken", "status " + e.status(), e);
    }
    Expect.mediaType(e, expected);
  }

  private static ProbeRequest withAccept(ProbeRequest request, String accept) {
    return accept == null ? request : request.header("Accept", accept);
  }
}
