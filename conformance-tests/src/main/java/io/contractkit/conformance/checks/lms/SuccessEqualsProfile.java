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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** LMS-SUCCESS-EQUALS-PROFILE: the released contact is the one the profile says the lead has. */
public final class SuccessEqualsProfile implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-SUCCESS-EQUALS-PROFILE",
              Category.LMS,
              "The released contact equals the profile's expected record",
              "For every lead with 'expected' in the profile, a fresh authToken releases exactly that"
                  + " LmsContactInfo, compared as CONTACTS-FOUND-EQUALS-PROFILE compares contacts:"
                  + " date-times as instants; properties only the answer has are not compared (they are"
                  + " LMS-SUCCESS-NO-EXTRA-PROPERTIES' business); a property the record lists is compared"
                  + " even when the document does not describe it; a null in the record and a left-out"
                  + " property differ in strict mode and are the same in lenient mode.",
              "\"Returns lead contact information. The lead is identified by the provided"
                  + " accessToken.\" The profile's lms.leads[].expected is the owner's statement of that"
                  + " information ([CONTRACT L10](../docs/CONTRACT.md#l10)); null versus left out:"
                  + " [CONTRACT G16](../docs/CONTRACT.md#g16).",
              """
          expected: the profile's expected LmsContactInfo for lead lead-7Gk2mQ9xWp4tR8vZ
          actual:   at /name: expected "Jürgen Weiß", got "J?rgen Wei?"
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=118276&source=conformance'""")
          .covering("L10", "G5", "G16");

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
      Optional<JsonComparison.Difference> difference =
          JsonComparison.first(
              lead.expected(),
              Expect.json(e),
              JsonComparison.ExtraProperties.IGNORED,
              JsonComparison.MissingNull.in(context.mode()));
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
}
