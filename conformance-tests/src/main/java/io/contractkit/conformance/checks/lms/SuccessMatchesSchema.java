package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.schema.Schemas;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** LMS-SUCCESS-SCHEMA: a fresh authToken releases an LmsContactInfo for the right lead. */
public final class SuccessMatchesSchema implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-SUCCESS-SCHEMA",
              Category.LMS,
              "A fresh authToken releases a valid LmsContactInfo",
              "A fresh one-time authToken for a known lead gets 200 with a body valid against"
                  + " LmsContactInfo.schema.json whose accessToken.code is the lead's accessToken.",
              "\"Returns lead contact information. The lead is identified by the provided"
                  + " accessToken.\" Response: \"An instance of: LmsContactInfo\" (camelCase, as in the"
                  + " document's sample). [CONTRACT L6](../docs/CONTRACT.md#l6),"
                  + " [CONTRACT L7](../docs/CONTRACT.md#l7), [CONTRACT L8](../docs/CONTRACT.md#l8),"
                  + " [CONTRACT G12](../docs/CONTRACT.md#g12).",
              """
          expected: a body valid against LmsContactInfo.schema.json
          actual:   1 schema violation(s): /accessToken/expiration [format] does not match the date-time pattern
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=conformance'""")
          .covering("G1", "G12", "G14", "G16", "L1", "L6", "L7", "L8");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.authTokenLocks(0);
  }

  @Override
  public void run(CheckContext context) {
    Profile.KnownLead lead = context.lead(0);
    Exchange e = FreshRelease.of(context, lead);
    JsonNode body = Expect.valid(e, context, Schemas.LMS_CONTACT_INFO);
    JsonNode code = body.at("/accessToken/code");
    if (!code.isString() || !code.asString().equals(lead.accessToken())) {
      throw new CheckFailure(
          "accessToken.code \"" + lead.accessToken() + "\" (the accessToken of the request)",
          "accessToken.code " + code,
          e);
    }
  }
}
