package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import java.util.function.UnaryOperator;

/**
 * A request spelled another way that the contract calls the same request: a known secret must still
 * find its contact, and the LMS must answer a wrong authToken as it does in the usual spelling (no
 * one-time token is consumed).
 */
final class EquivalentRequests {
  private EquivalentRequests() {}

  /**
   * @param spelling how the equivalent request is written, e.g. "the path /API/V1/CONTACTS"
   */
  static void contactIsFound(
      CheckContext context, String spelling, UnaryOperator<ProbeRequest> respell) {
    String secret = context.knownContacts().get(0).secret();
    Exchange e = context.send(respell.apply(context.contactsRequest()).param("secret", secret));
    if (e.status() != 200 || Disclosure.contacts(e, context) == null) {
      throw new CheckFailure(
          "status 200 with the contact for a known secret sent with " + spelling,
          "status "
              + e.status()
              + (e.status() == 200 ? " without contact data" : ", no contact data"),
          e);
    }
  }

  static void lmsAnswersAlike(
      CheckContext context, String spelling, UnaryOperator<ProbeRequest> respell) {
    String accessToken = context.lead(0).accessToken();
    String authToken = context.randomToken("ck", 12);
    Exchange usual = context.send(context.lmsRequest(accessToken, authToken));
    Exchange other =
        context.send(
            respell
                .apply(context.lmsRequest())
                .param("accessToken", accessToken)
                .param("authToken", authToken)
                .param("source", context.lms().source()));
    Expect.not5xx(other);
    if (other.status() != usual.status()) {
      throw new CheckFailure(
          "status "
              + usual.status()
              + " for a wrong authToken sent with "
              + spelling
              + ", as without it",
          "status " + other.status(),
          other);
    }
  }
}
