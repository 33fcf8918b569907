package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.checks.JsonComparison;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * CONTACTS-FOUND-EQUALS-PROFILE: a secret returns exactly the contact the profile expects, compared
 * by meaning ({@link JsonComparison}; properties the profile does not list are not compared).
 */
public final class FoundContactEqualsProfile implements Check {
  private static final String MISSING = "(missing)";

  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-FOUND-EQUALS-PROFILE",
              Category.CONTACTS,
              "An existing secret returns the contact the profile expects",
              "For every secret with an 'expected' record in the profile, the body carries the same"
                  + " values: property by property, numbers by value, date-times by instant (3 or 7"
                  + " fractional digits, Z or +00:00). Properties only the answer has are not compared (they"
                  + " are CONTACTS-FOUND-NO-EXTRA-PROPERTIES' business); a property the record lists is"
                  + " compared even when the document does not describe it. A null in the record and a"
                  + " left-out property differ in strict mode and are the same in lenient mode.",
              "Contacts document: \"Will return contact by its secret\"; the profile's 'expected' is"
                  + " the owner's statement of what the implementation holds for that secret"
                  + " ([CONTRACT C13](../docs/CONTRACT.md#c13)). Dates:"
                  + " [CONTRACT G13](../docs/CONTRACT.md#g13): any RFC 3339 date-time, compared by instant."
                  + " Null versus left out: [CONTRACT G16](../docs/CONTRACT.md#g16).",
              """
          expected: /Email = "zoe.mueller@example.de" (the profile's expected contact for secret 8Qm3vT7kLp2XwZ9rBn4Y)
          actual:   /Email = (missing)
          status 200 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("C13", "G5", "G16");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    List<Profile.KnownContact> withExpected =
        context.knownContacts().stream().filter(k -> k.expected() != null).toList();
    if (withExpected.isEmpty()) {
      throw new CheckSkipped(
          "no secret in the profile has an 'expected' contact (contacts.secrets[].expected)");
    }
    for (Profile.KnownContact known : withExpected) {
      Exchange e = context.send(ContactLookups.bySecret(context, known.secret()));
      if (e.status() != 200) {
        throw new CheckFailure(
            "status 200 with the profile's expected contact for secret " + known.secret(),
            "status " + e.status(),
            e);
      }
      JsonNode body = Expect.json(e);
      Optional<JsonComparison.Difference> difference =
          JsonComparison.first(
              known.expected(),
              body,
              JsonComparison.ExtraProperties.IGNORED,
              JsonComparison.MissingNull.in(context.mode()));
      if (difference.isPresent()) {
        JsonComparison.Difference d = difference.get();
        throw new CheckFailure(
            d.where()
                + " = "
                + shown(d.expected(), d.expectedText())
                + " (the profile's expected contact for secret "
                + known.secret()
                + ")",
            d.where() + " = " + shown(d.actual(), d.actualText()),
            e);
      }
    }
  }

  /** A value of a difference as JSON text, "(missing)" when there is none. */
  private static String shown(JsonNode value, String text) {
    return value == null ? MISSING : text;
  }
}
