package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.fixtures.FixtureLoader;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.SchemaCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled fixtures load cleanly from the classpath and hold the variety a frontend's tests
 * need: non-ASCII names, null optional fields, companies, blocked mailings, several stores, leads
 * with and without company, an expired lead and pre-seeded authTokens. They are valid against their
 * schemas: the build checks it here, because a start on the bundled fixtures does not.
 */
class BundledFixturesTest {
  private static final Path FOLDER = Path.of("..", "fixtures");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> OPTIONAL_CONTACT_FIELDS =
      List.of(
          "RegistrationStoreId",
          "Email",
          "PhoneCountryCode",
          "Phone",
          "FirstName",
          "LastName",
          "LimitMailsPermanently",
          "LimitMailsTemporarilyUntil",
          "PreferredStoreId",
          "ContactCompanyId",
          "LatestPermissionSource");

  private static Fixtures loaded;
  private static List<JsonNode> contacts;
  private static List<JsonNode> leads;

  @BeforeAll
  static void loadTheBundledFixtures() throws IOException {
    loaded = new FixtureLoader(JSON, new SchemaCatalog()).load(null);
    contacts = items(read("contacts.json").path("contacts"));
    leads = items(read("leads.json").path("leads"));
  }

  /** The start does not validate the bundled fixtures against the schemas: the build does, here. */
  @Test
  void theBundledFixturesAreValidAgainstTheirSchemas() {
    Fixtures validated = new FixtureLoader(JSON, new SchemaCatalog()).load(FOLDER);

    assertThat(validated.contactsBySecret().keySet())
        .containsExactlyElementsOf(loaded.contactsBySecret().keySet());
    assertThat(validated.leadsByAccessToken().keySet())
        .containsExactlyElementsOf(loaded.leadsByAccessToken().keySet());
  }

  @Test
  void theClasspathFixturesAreTheFilesInTheFixturesFolder() {
    assertThat(loaded.contactsBySecret().keySet())
        .containsExactlyInAnyOrderElementsOf(
            contacts.stream().map(c -> c.path("Secret").asString()).toList());
    assertThat(loaded.leadsByAccessToken().keySet())
        .containsExactlyInAnyOrderElementsOf(
            leads.stream().map(l -> accessToken(l).path("code").asString()).toList());
  }

  @Test
  void thereAreAtLeast25ContactsAnd10Leads() {
    assertThat(loaded.contactsBySecret()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(loaded.leadsByAccessToken()).hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void contactsAndLeadsHaveNonAsciiNames() {
    assertThat(contacts)
        .anySatisfy(
            c ->
                assertThat(nonAscii(c.path("FirstName")) || nonAscii(c.path("LastName"))).isTrue());
    assertThat(leads)
        .anySatisfy(l -> assertThat(nonAscii(l.path("contact").path("name"))).isTrue());
  }

  @Test
  void someContactHasEveryOptionalFieldNull() {
    assertThat(contacts)
        .anySatisfy(
            c ->
                OPTIONAL_CONTACT_FIELDS.forEach(
                    f ->
                        assertThat(c.has(f) && c.get(f).isNull())
                            .as(f + " present and null")
                            .isTrue()));
  }

  @Test
  void everyOptionalContactFieldIsNullSomewhereAndSetSomewhere() {
    for (String field : OPTIONAL_CONTACT_FIELDS) {
      assertThat(contacts).as(field + " null").anyMatch(c -> c.path(field).isNull());
      assertThat(contacts)
          .as(field + " set")
          .anyMatch(c -> !c.path(field).isNull() && !c.path(field).isMissingNode());
    }
  }

  @Test
  void someContactsBelongToACompany() {
    assertThat(contacts).anyMatch(c -> c.path("ContactCompanyId").isIntegralNumber());
  }

  @Test
  void someContactHasMailingsLimitedPermanently() {
    assertThat(contacts)
        .anyMatch(
            c ->
                c.path("LimitMailsPermanently").isBoolean()
                    && c.path("LimitMailsPermanently").asBoolean());
  }

  @Test
  void contactsComeFromSeveralRegistrationStores() {
    Set<Long> stores =
        contacts.stream()
            .map(c -> c.path("RegistrationStoreId"))
            .filter(JsonNode::isIntegralNumber)
            .map(JsonNode::asLong)
            .collect(Collectors.toSet());

    assertThat(stores).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void registrationIpsAreDocumentationAddresses() {
    assertThat(contacts)
        .extracting(c -> c.path("RegistrationIp").asString())
        .allMatch(
            ip ->
                ip.startsWith("192.0.2.")
                    || ip.startsWith("198.51.100.")
                    || ip.startsWith("203.0.113.")
                    || ip.toLowerCase().startsWith("2001:db8:"),
            "a documentation address");
  }

  @Test
  void emailAddressesUseExampleDomains() {
    List<String> emails = new ArrayList<>();
    contacts.forEach(c -> emails.add(text(c.path("Email"))));
    leads.forEach(
        l -> {
          emails.add(text(l.path("contact").path("email")));
          emails.add(text(l.path("contact").path("company").path("email")));
        });

    assertThat(emails.stream().filter(Objects::nonNull))
        .isNotEmpty()
        .allMatch(
            e -> e.substring(e.indexOf('@') + 1).matches("(.+\\.)?example(\\.[a-z]+)?"),
            "an example domain");
  }

  @Test
  void someLeadsHaveACompanyAndSomeDoNot() {
    assertThat(leads).anyMatch(l -> l.path("contact").path("company").isObject());
    assertThat(leads).anyMatch(l -> l.path("contact").path("company").isNull());
  }

  @Test
  void someLeadHasAnAccessTokenThatHasExpired() {
    Instant now = Instant.now();

    assertThat(leads).anyMatch(l -> expiration(l).isBefore(now));
    assertThat(leads).anyMatch(l -> expiration(l).isAfter(now));
  }

  @Test
  void someActiveLeadsHavePreSeededAuthTokens() {
    Instant now = Instant.now();
    Predicate<JsonNode> seeded =
        l -> l.path("authTokens").isArray() && !l.path("authTokens").isEmpty();

    assertThat(leads).anyMatch(l -> seeded.test(l) && expiration(l).isAfter(now));
    assertThat(loaded.leadsByAccessToken().values()).anyMatch(l -> !l.authTokens().isEmpty());
  }

  @Test
  void someSeededAuthTokenHasAlreadyExpired() {
    Instant now = Instant.now();

    assertThat(leads)
        .flatExtracting(l -> items(l.path("authTokens")))
        .anyMatch(
            t ->
                t.path("expiresAt").isString()
                    && OffsetDateTime.parse(t.path("expiresAt").asString())
                        .toInstant()
                        .isBefore(now));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static JsonNode read(String file) throws IOException {
    return JSON.readTree(Files.readString(FOLDER.resolve(file)));
  }

  private static List<JsonNode> items(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static JsonNode accessToken(JsonNode lead) {
    return lead.path("contact").path("accessToken");
  }

  private static Instant expiration(JsonNode lead) {
    return OffsetDateTime.parse(accessToken(lead).path("expiration").asString()).toInstant();
  }

  private static boolean nonAscii(JsonNode name) {
    return name.isString() && name.stringValue().chars().anyMatch(ch -> ch > 0x7f);
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.stringValue() : null;
  }
}
