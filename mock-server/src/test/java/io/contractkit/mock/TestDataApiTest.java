package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.FixtureFiles;
import io.contractkit.mock.support.RunningMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data at run time, over HTTP: {@code /__admin/contacts} and {@code /__admin/leads} put,
 * replace and delete what the two APIs serve, with bodies checked against the fixture schemas; a
 * reset restores the fixtures.
 */
class TestDataApiTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final String NEW_SECRET = "Run7imeC0ntact5ecretX";
  private static final String NEW_LEAD = "lead-runTime4Xq9Lm2Vb";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema PROBLEM = new SchemaCatalog().schema("Problem.schema.json");

  // --- contacts ----------------------------------------------------------------------------------

  @Test
  void aContactPutThroughTheAdminApiIsFoundAndAResetRemovesIt() {
    ObjectNode contact = contact(NEW_SECRET);

    Response put = putContact(NEW_SECRET, contact.toString());

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(json(put)).isEqualTo(contact);
    Response found = lookup(NEW_SECRET);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(json(found)).isEqualTo(contact);
    assertThat(json(admin().get("/__admin/contacts/" + NEW_SECRET))).isEqualTo(contact);
    List<JsonNode> listed = list(json(admin().get("/__admin/contacts")).path("contacts"));
    assertThat(listed.get(listed.size() - 1)).isEqualTo(contact);

    reset();

    assertThat(lookup(NEW_SECRET).statusCode()).isEqualTo(404);
    assertThat(admin().get("/__admin/contacts/" + NEW_SECRET).statusCode()).isEqualTo(404);
  }

  @Test
  void replacingAFixtureContactServesTheNewBodyInPlaceUntilAReset() {
    ObjectNode longName = contact(Fixture.SECRET);
    longName.put("FirstName", "M".repeat(50));

    Response put = putContact(Fixture.SECRET, longName.toString());

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(json(lookup(Fixture.SECRET)).path("FirstName").asString()).hasSize(50);
    List<JsonNode> listed = list(json(admin().get("/__admin/contacts")).path("contacts"));
    assertThat(listed).hasSize(FixtureFiles.contacts().size());
    assertThat(listed.get(0).path("FirstName").asString()).isEqualTo("M".repeat(50));

    reset();

    assertThat(json(lookup(Fixture.SECRET))).isEqualTo(FixtureFiles.contact(Fixture.SECRET));
  }

  @Test
  void aDeletedContactIsNotFoundUntilAReset() {
    assertThat(admin().delete("/__admin/contacts/" + Fixture.SECRET).statusCode()).isEqualTo(204);

    assertThat(lookup(Fixture.SECRET).statusCode()).isEqualTo(404);
    assertThat(admin().get("/__admin/contacts/" + Fixture.SECRET).statusCode()).isEqualTo(404);
    assertThat(admin().delete("/__admin/contacts/" + Fixture.SECRET).statusCode()).isEqualTo(404);
    List<JsonNode> listed = list(json(admin().get("/__admin/contacts")).path("contacts"));
    assertThat(listed).hasSize(FixtureFiles.contacts().size() - 1);

    reset();

    assertThat(lookup(Fixture.SECRET).statusCode()).isEqualTo(200);
  }

  @Test
  void aDeletedFixtureContactPutAgainIsServedAgain() {
    admin().delete("/__admin/contacts/" + Fixture.SECRET).then().statusCode(204);

    Response put = putContact(Fixture.SECRET, contact(Fixture.SECRET).toString());

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(lookup(Fixture.SECRET).statusCode()).isEqualTo(200);
  }

  @Test
  void aContactAddedAtRunTimeCanBeDeletedAgain() {
    putContact(NEW_SECRET, contact(NEW_SECRET).toString()).then().statusCode(201);

    assertThat(admin().delete("/__admin/contacts/" + NEW_SECRET).statusCode()).isEqualTo(204);

    assertThat(lookup(NEW_SECRET).statusCode()).isEqualTo(404);
    assertThat(list(json(admin().get("/__admin/contacts")).path("contacts")))
        .hasSize(FixtureFiles.contacts().size());
  }

  @Test
  void anInvalidContactIsA422ListingEveryViolationWithItsPointerAndChangesNothing() {
    ObjectNode contact = contact(NEW_SECRET);
    contact.put("Email", "e".repeat(251 - "@example.com".length()) + "@example.com");
    contact.put("RegistrationDateTime", "2024-13-45T00:00:00Z");
    contact.set("FristName", contact.remove("FirstName"));
    contact.put("Secret", "another-secret");

    Response refused = putContact(NEW_SECRET, contact.toString());

    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode problem = problem(refused);
    assertThat(pointers(problem))
        .containsExactlyInAnyOrder("/Email", "/RegistrationDateTime", "/FristName", "/Secret");
    assertThat(refused.asString()).doesNotContain(NEW_SECRET).doesNotContain("another-secret");
    assertThat(lookup(NEW_SECRET).statusCode()).isEqualTo(404);
  }

  @Test
  void theSecretInThePathAndInTheBodyMustAgree() {
    Response refused = putContact(NEW_SECRET, contact(Fixture.SECRET).toString());

    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode error = problem(refused).path("errors").get(0);
    assertThat(error.path("pointer").asString()).isEqualTo("/Secret");
    assertThat(error.path("detail").asString()).contains("secret in the path");
    assertThat(lookup(NEW_SECRET).statusCode()).isEqualTo(404);
  }

  @Test
  void theSecretInThePathKeepsItsCase() {
    putContact(NEW_SECRET, contact(NEW_SECRET).toString()).then().statusCode(201);

    assertThat(admin().get("/__admin/contacts/" + NEW_SECRET.toLowerCase()).statusCode())
        .isEqualTo(404);
    assertThat(admin().get("/__admin/contacts/" + NEW_SECRET).statusCode()).isEqualTo(200);
  }

  @Test
  void everyFixtureContactIsListedInTheOrderOfItsFile() {
    JsonNode listed = json(admin().get("/__admin/contacts")).path("contacts");

    assertThat(listed).isEqualTo(FixtureFiles.contacts());
  }

  @Test
  void aContactBodyThatIsNotAnObjectIsA400() {
    Response refused = putContact(NEW_SECRET, "[1, 2]");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(problem(refused).path("detail").asString()).contains("JSON object");
  }

  // --- leads -------------------------------------------------------------------------------------

  @Test
  void aLeadPutWithAnAuthTokenReleasesItsContactOnceAndAResetRemovesIt() {
    ObjectNode lead = lead(NEW_LEAD, "555001");

    Response put = putLead(NEW_LEAD, lead.toString());

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(json(put).path("contact")).isEqualTo(lead.path("contact"));
    assertThat(json(put).path("authTokens").get(0).path("code").asString()).isEqualTo("555001");
    assertThat(leadContact(NEW_LEAD, "555001")).isEqualTo(lead.path("contact"));
    assertAllNull(leadContact(NEW_LEAD, "555001"));
    assertThat(json(admin().get("/__admin/leads/" + NEW_LEAD)).path("contact"))
        .isEqualTo(lead.path("contact"));

    reset();

    assertAllNull(leadContact(NEW_LEAD, "555001"));
    assertThat(admin().get("/__admin/leads/" + NEW_LEAD).statusCode()).isEqualTo(404);
  }

  @Test
  void puttingALeadAgainMakesItsSeededTokensValidOnceMoreAndKeepsTokensIssuedForIt() {
    assertThat(leadContact(Fixture.LEAD, Fixture.LEAD_TOKEN).path("name").isNull()).isFalse();
    mint(Fixture.LEAD, "minted-before-put").then().statusCode(201);
    ObjectNode lead = lead(Fixture.LEAD, Fixture.LEAD_TOKEN);
    ((ObjectNode) lead.path("contact")).put("name", "Renamed Lead");

    Response put = putLead(Fixture.LEAD, lead.toString());

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(leadContact(Fixture.LEAD, Fixture.LEAD_TOKEN).path("name").asString())
        .isEqualTo("Renamed Lead");
    assertThat(leadContact(Fixture.LEAD, "minted-before-put").path("name").asString())
        .isEqualTo("Renamed Lead");
    assertAllNull(leadContact(Fixture.LEAD, Fixture.LEAD_TOKEN_2));
  }

  @Test
  void aDeletedLeadAnswersNullValuesAndItsTokensAreGoneUntilAReset() {
    mint(Fixture.OTHER_LEAD, "minted-before-delete").then().statusCode(201);

    assertThat(admin().delete("/__admin/leads/" + Fixture.OTHER_LEAD).statusCode()).isEqualTo(204);

    assertAllNull(leadContact(Fixture.OTHER_LEAD, Fixture.OTHER_LEAD_TOKEN));
    assertThat(mint(Fixture.OTHER_LEAD, "after-delete").statusCode()).isEqualTo(404);
    assertThat(admin().delete("/__admin/leads/" + Fixture.OTHER_LEAD).statusCode()).isEqualTo(404);
    putLead(Fixture.OTHER_LEAD, lead(Fixture.OTHER_LEAD, "999999").toString())
        .then()
        .statusCode(201);
    assertAllNull(leadContact(Fixture.OTHER_LEAD, "minted-before-delete"));
    assertThat(leadContact(Fixture.OTHER_LEAD, "999999").path("name").isNull()).isFalse();

    reset();

    assertThat(leadContact(Fixture.OTHER_LEAD, Fixture.OTHER_LEAD_TOKEN).path("name").isNull())
        .isFalse();
  }

  @Test
  void aLeadAddedAtRunTimeCanBeDeletedAgain() {
    putLead(NEW_LEAD, lead(NEW_LEAD, "555006").toString()).then().statusCode(201);

    assertThat(admin().delete("/__admin/leads/" + NEW_LEAD).statusCode()).isEqualTo(204);

    assertAllNull(leadContact(NEW_LEAD, "555006"));
    assertThat(list(json(admin().get("/__admin/leads")).path("leads")))
        .hasSize(FixtureFiles.leads().size());
  }

  @Test
  void aLeadPutWithAPastExpirationIsServedAsExpired() {
    ObjectNode lead = lead(NEW_LEAD, "555002");
    ((ObjectNode) lead.path("contact").path("accessToken"))
        .put("expiration", "2020-01-01T00:00:00+00:00");

    putLead(NEW_LEAD, lead.toString()).then().statusCode(201);

    assertAllNull(leadContact(NEW_LEAD, "555002"));
  }

  @Test
  void anInvalidLeadIsA422ListingEveryViolationWithItsPointerAndChangesNothing() {
    ObjectNode lead = lead(NEW_LEAD, "555003");
    ArrayNode tokens = (ArrayNode) lead.path("authTokens");
    tokens.addObject().put("code", "555003");
    tokens.addObject().put("code", "has space");
    ((ObjectNode) lead.path("contact")).put("nmae", "typo");
    ((ObjectNode) lead.path("contact").path("accessToken")).put("code", "lead-other");
    lead.put("unknown", true);

    Response refused = putLead(NEW_LEAD, lead.toString());

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(pointers(problem(refused)))
        .containsExactlyInAnyOrder(
            "/authTokens/2/code", "/contact/nmae", "/unknown", "/contact/accessToken/code");
    assertThat(admin().get("/__admin/leads/" + NEW_LEAD).statusCode()).isEqualTo(404);
  }

  @Test
  void twoSeededAuthTokensWithOneCodeAreA422AtTheSecond() {
    ObjectNode lead = lead(NEW_LEAD, "555004");
    ((ArrayNode) lead.path("authTokens")).addObject().put("code", "555004");

    Response refused = putLead(NEW_LEAD, lead.toString());

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(pointers(problem(refused))).containsExactly("/authTokens/1/code");
  }

  @Test
  void everyFixtureLeadIsListedWithItsSeededAuthTokens() {
    JsonNode listed = json(admin().get("/__admin/leads")).path("leads");

    assertThat(listed).hasSize(FixtureFiles.leads().size());
    JsonNode first = listed.get(0);
    assertThat(first.path("contact")).isEqualTo(FixtureFiles.leadContact(Fixture.LEAD));
    assertThat(list(first.path("authTokens")))
        .extracting(t -> t.path("code").asString())
        .containsExactly("731904", "118276", "650342");
    assertThat(first.path("authTokens").get(0).path("expiresAt").isNull()).isTrue();
  }

  @Test
  void aLeadIsListedWithItsTokensExpiryAsAnInstant() {
    ObjectNode lead = lead(NEW_LEAD, "555005");
    ((ObjectNode) lead.path("authTokens").get(0)).put("expiresAt", "2030-01-01T01:00:00+01:00");

    putLead(NEW_LEAD, lead.toString()).then().statusCode(201);

    assertThat(
            json(admin().get("/__admin/leads/" + NEW_LEAD))
                .path("authTokens")
                .get(0)
                .path("expiresAt")
                .asString())
        .isEqualTo("2030-01-01T00:00:00Z");
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** A valid contact: the fixture contact 1001 with {@code secret}. */
  private static ObjectNode contact(String secret) {
    ObjectNode contact = (ObjectNode) FixtureFiles.contact(Fixture.SECRET).deepCopy();
    contact.put("Secret", secret);
    return contact;
  }

  /** A valid lead: the contact of lead 1 with {@code accessToken}, and one seeded authToken. */
  private static ObjectNode lead(String accessToken, String authToken) {
    ObjectNode lead = JSON.createObjectNode();
    ObjectNode contact = (ObjectNode) FixtureFiles.leadContact(Fixture.LEAD).deepCopy();
    ((ObjectNode) contact.path("accessToken")).put("code", accessToken);
    lead.set("contact", contact);
    lead.putArray("authTokens").addObject().put("code", authToken).putNull("expiresAt");
    return lead;
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given().spec(mock.adminSpec());
  }

  private static Response putContact(String secret, String body) {
    return admin().contentType(ContentType.JSON).body(body).put("/__admin/contacts/" + secret);
  }

  private static Response putLead(String accessToken, String body) {
    return admin().contentType(ContentType.JSON).body(body).put("/__admin/leads/" + accessToken);
  }

  private static Response mint(String accessToken, String code) {
    return admin()
        .contentType(ContentType.JSON)
        .body("{\"accessToken\":\"" + accessToken + "\",\"code\":\"" + code + "\"}")
        .post("/__admin/authtokens");
  }

  private static Response lookup(String secret) {
    return given().spec(mock.spec()).queryParam("secret", secret).get(CONTACTS);
  }

  private static JsonNode leadContact(String accessToken, String authToken) {
    Response response =
        given()
            .spec(mock.spec())
            .queryParam("accessToken", accessToken)
            .queryParam("authToken", authToken)
            .queryParam("source", "web")
            .get(LEAD_CONTACT);
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  private static void reset() {
    admin().post("/__admin/reset").then().statusCode(204);
  }

  private static void assertAllNull(JsonNode body) {
    assertThat(body.propertyNames()).contains("accessToken", "name", "email", "company");
    body.properties().forEach(p -> assertThat(p.getValue().isNull()).as(p.getKey()).isTrue());
  }

  private static List<String> pointers(JsonNode problem) {
    List<String> pointers = new ArrayList<>();
    problem.path("errors").forEach(e -> pointers.add(e.path("pointer").asString()));
    return pointers;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static JsonNode problem(Response response) {
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.asString());
    assertThat(PROBLEM.validate(problem)).as("Problem.schema.json errors").isEmpty();
    assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
    return problem;
  }

  private static JsonNode json(Response response) {
    return JSON.readTree(response.asString());
  }
}
