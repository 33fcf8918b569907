package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.FixtureFiles;
import io.contractkit.mock.support.RunningMock;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the admin API reads a body (the same rules as minting): JSON media types only, malformed
 * JSON, duplicate properties, dates a schema accepts but no clock can hold; and what health says
 * about bundled fixtures.
 */
class AdminBodiesTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "Application/JSON; charset=utf-8",
        "application/merge-patch+json"
      })
  void everyJsonMediaTypeIsRead(String contentType) {
    Response answer = clock("{\"freeze\":false}", contentType);

    assertThat(answer.statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyWithoutAContentTypeIsA415ThatChangesNothing() throws Exception {
    var answer =
        io.contractkit.mock.support.RawHttp.request(
            mock.port(), "POST", "/__admin/clock", "", "{\"freeze\":true}");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(mockClock().path("frozen").asBoolean()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"text/plain", "text/json", "application/jsonx", "application/xml", "json"})
  void anotherMediaTypeIsA415(String contentType) throws Exception {
    var answer =
        io.contractkit.mock.support.RawHttp.request(
            mock.port(),
            "POST",
            "/__admin/clock",
            "Content-Type: " + contentType + "\r\n",
            "{\"freeze\":false}");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aPropertyGivenTwiceIsA400NamingWhere() {
    Response answer = clock("{\"freeze\":false,\"freeze\":true}", "application/json");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(detail(answer)).contains("line 1, column");
    assertThat(mockClock().path("frozen").asBoolean()).isFalse();
  }

  @Test
  void anEmptyBodyIsA400() {
    Response answer = clock("", "application/json");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(detail(answer)).isEqualTo("The body must be a JSON object.");
  }

  @Test
  void aDateTheSchemaAcceptsButNoClockHoldsIsA422AtItsPointer() {
    ObjectNode lead = JSON.createObjectNode();
    lead.set("contact", FixtureFiles.leadContact(Fixture.LEAD).deepCopy());
    lead.putArray("authTokens")
        .addObject()
        .put("code", "60")
        .put("expiresAt", "2016-12-31T23:59:60Z");

    Response answer =
        given()
            .spec(mock.adminSpec())
            .contentType("application/json")
            .body(lead.toString())
            .put("/__admin/leads/" + Fixture.LEAD);

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(answer.asString()).path("errors").get(0).path("pointer").asString())
        .isEqualTo("/authTokens/0/expiresAt");
  }

  @Test
  void aDateWithLowerCaseTAndZIsRead() {
    ObjectNode lead = JSON.createObjectNode();
    ObjectNode contact = (ObjectNode) FixtureFiles.leadContact(Fixture.LEAD).deepCopy();
    ((ObjectNode) contact.path("accessToken")).put("expiration", "2031-12-31t23:59:59z");
    lead.set("contact", contact);
    lead.putArray("authTokens").addObject().put("code", Fixture.LEAD_TOKEN);

    Response answer =
        given()
            .spec(mock.adminSpec())
            .contentType("application/json")
            .body(lead.toString())
            .put("/__admin/leads/" + Fixture.LEAD);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(clock("{\"set\":\"2031-12-31t23:59:58z\"}", "application/json").statusCode())
        .isEqualTo(200);
    assertThat(
            given()
                .spec(mock.spec())
                .queryParam("accessToken", Fixture.LEAD)
                .queryParam("authToken", Fixture.LEAD_TOKEN)
                .queryParam("source", "web")
                .get("/lms/leads/bytoken/contact")
                .asString())
        .contains("2031-12-31t23:59:59z");
  }

  /**
   * The server is shared with other test classes, which may have reloaded its fixtures: a reload
   * counts from what health said before it ({@code FreshServerTest} holds a fresh start's health).
   */
  @Test
  void healthSaysTheBundledFixturesAreServedUnwatchedAndCountsAReload() {
    JsonNode before = health().path("fixtures");
    assertThat(before.path("source").asString()).isEqualTo("bundled");
    assertThat(before.path("watching").asBoolean()).isFalse();

    JsonNode reloaded =
        JSON.readTree(given().spec(mock.adminSpec()).post("/__admin/fixtures/reload").asString());

    JsonNode after = health().path("fixtures");
    assertThat(after.path("reloads").asLong()).isEqualTo(before.path("reloads").asLong() + 1);
    assertThat(after.path("lastError").isNull()).isTrue();
    assertThat(after.path("loadedAt").asString()).isEqualTo(reloaded.path("loadedAt").asString());
  }

  private static JsonNode health() {
    return JSON.readTree(given().spec(mock.spec()).get("/__admin/health").asString());
  }

  private static Response clock(String body, String contentType) {
    return given()
        .spec(mock.adminSpec())
        .contentType(contentType)
        .body(body)
        .post("/__admin/clock");
  }

  private static JsonNode mockClock() {
    return JSON.readTree(given().spec(mock.adminSpec()).get("/__admin/clock").asString());
  }

  private static String detail(Response answer) {
    return JSON.readTree(answer.asString()).path("detail").asString();
  }
}
