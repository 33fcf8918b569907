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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** CONTACTS-FOUND-NO-EXTRA-PROPERTIES: found contacts carry only the documented properties. */
public final class FoundContactHasNoExtraProperties implements Check {
  static final CheckInfo INFO =
      CheckInfo.warning(
              "CONTACTS-FOUND-NO-EXTRA-PROPERTIES",
              Category.CONTACTS,
              "A found contact has no undocumented properties",
              "The ReadContactDto bodies of the profile's secrets hold no property that the document's"
                  + " table (ReadContactDto.schema.json) does not describe; names are compared exactly, so"
                  + " 'email' for 'Email' counts as extra.",
              "Contacts document: the ReadContactDto table lists every property of the response;"
                  + " [CONTRACT G15](../docs/CONTRACT.md#g15): extra properties are reported, as a warning"
                  + " in both modes, since the schema itself allows them.",
              """
          expected: only the properties ReadContactDto describes
          actual:   2 extra properties: /email, /InternalScore (in 1 of 3 found contacts)
          status 200 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("G15");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    List<Profile.KnownContact> known = context.knownContacts();
    Set<String> extra = new LinkedHashSet<>();
    Exchange firstWithExtra = null;
    int contactsWithExtra = 0;
    for (Profile.KnownContact k : known) {
      Exchange e = context.send(ContactLookups.bySecret(context, k.secret()));
      if (e.status() != 200) {
        throw new CheckFailure(
            "status 200 for the secret " + k.secret() + " (the profile lists it as existing)",
            "status " + e.status(),
            e);
      }
      List<String> here =
          context.schemas().extraProperties(Schemas.READ_CONTACT_DTO, Expect.json(e));
      if (!here.isEmpty()) {
        extra.addAll(here);
        contactsWithExtra++;
        firstWithExtra = firstWithExtra == null ? e : firstWithExtra;
      }
    }
    if (!extra.isEmpty()) {
      throw new CheckFailure(
          "only the properties ReadContactDto describes",
          extra.size()
              + " extra propert"
              + (extra.size() == 1 ? "y" : "ies")
              + ": "
              + String.join(", ", extra)
              + " (in "
              + contactsWithExtra
              + " of "
              + known.size()
              + " found contacts)",
          firstWithExtra);
    }
  }
}
