package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.schema.Schemas;

/** CONTACTS-FOUND-SCHEMA: every existing secret is answered 200 with a valid ReadContactDto. */
public final class FoundContactMatchesSchema implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-FOUND-SCHEMA",
              Category.CONTACTS,
              "An existing secret returns a valid ReadContactDto",
              "Every secret the profile lists is answered 200 with a body valid against"
                  + " ReadContactDto.schema.json: the required properties are there, types, date-times and"
                  + " the table's maximum string lengths hold.",
              "Contacts document: \"Will return contact by its secret\", with the ReadContactDto"
                  + " table (Required, \"String length: inclusive between 0 and 50\", …);"
                  + " [CONTRACT C4](../docs/CONTRACT.md#c4), [CONTRACT C5](../docs/CONTRACT.md#c5),"
                  + " [CONTRACT C6](../docs/CONTRACT.md#c6), [CONTRACT C9](../docs/CONTRACT.md#c9),"
                  + " [CONTRACT C10](../docs/CONTRACT.md#c10), [CONTRACT C11](../docs/CONTRACT.md#c11),"
                  + " [CONTRACT G12](../docs/CONTRACT.md#g12): found: 200 with ReadContactDto, PascalCase"
                  + " JSON as in the sample.",
              """
          expected: a body valid against ReadContactDto.schema.json
          actual:   1 schema violation(s): /RegistrationSource [maxLength] must be at most 50 characters long
          status 200 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("G1", "G12", "G14", "G16", "C1", "C3", "C4", "C5", "C6", "C9", "C10", "C11");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    for (Profile.KnownContact known : context.knownContacts()) {
      Exchange e = context.send(ContactLookups.bySecret(context, known.secret()));
      if (e.status() != 200) {
        throw new CheckFailure(
            "status 200 for the secret " + known.secret() + " (the profile lists it as existing)",
            "status " + e.status(),
            e);
      }
      Expect.valid(e, context, Schemas.READ_CONTACT_DTO);
    }
  }
}
