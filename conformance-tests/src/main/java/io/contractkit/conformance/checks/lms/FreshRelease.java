package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import tools.jackson.databind.JsonNode;

/** The success path the LMS checks start from: a lead's contact, released for a fresh authToken. */
final class FreshRelease {
  private FreshRelease() {}

  /**
   * Sends a fresh authToken for the lead and fails unless the answer is a 200 that releases data.
   */
  static Exchange of(CheckContext context, Profile.KnownLead lead) {
    String authToken = context.freshAuthToken(lead.accessToken());
    Exchange e = context.send(context.lmsRequest(lead.accessToken(), authToken));
    expectReleased(e);
    return e;
  }

  /** A 200 with a JSON body that is not the all-null answer. */
  static JsonNode expectReleased(Exchange e) {
    Expect.status(e, 200);
    JsonNode body = Expect.json(e);
    if (body.isObject() && !body.isEmpty() && allNull(body)) {
      throw new CheckFailure(
          "the lead's contact for a fresh authToken",
          "null values: the fresh authToken was refused (do lms.leads and lms.authTokens in the profile fit the target?)",
          e);
    }
    return body;
  }

  private static boolean allNull(JsonNode object) {
    for (JsonNode value : object) {
      if (!value.isNull()) {
        return false;
      }
    }
    return true;
  }
}
