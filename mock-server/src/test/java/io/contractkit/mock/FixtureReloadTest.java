package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.CapturedStandardError;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.FixtureFolder;
import io.contractkit.mock.support.RunningMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /__admin/fixtures/reload} on a mock that serves a fixtures folder without watching
 * it: a valid edit is served at once, an invalid one is refused (the data stays, health and the log
 * say why), authTokens of leads that stay keep working, and test data put at run time stays on top
 * until a reset. (The folder watch calls the same reload: {@code FixtureWatchTest}.)
 */
class FixtureReloadTest {
  private static final FixtureFolder FOLDER = FixtureFolder.copyOfTheBundledFixtures();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension
  static final RunningMock mock =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withFixtures(FOLDER.path())
              .withWatch(false));

  @BeforeEach
  void serveTheBundledFixturesAgain() throws IOException {
    FOLDER.restore();
    try (CapturedStandardError log = CapturedStandardError.start()) {
      reload().then().statusCode(200);
    }
    mock.reset();
  }

  @AfterAll
  static void deleteTheFolder() throws IOException {
    FOLDER.delete();
  }

  @Test
  void aValidEditIsServedAfterAReloadWhichAnswersWhatItLoaded() throws IOException {
    FOLDER.editContact(0, c -> c.put("FirstName", "Edited"));
    Instant before = Instant.parse(fixtures().path("loadedAt").asString());

    Response reloaded;
    try (CapturedStandardError log = CapturedStandardError.start()) {
      reloaded = reload();
      assertThat(log.text()).contains("fixtures reloaded from " + FOLDER.path());
    }

    assertThat(reloaded.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(reloaded.asString());
    assertThat(body.path("contacts").asInt()).isEqualTo(FOLDER.contactCount());
    assertThat(body.path("leads").asInt()).isEqualTo(FOLDER.leadCount());
    assertThat(Instant.parse(body.path("loadedAt").asString())).isAfterOrEqualTo(before);
    assertThat(contact(Fixture.SECRET).path("FirstName").asString()).isEqualTo("Edited");
    assertThat(fixtures().path("lastError").isNull()).isTrue();
  }

  @Test
  void anInvalidEditIsRefusedTheDataStaysAndHealthAndTheLogSayWhy() throws IOException {
    FOLDER.editContact(0, c -> c.put("FirstName", "Never served"));
    FOLDER.editContact(1, c -> c.put("Email", "e".repeat(251)));
    long reloads = fixtures().path("reloads").asLong();

    Response refused;
    String log;
    try (CapturedStandardError captured = CapturedStandardError.start()) {
      refused = reload();
      log = captured.text();
    }

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode error = JSON.readTree(refused.asString()).path("errors").get(0);
    assertThat(error.path("pointer").asString()).isEqualTo("/contacts/1/Email");
    assertThat(error.path("detail").asString()).contains("contacts.json").contains("250");
    assertThat(contact(Fixture.SECRET).path("FirstName").asString()).isEqualTo("Zoë");
    JsonNode fixtures = fixtures();
    assertThat(fixtures.path("lastError").asString())
        .contains("contacts.json")
        .contains("/contacts/1/Email")
        .contains("250");
    assertThat(fixtures.path("reloads").asLong()).isEqualTo(reloads);
    List<String> lines = log.lines().filter(l -> l.contains("fixtures not reloaded")).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains("contacts.json")
        .contains("/contacts/1/Email")
        .contains("250");
  }

  @Test
  void aValidReloadAfterARefusedOneClearsTheError() throws IOException {
    FOLDER.editContact(1, c -> c.put("Email", "e".repeat(251)));
    try (CapturedStandardError log = CapturedStandardError.start()) {
      reload().then().statusCode(422);
      FOLDER.restore();
      reload().then().statusCode(200);
    }

    assertThat(fixtures().path("lastError").isNull()).isTrue();
  }

  @Test
  void authTokensOfLeadsThatStayKeepTheirStateAndThoseOfARemovedLeadAreGone() throws IOException {
    assertThat(leadContact(Fixture.LEAD, Fixture.LEAD_TOKEN).path("name").isNull()).isFalse();
    mint(Fixture.LEAD, "kept-across-reload").then().statusCode(201);
    mint(Fixture.OTHER_LEAD, "gone-with-its-lead").then().statusCode(201);
    FOLDER.editLeads(
        leads -> {
          leads.remove(1);
          ((ArrayNode) leads.get(0).path("authTokens")).addObject().put("code", "new-in-file");
        });

    try (CapturedStandardError log = CapturedStandardError.start()) {
      reload().then().statusCode(200);
    }

    assertAllNull(leadContact(Fixture.LEAD, Fixture.LEAD_TOKEN));
    assertThat(leadContact(Fixture.LEAD, "kept-across-reload").path("name").isNull()).isFalse();
    assertThat(leadContact(Fixture.LEAD, "new-in-file").path("name").isNull()).isFalse();
    assertThat(leadContact(Fixture.LEAD, Fixture.LEAD_TOKEN_2).path("name").isNull()).isFalse();
    assertAllNull(leadContact(Fixture.OTHER_LEAD, "gone-with-its-lead"));
    assertAllNull(leadContact(Fixture.OTHER_LEAD, Fixture.OTHER_LEAD_TOKEN));
  }

  @Test
  void testDataPutAtRunTimeStaysOnTopOfAReloadUntilAReset() throws IOException {
    ObjectNode changed = (ObjectNode) contact(Fixture.SECRET).deepCopy();
    changed.put("FirstName", "Put at run time");
    admin()
        .contentType(ContentType.JSON)
        .body(changed.toString())
        .put("/__admin/contacts/" + Fixture.SECRET)
        .then()
        .statusCode(200);
    FOLDER.editContact(0, c -> c.put("FirstName", "Edited in the file"));

    try (CapturedStandardError log = CapturedStandardError.start()) {
      reload().then().statusCode(200);
    }
    assertThat(contact(Fixture.SECRET).path("FirstName").asString()).isEqualTo("Put at run time");

    mock.reset();
    assertThat(contact(Fixture.SECRET).path("FirstName").asString())
        .isEqualTo("Edited in the file");
  }

  @Test
  void healthNamesTheFolderAndSaysItIsNotWatched() {
    JsonNode fixtures = fixtures();

    assertThat(fixtures.path("source").asString()).isEqualTo(FOLDER.path().toString());
    assertThat(fixtures.path("watching").asBoolean()).isFalse();
    assertThat(fixtures.path("reloads").asLong()).isPositive();
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static RequestSpecification admin() {
    return given().spec(mock.adminSpec());
  }

  private static Response reload() {
    return admin().post("/__admin/fixtures/reload");
  }

  private static JsonNode fixtures() {
    return JSON.readTree(admin().get("/__admin/health").asString()).path("fixtures");
  }

  private static JsonNode contact(String secret) {
    Response found = given().spec(mock.spec()).queryParam("secret", secret).get("/api/v1/Contacts");
    assertThat(found.statusCode()).isEqualTo(200);
    return JSON.readTree(found.asString());
  }

  private static Response mint(String accessToken, String code) {
    return admin()
        .contentType(ContentType.JSON)
        .body("{\"accessToken\":\"" + accessToken + "\",\"code\":\"" + code + "\"}")
        .post("/__admin/authtokens");
  }

  private static JsonNode leadContact(String accessToken, String authToken) {
    Response response =
        given()
            .spec(mock.spec())
            .queryParam("accessToken", accessToken)
            .queryParam("authToken", authToken)
            .queryParam("source", "web")
            .get("/lms/leads/bytoken/contact");
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.asString());
  }

  private static void assertAllNull(JsonNode body) {
    assertThat(body.propertyNames()).contains("accessToken", "name", "email", "company");
    body.properties().forEach(p -> assertThat(p.getValue().isNull()).as(p.getKey()).isTrue());
  }
}
