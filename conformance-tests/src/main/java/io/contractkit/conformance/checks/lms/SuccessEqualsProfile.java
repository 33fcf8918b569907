package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.checks.JsonComparison;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.schema.Schemas;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** LMS-SUCCESS-EQUALS-PROFILE: the released contact is the one the profile says the lead has. */
public final class SuccessEqualsProfile implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
          "LMS-SUCCESS-EQUALS-PROFILE",
          Category.LMS,
          "The released contact equals the profile's expected record",
          "For every lead with 'expected' in the profile, a fresh authToken releases exactly that"
              + " LmsContactInfo (date-times compared as instants; properties the schema does not"
              + " describe are left to LMS-SUCCESS-NO-EXTRA-PROPERTIES).",
          "\"Returns lead contact information. The lead is identified by the provided accessToken.\""
              + " The profile's lms.leads[].expected is the owner's statement of that information.",
          """
          expected: the profile's expected LmsContactInfo for lead lead-7Gk2mQ9xWp4tR8vZ
          actual:   at /name: expected "Jürgen Weiß", got "J?rgen Wei?"
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=118276&source=conformance'""");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.authTokenLocks(leadsWithExpected(context));
  }

  @Override
  public void run(CheckContext context) {
    List<Profile.KnownLead> withExpected =
        context.lms().leads().stream().filter(l -> l.expected() != null).toList();
    if (withExpected.isEmpty()) {
      throw new CheckSkipped("no lead in lms.leads has an 'expected' record");
    }
    for (Profile.KnownLead lead : withExpected) {
      Exchange e = FreshRelease.of(context, lead);
      JsonNode actual = withoutUndescribedProperties(context, Expect.json(e));
      Optional<JsonComparison.Difference> difference =
          JsonComparison.first(lead.expected(), actual);
      if (difference.isPresent()) {
        throw new CheckFailure(
            "the profile's expected LmsContactInfo for lead " + lead.accessToken(),
            difference.get().toString(),
            e);
      }
    }
  }

  /** The indices of the leads with an expected record. */
  private static int[] leadsWithExpected(CheckContext context) {
    List<Profile.KnownLead> leads =
        context.profile().lms() == null ? List.of() : context.profile().lms().leads();
    return java.util.stream.IntStream.range(0, leads.size())
        .filter(i -> leads.get(i).expected() != null)
        .toArray();
  }

  /** The body without the properties LmsContactInfo.schema.json does not describe. */
  private static JsonNode withoutUndescribedProperties(CheckContext context, JsonNode body) {
    List<String> extra = context.schemas().extraProperties(Schemas.LMS_CONTACT_INFO, body);
    if (extra.isEmpty()) {
      return body;
    }
    JsonNode copy = body.deepCopy();
    for (String pointer : extra) {
      int slash = pointer.lastIndexOf('/');
      JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
      if (parent instanceof ObjectNode object) {
        object.remove(pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~"));
      }
    }
    return copy;
  }
}
