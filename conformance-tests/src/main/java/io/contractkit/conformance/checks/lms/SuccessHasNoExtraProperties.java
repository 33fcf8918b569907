package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.schema.Schemas;
import java.util.List;
import java.util.Set;

/** LMS-SUCCESS-NO-EXTRA-PROPERTIES: the released contact carries only the documented properties. */
public final class SuccessHasNoExtraProperties implements Check {
  static final CheckInfo INFO =
      CheckInfo.warning(
              "LMS-SUCCESS-NO-EXTRA-PROPERTIES",
              Category.LMS,
              "The released contact has no undocumented property",
              "The LmsContactInfo released for a fresh authToken has only the properties the document"
                  + " lists (LmsContactInfo, LeadAccessToken, LmsContactCompanyInfo).",
              "The document's LmsContactInfo table and sample name every property."
                  + " [CONTRACT G15](../docs/CONTRACT.md#g15): extra properties are reported, as a warning"
                  + " in both modes, since the schema itself allows them.",
              """
          expected: only the properties LmsContactInfo.schema.json describes
          actual:   1 undescribed property: /leadScore
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=650342&source=conformance'""")
          .covering("G15");

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
    Exchange e = FreshRelease.of(context, context.lead(0));
    List<String> extra =
        context.schemas().extraProperties(Schemas.LMS_CONTACT_INFO, Expect.json(e));
    if (!extra.isEmpty()) {
      throw new CheckFailure(
          "only the properties " + Schemas.LMS_CONTACT_INFO + " describes",
          extra.size()
              + " undescribed propert"
              + (extra.size() == 1 ? "y" : "ies")
              + ": "
              + String.join(", ", extra),
          e);
    }
  }
}
