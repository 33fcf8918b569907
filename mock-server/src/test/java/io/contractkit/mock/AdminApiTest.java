package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.support.RunningMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The admin API under {@code /__admin}, driven over HTTP as a frontend's test suite would. */
class AdminApiTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final String SEND_AUTH_TOKEN = "/lms/leads/bytoken/authtoken";
  private static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";
  private static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";
  private static final String LEAD_NAME = "Jürgen Weiß";
  private static final String SEEDED_TOKEN = "731904";
  private static final String OTHER_LEAD = "lead-Xc4Nf8Rb1Hs6Jq3D";
  private static final String EXPIRED_LEAD = "lead-expiredLm5Vt2Kq8W";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema PROBLEM = new SchemaCatalog().schema("Problem.schema.json");

  // --- health ----------------------------------------------------------------------------------

  @Test
  void healthIsUpWithTheFixtureCountsAndAStartTime() throws IOException {
    Response response = given().spec(mock.spec()).get("/__admin/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode health = json(response);
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.path("contacts").asInt())
        .isEqualTo(fixtureCount("contacts.json", "contacts"));
    assertThat(health.path("leads").asInt()).isEqualTo(fixtureCount("leads.json", "leads"));
    Instant startedAt = OffsetDateTime.parse(health.path("startedAt").asString()).toInstant();
    assertThat(startedAt).isBeforeOrEqualTo(mock.clock().instant());
  }

  // --- reset -----------------------------------------------------------------------------------

  @Test
  void resetMakesAUsedSeededAuthTokenValidAgain() {
    assertThat(leadContact(LEAD, SEEDED_TOKEN).path("name").asString()).isEqualTo(LEAD_NAME);
    assertAllNull(leadContact(LEAD, SEEDED_TOKEN));

    given().spec(mock.spec()).post("/__admin/reset").then().statusCode(204);

    assertThat(leadContact(LEAD, SEEDED_TOKEN).path("name").asString()).isEqualTo(LEAD_NAME);
  }

  @Test
  void resetForgetsAuthTokensIssuedSinceTheStart() {
    mint(LEAD, "mint-before-reset", 600L).then().statusCode(201);

    given().spec(mock.spec()).post("/__admin/reset").then().statusCode(204);

    assertAllNull(leadContact(LEAD, "mint-before-reset"));
    assertThat(leadContact(LEAD, SEEDED_TOKEN).path("name").asString()).isEqualTo(LEAD_NAME);
  }

  @Test
  void resetLiftsAThrottleBlock() {
    String ip = "203.0.113.71";
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
      lookup("wrong-secret-" + i, ip).then().statusCode(404);
    }
    lookup(SECRET, ip).then().statusCode(429);

    given().spec(mock.spec()).post("/__admin/reset").then().statusCode(204);

    Response afterReset = lookup(SECRET, ip);
    assertThat(afterReset.statusCode()).isEqualTo(200);
    assertThat(json(afterReset).path("Secret").asString()).isEqualTo(SECRET);
  }

  @Test
  void resetEmptiesTheOutboxAndTheJournal() {
    sendToken(LEAD, "email").then().statusCode(202);
    lookup("not-a-secret", null).then().statusCode(404);
    assertThat(outbox("").path("messages")).hasSize(1);

    given().spec(mock.spec()).post("/__admin/reset").then().statusCode(204);

    assertJournalHoldsOnly("POST", "/__admin/reset");
    assertThat(outbox("").path("messages")).isEmpty();
  }

  // --- journal ---------------------------------------------------------------------------------

  @Test
  void theJournalListsRequestsNewestFirstWithMethodPathQueryAndStatus() {
    long before = journal("").path("total").asLong();

    lookup("not-a-secret", "192.0.2.80").then().statusCode(404);
    given().spec(mock.spec()).queryParam("secret", SECRET).get(CONTACTS).then().statusCode(200);
    sendToken(LEAD, "sms").then().statusCode(202);

    JsonNode journal = journal("");
    List<JsonNode> requests = list(journal.path("requests"));
    assertThat(requests).hasSizeGreaterThanOrEqualTo(3);
    assertEntry(
        requests.get(0),
        "POST",
        SEND_AUTH_TOKEN,
        "accessToken=" + LEAD + "&channel=sms&source=web",
        202);
    assertEntry(requests.get(1), "GET", CONTACTS, "secret=" + SECRET, 200);
    assertEntry(requests.get(2), "GET", CONTACTS, "secret=not-a-secret&ip=192.0.2.80", 404);
    assertThat(requests.get(0).path("id").asLong())
        .isGreaterThan(requests.get(1).path("id").asLong());
    // the earlier GET /__admin/journal is counted too
    assertThat(journal.path("total").asLong()).isEqualTo(before + 1 + 3);
  }

  @Test
  void theJournalHonoursLimitButCountsEveryRequestInTotal() {
    for (int i = 0; i < 5; i++) {
      lookup("not-a-secret-" + i, null).then().statusCode(404);
    }

    JsonNode journal = journal("?limit=2");

    List<JsonNode> requests = list(journal.path("requests"));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).path("query").asString()).isEqualTo("secret=not-a-secret-4");
    assertThat(requests.get(1).path("query").asString()).isEqualTo("secret=not-a-secret-3");
    assertThat(journal.path("total").asLong()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void deletingTheJournalEmptiesIt() {
    lookup("not-a-secret", null).then().statusCode(404);

    Response delete = given().spec(mock.spec()).delete("/__admin/journal");

    assertThat(delete.statusCode()).isEqualTo(204);
    assertJournalHoldsOnly("DELETE", "/__admin/journal");
  }

  // --- outbox ----------------------------------------------------------------------------------

  @Test
  void aSentTokenLandsInTheOutboxAndNotInTheSendersAnswer() {
    Response sent = sendToken(LEAD, "email");

    assertThat(sent.statusCode()).isEqualTo(202);
    List<JsonNode> messages = list(outbox("").path("messages"));
    assertThat(messages).hasSize(1);
    JsonNode message = messages.get(0);
    assertThat(message.path("channel").asString()).isEqualTo("email");
    assertThat(message.path("recipient").asString()).isEqualTo("juergen.weiss@example.de");
    assertThat(message.path("accessToken").asString()).isEqualTo(LEAD);
    assertThat(message.path("source").asString()).isEqualTo("web");
    String code = message.path("authToken").asString();
    assertThat(code).matches("\\d{6}");
    assertThat(message.path("body").asString()).contains(code);
    assertThat(Instant.parse(message.path("expiresAt").asString()))
        .isEqualTo(mock.clock().instant().plus(MockConfig.DEFAULT_AUTH_TOKEN_TTL));
    assertThat(sent.asString()).doesNotContain(code).doesNotContain("juergen.weiss@example.de");
    assertThat(leadContact(LEAD, code).path("name").asString()).isEqualTo(LEAD_NAME);
  }

  @Test
  void theOutboxFiltersByAccessTokenAndByChannel() {
    sendToken(LEAD, "email").then().statusCode(202);
    sendToken(LEAD, "sms").then().statusCode(202);
    sendToken(OTHER_LEAD, "sms").then().statusCode(202);

    List<JsonNode> byLead = list(outbox("?accessToken=" + OTHER_LEAD).path("messages"));
    List<JsonNode> bySms = list(outbox("?channel=sms").path("messages"));
    List<JsonNode> byBoth =
        list(outbox("?accessToken=" + LEAD + "&channel=email").path("messages"));
    List<JsonNode> newest = list(outbox("?limit=1").path("messages"));

    assertThat(byLead)
        .extracting(m -> m.path("accessToken").asString())
        .containsExactly(OTHER_LEAD);
    assertThat(bySms)
        .extracting(m -> m.path("accessToken").asString())
        .containsExactly(OTHER_LEAD, LEAD);
    assertThat(bySms).allSatisfy(m -> assertThat(m.path("channel").asString()).isEqualTo("sms"));
    assertThat(byBoth).extracting(m -> m.path("channel").asString()).containsExactly("email");
    assertThat(newest)
        .extracting(m -> m.path("accessToken").asString())
        .containsExactly(OTHER_LEAD);
  }

  @ParameterizedTest
  @CsvSource({
    "/__admin/outbox?channel=fax, channel",
    "/__admin/outbox?limit=0, limit",
    "/__admin/outbox?limit=abc, limit",
    "/__admin/outbox?limit=1001, limit",
    "/__admin/outbox?limit=-1, limit",
    "/__admin/journal?limit=0, limit",
    "/__admin/journal?limit=abc, limit"
  })
  void aBadOutboxOrJournalQueryIsA400NamingTheParameter(String target, String parameter) {
    Response response = given().spec(mock.rawSpec()).get(target);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problem(response).path("parameter").asString()).isEqualTo(parameter);
  }

  @Test
  void deletingTheOutboxEmptiesIt() {
    sendToken(LEAD, "email").then().statusCode(202);

    Response delete = given().spec(mock.spec()).delete("/__admin/outbox");

    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(outbox("").path("messages")).isEmpty();
  }

  // --- minting authTokens ----------------------------------------------------------------------

  @Test
  void aMintedCodeIsAnsweredWith201AndWorksExactlyOnce() {
    Response minted = mint(LEAD, "mint-42", 600L);

    assertThat(minted.statusCode()).isEqualTo(201);
    JsonNode body = json(minted);
    assertThat(body.path("accessToken").asString()).isEqualTo(LEAD);
    assertThat(body.path("authToken").asString()).isEqualTo("mint-42");
    assertThat(Instant.parse(body.path("expiresAt").asString()))
        .isEqualTo(mock.clock().instant().plusSeconds(600));
    assertThat(leadContact(LEAD, "mint-42").path("name").asString()).isEqualTo(LEAD_NAME);
    assertAllNull(leadContact(LEAD, "mint-42"));
  }

  @Test
  void aMintedCodeWithoutACodeGetsARandomOne() {
    Response minted = mint(LEAD, null, null);

    assertThat(minted.statusCode()).isEqualTo(201);
    String code = json(minted).path("authToken").asString();
    assertThat(code).isNotBlank();
    assertThat(leadContact(LEAD, code).path("name").asString()).isEqualTo(LEAD_NAME);
  }

  @Test
  void aMintedCodeDoesNotOpenAnotherLead() {
    mint(LEAD, "mint-43", null).then().statusCode(201);

    assertAllNull(leadContact(OTHER_LEAD, "mint-43"));
    assertThat(leadContact(LEAD, "mint-43").path("name").asString()).isEqualTo(LEAD_NAME);
  }

  @Test
  void mintingACodeThatIsStillActiveIsAConflict() {
    mint(LEAD, "mint-44", null).then().statusCode(201);

    Response again = mint(LEAD, "mint-44", null);

    assertThat(again.statusCode()).isEqualTo(409);
    problem(again);
  }

  @Test
  void mintingASeededCodeThatIsStillActiveIsAConflict() {
    Response again = mint(LEAD, SEEDED_TOKEN, null);

    assertThat(again.statusCode()).isEqualTo(409);
    problem(again);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lead-doesNotExist0000", EXPIRED_LEAD})
  void mintingForAnUnknownOrExpiredLeadIsA404(String accessToken) {
    Response response = mint(accessToken, "mint-45", null);

    assertThat(response.statusCode()).isEqualTo(404);
    problem(response);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"accessToken\":",
        "not json",
        "",
        "[\"" + LEAD + "\"]",
        "\"" + LEAD + "\"",
        "null",
        "{}",
        "{\"accessToken\":null}",
        "{\"accessToken\":\"\"}",
        "{\"accessToken\":42}",
        "{\"accessToken\":\"" + LEAD + "\",\"ttlSeconds\":0}",
        "{\"accessToken\":\"" + LEAD + "\",\"ttlSeconds\":-5}",
        "{\"accessToken\":\"" + LEAD + "\",\"ttlSeconds\":\"x\"}",
        "{\"accessToken\":\"" + LEAD + "\",\"ttlSeconds\":1.5}",
        "{\"accessToken\":\"" + LEAD + "\",\"ttlSeconds\":true}",
        "{\"accessToken\":\"" + LEAD + "\",\"code\":\"with space\"}",
        "{\"accessToken\":\"" + LEAD + "\",\"code\":\"tab\\tinside\"}",
        "{\"accessToken\":\"" + LEAD + "\",\"code\":\"umlaut-ä\"}",
        "{\"accessToken\":\"" + LEAD + "\",\"code\":\"\"}",
        "{\"accessToken\":\"" + LEAD + "\",\"code\":123456}",
        "{\"accessToken\":\"" + LEAD + "\"} trailing",
      })
  void aBadMintRequestIsA400Problem(String body) {
    Response response = mint(body);

    assertThat(response.statusCode()).isEqualTo(400);
    problem(response);
  }

  @Test
  void aMintedCodeLongerThan256CharactersIsA400Problem() {
    Response response = mint(LEAD, "c".repeat(257), null);

    assertThat(response.statusCode()).isEqualTo(400);
    problem(response);
  }

  @Test
  void aMintBodyOver16KilobytesIsA400Problem() {
    String padding = "p".repeat(17 * 1024);
    Response response =
        mint("{\"accessToken\":\"%s\",\"padding\":\"%s\"}".formatted(LEAD, padding));

    assertThat(response.statusCode()).isEqualTo(400);
    problem(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "9223372036854775807", "31556889864403200"})
  void aTtlTooLargeForTheClockIsA400ProblemNotA500(String ttlSeconds) {
    Response response =
        mint("{\"accessToken\":\"%s\",\"ttlSeconds\":%s}".formatted(LEAD, ttlSeconds));

    assertThat(response.statusCode()).isEqualTo(400);
    problem(response);
  }

  @Test
  void aMintedCodeStillWorksJustBeforeItsTtlRunsOut() {
    mint(LEAD, "mint-47", 60L).then().statusCode(201);

    mock.clock().advance(Duration.ofSeconds(59));

    assertThat(leadContact(LEAD, "mint-47").path("name").asString()).isEqualTo(LEAD_NAME);
  }

  @Test
  void aMintedCodeGivesNullValuesOnceItsTtlHasRunOut() {
    mint(LEAD, "mint-48", 60L).then().statusCode(201);

    mock.clock().advance(Duration.ofSeconds(61));

    assertAllNull(leadContact(LEAD, "mint-48"));
  }

  @Test
  void anExpiredMintedCodeCanBeMintedAgain() {
    mint(LEAD, "mint-49", 1L).then().statusCode(201);
    mock.clock().advance(Duration.ofSeconds(2));

    Response again = mint(LEAD, "mint-49", 60L);

    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(leadContact(LEAD, "mint-49").path("name").asString()).isEqualTo(LEAD_NAME);
  }

  // --- methods, unknown paths, caching ---------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "PUT, /__admin/reset, POST",
    "GET, /__admin/reset, POST",
    "PUT, /__admin/outbox, GET|DELETE",
    "POST, /__admin/journal, GET|DELETE",
    "GET, /__admin/authtokens, POST",
    "DELETE, /__admin/health, GET"
  })
  void anUnsupportedMethodIsA405WithAllow(String method, String path, String allowed) {
    Response response = given().spec(mock.spec()).request(method, path);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(allowTokens(response.header("Allow")))
        .containsExactlyInAnyOrder(allowed.split("\\|"));
    problem(response);
  }

  @Test
  void anUnknownAdminPathIsA404Problem() {
    Response response = given().spec(mock.spec()).get("/__admin/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    problem(response);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/__admin/health|",
        "POST|/__admin/reset|",
        "GET|/__admin/outbox|",
        "DELETE|/__admin/outbox|",
        "GET|/__admin/journal|",
        "DELETE|/__admin/journal|",
        "POST|/__admin/authtokens|{\"accessToken\":\"lead-7Gk2mQ9xWp4tR8vZ\"}",
        "POST|/__admin/authtokens|{}",
        "PUT|/__admin/reset|",
        "GET|/__admin/nope|",
        "GET|/__admin/outbox?limit=0|",
      })
  void everyAdminAnswerIsNotCached(String method, String path, String body) {
    Response response =
        given()
            .spec(mock.rawSpec())
            .contentType(ContentType.JSON)
            .body(body == null ? "" : body)
            .request(method, path);

    assertThat(response.statusCode()).isLessThan(500);
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Response lookup(String secret, String ip) {
    var request = given().spec(mock.spec()).queryParam("secret", secret);
    if (ip != null) {
      request = request.queryParam("ip", ip);
    }
    return request.get(CONTACTS);
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

  private static Response sendToken(String accessToken, String channel) {
    return given()
        .spec(mock.spec())
        .queryParam("accessToken", accessToken)
        .queryParam("channel", channel)
        .queryParam("source", "web")
        .post(SEND_AUTH_TOKEN);
  }

  private static Response mint(String accessToken, String code, Long ttlSeconds) {
    ObjectNode body = JSON.createObjectNode().put("accessToken", accessToken);
    if (code != null) {
      body.put("code", code);
    }
    if (ttlSeconds != null) {
      body.put("ttlSeconds", ttlSeconds);
    }
    return mint(body.toString());
  }

  private static Response mint(String body) {
    return given()
        .spec(mock.spec())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/__admin/authtokens");
  }

  private static JsonNode outbox(String query) {
    Response response = given().spec(mock.rawSpec()).get("/__admin/outbox" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    return json(response);
  }

  private static JsonNode journal(String query) {
    Response response = given().spec(mock.rawSpec()).get("/__admin/journal" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  /**
   * The journal holds nothing from before the clearing request; only that request itself may be
   * listed, since it is recorded once it has been answered.
   */
  private static void assertJournalHoldsOnly(String method, String path) {
    JsonNode journal = journal("");
    List<JsonNode> requests = list(journal.path("requests"));
    assertThat(requests).hasSizeLessThanOrEqualTo(1);
    requests.forEach(
        r -> {
          assertThat(r.path("method").asString()).isEqualTo(method);
          assertThat(r.path("path").asString()).isEqualTo(path);
        });
    assertThat(journal.path("total").asLong()).isEqualTo(requests.size());
  }

  private static void assertEntry(
      JsonNode entry, String method, String path, String query, int status) {
    assertThat(entry.path("method").asString()).isEqualTo(method);
    assertThat(entry.path("path").asString()).isEqualTo(path);
    assertThat(entry.path("query").asString()).isEqualTo(query);
    assertThat(entry.path("status").asInt()).isEqualTo(status);
  }

  private static void assertAllNull(JsonNode body) {
    assertThat(body.propertyNames()).contains("accessToken", "name", "email", "company");
    body.properties().forEach(p -> assertThat(p.getValue().isNull()).as(p.getKey()).isTrue());
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

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static List<String> allowTokens(String allow) {
    assertThat(allow).as("Allow header").isNotNull();
    return List.of(allow.split("\\s*,\\s*"));
  }

  private static int fixtureCount(String file, String array) throws IOException {
    return JSON.readTree(Files.readString(Path.of("..", "fixtures", file))).path(array).size();
  }
}
