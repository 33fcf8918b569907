package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET|POST /__admin/clock} over HTTP: moving the mock's clock lifts blocks, counts {@code
 * Retry-After} down, expires authTokens and leads, and dates the outbox and the journal; a reset
 * returns to real time. Real time here is the test's {@link RunningMock#clock()}, which nothing
 * moves but the test: no test waits for time to pass.
 */
class ClockApiTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema PROBLEM = new SchemaCatalog().schema("Problem.schema.json");

  /** The lead's accessToken expires at 2031-12-31T23:59:59+01:00. */
  private static final Instant LEAD_EXPIRATION = Instant.parse("2031-12-31T22:59:59Z");

  @Test
  void theClockReadsRealTimeWithoutOffsetAndRunning() {
    JsonNode clock = clock();

    assertThat(Instant.parse(clock.path("now").asString())).isEqualTo(mock.clock().instant());
    assertThat(clock.path("offsetSeconds").asLong()).isZero();
    assertThat(clock.path("frozen").asBoolean()).isFalse();
  }

  @Test
  void advancingTheClockMovesNowAndTheOffset() {
    JsonNode moved = change("{\"advance\":\"5m\"}");

    assertThat(Instant.parse(moved.path("now").asString()))
        .isEqualTo(mock.clock().instant().plus(Duration.ofMinutes(5)));
    assertThat(moved.path("offsetSeconds").asLong()).isEqualTo(300);
    assertThat(clock()).isEqualTo(moved);
  }

  @Test
  void anOffsetOfPartSecondsIsAFraction() {
    assertThat(change("{\"advance\":\"250ms\"}").path("offsetSeconds").asDouble()).isEqualTo(0.25);
    assertThat(change("{\"advance\":\"PT1.5S\"}").path("offsetSeconds").asDouble()).isEqualTo(1.75);
  }

  @Test
  void movingTheClockCountsRetryAfterDownAndLiftsTheBlock() {
    String ip = "203.0.113.151";
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
      lookup("wrong-" + i, ip).then().statusCode(404);
    }
    Response blocked = lookup(Fixture.SECRET, ip);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.header("Retry-After")).isEqualTo("300");

    change("{\"advance\":\"2m\"}");
    Response later = lookup(Fixture.SECRET, ip);
    assertThat(later.statusCode()).isEqualTo(429);
    assertThat(later.header("Retry-After")).isEqualTo("180");

    change("{\"advance\":\"179s\"}");
    assertThat(lookup(Fixture.SECRET, ip).header("Retry-After")).isEqualTo("1");

    change("{\"advance\":\"1s\"}");
    Response lifted = lookup(Fixture.SECRET, ip);
    assertThat(lifted.statusCode()).isEqualTo(200);
    assertThat(json(lifted).path("Secret").asString()).isEqualTo(Fixture.SECRET);
  }

  @Test
  void movingTheClockPastItsLifetimeExpiresASentAuthToken() {
    String first = sendAndRead();
    String second = sendAndRead();

    change("{\"advance\":\"" + (MockConfig.DEFAULT_AUTH_TOKEN_TTL.toSeconds() - 1) + "s\"}");
    assertThat(leadContact(Fixture.OTHER_LEAD, first).path("name").isNull()).isFalse();

    change("{\"advance\":\"1s\"}");
    assertAllNull(leadContact(Fixture.OTHER_LEAD, second));
  }

  @Test
  void settingTheClockToALeadsExpirationExpiresTheLead() {
    change("{\"set\":\"" + LEAD_EXPIRATION.minusSeconds(1) + "\"}");
    assertThat(leadContact(Fixture.LEAD, Fixture.LEAD_TOKEN).path("name").asString())
        .isEqualTo("Jürgen Weiß");

    change("{\"set\":\"" + LEAD_EXPIRATION + "\"}");
    assertAllNull(leadContact(Fixture.LEAD, Fixture.LEAD_TOKEN_2));
    Response send = sendToken(Fixture.LEAD);
    assertThat(send.statusCode()).isEqualTo(404);
  }

  @Test
  void theOutboxAndTheJournalAreDatedByTheMovedClock() {
    change("{\"advance\":\"1h\"}");
    Instant now = mock.clock().instant().plus(Duration.ofHours(1));

    sendToken(Fixture.OTHER_LEAD).then().statusCode(202);

    JsonNode message = outbox().get(0);
    assertThat(Instant.parse(message.path("sentAt").asString())).isEqualTo(now);
    assertThat(Instant.parse(message.path("expiresAt").asString()))
        .isEqualTo(now.plus(MockConfig.DEFAULT_AUTH_TOKEN_TTL));
    JsonNode journal = json(given().spec(mock.adminSpec()).get("/__admin/journal?limit=2"));
    assertThat(Instant.parse(journal.path("requests").get(1).path("timestamp").asString()))
        .isEqualTo(now);
  }

  @Test
  void resetReturnsToRealTime() {
    change("{\"advance\":\"1h\"}");
    change("{\"freeze\":true}");

    given().spec(mock.adminSpec()).post("/__admin/reset").then().statusCode(204);

    JsonNode clock = clock();
    assertThat(Instant.parse(clock.path("now").asString())).isEqualTo(mock.clock().instant());
    assertThat(clock.path("offsetSeconds").asLong()).isZero();
    assertThat(clock.path("frozen").asBoolean()).isFalse();
  }

  @Test
  void aFrozenClockStandsStillWhileRealTimePassesAndRunsOnFromThereWhenThawed() {
    Instant frozenAt = mock.clock().instant();
    JsonNode frozen = change("{\"freeze\":true}");
    assertThat(frozen.path("frozen").asBoolean()).isTrue();

    mock.clock().advance(Duration.ofSeconds(10));
    JsonNode still = clock();
    assertThat(Instant.parse(still.path("now").asString())).isEqualTo(frozenAt);
    assertThat(still.path("offsetSeconds").asLong()).isEqualTo(-10);

    change("{\"advance\":\"1m\"}");
    assertThat(Instant.parse(clock().path("now").asString()))
        .as("advance moves a frozen clock and keeps it frozen")
        .isEqualTo(frozenAt.plus(Duration.ofMinutes(1)));

    JsonNode thawed = change("{\"freeze\":false}");
    assertThat(thawed.path("frozen").asBoolean()).isFalse();
    mock.clock().advance(Duration.ofSeconds(5));
    assertThat(Instant.parse(clock().path("now").asString()))
        .isEqualTo(frozenAt.plus(Duration.ofMinutes(1)).plusSeconds(5));
  }

  @Test
  void freezingTwiceKeepsTheFirstInstant() {
    Instant frozenAt = mock.clock().instant();
    change("{\"freeze\":true}");
    mock.clock().advance(Duration.ofSeconds(3));

    change("{\"freeze\":true}");

    assertThat(Instant.parse(clock().path("now").asString())).isEqualTo(frozenAt);
  }

  // --- setting the clock back --------------------------------------------------------------------

  @Test
  void settingTheClockBackKeepsAnExpiredTokenExpiredAndAValidOneValid() {
    Instant start = mock.clock().instant();
    mint("short-lived", 60).then().statusCode(201);
    mint("long-lived", 600).then().statusCode(201);
    change("{\"advance\":\"2m\"}");

    change("{\"set\":\"" + start + "\"}");

    assertAllNull(leadContact(Fixture.LEAD, "short-lived"));
    assertThat(leadContact(Fixture.LEAD, "long-lived").path("name").asString())
        .isEqualTo("Jürgen Weiß");
  }

  @Test
  void settingTheClockBackNeverLengthensABlockBeyondTheBlockLength() {
    String ip = "203.0.113.152";
    Instant start = mock.clock().instant();
    change("{\"advance\":\"1h\"}");
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
      lookup("wrong-" + i, ip).then().statusCode(404);
    }

    change("{\"set\":\"" + start + "\"}");

    Response blocked = lookup(Fixture.SECRET, ip);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.header("Retry-After")).isEqualTo("300");
    change("{\"advance\":\"300s\"}");
    assertThat(lookup(Fixture.SECRET, ip).statusCode()).isEqualTo(200);
  }

  // --- bad changes -------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"advance\":\"5 minutes\"}|/advance",
        "{\"advance\":\"PT-5M\"}|/advance",
        "{\"advance\":\"0s\"}|/advance",
        "{\"advance\":300}|/advance",
        "{\"advance\":\"P100000D\"}|/advance",
        "{\"set\":\"tomorrow\"}|/set",
        "{\"set\":\"1999-12-31T23:59:59Z\"}|/set",
        "{\"set\":\"2200-01-01T00:00:00Z\"}|/set",
        "{\"set\":null}|/set",
        "{\"freeze\":\"yes\"}|/freeze",
        "{}|''",
        "{\"advance\":\"5m\",\"freeze\":true}|''",
        "{\"speed\":2}|/speed",
        "{\"advance\":\"5m\",\"speed\":2}|/speed"
      })
  void aBadChangeIsA422NamingItsPointerAndChangesNothing(String body, String pointer) {
    Response refused = post(body, "application/json");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(pointers(problem(refused))).contains(pointer);
    assertThat(clock().path("offsetSeconds").asLong()).isZero();
  }

  @Test
  void malformedJsonIsA400NamingWhereItBreaks() {
    Response refused = post("{\"advance\":\n \"5m\",,}", "application/json");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(problem(refused).path("detail").asString()).contains("line 2, column");
  }

  @Test
  void aBodyThatIsNotJsonIsA415() {
    Response refused = post("advance=5m", "application/x-www-form-urlencoded");

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(problem(refused).path("detail").asString()).contains("application/json");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static JsonNode clock() {
    Response response = given().spec(mock.adminSpec()).get("/__admin/clock");
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  private static JsonNode change(String body) {
    Response response = post(body, "application/json");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return json(response);
  }

  private static Response post(String body, String contentType) {
    return given()
        .spec(mock.adminSpec())
        .contentType(contentType)
        .body(body)
        .post("/__admin/clock");
  }

  private static Response lookup(String secret, String ip) {
    return given()
        .spec(mock.spec())
        .queryParam("secret", secret)
        .queryParam("ip", ip)
        .get(CONTACTS);
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

  private static Response sendToken(String accessToken) {
    return given()
        .spec(mock.spec())
        .queryParam("accessToken", accessToken)
        .queryParam("channel", "sms")
        .queryParam("source", "web")
        .post("/lms/leads/bytoken/authtoken");
  }

  /** Sends an authToken to {@link Fixture#OTHER_LEAD} and reads it from the outbox. */
  private static String sendAndRead() {
    sendToken(Fixture.OTHER_LEAD).then().statusCode(202);
    return outbox().get(0).path("authToken").asString();
  }

  private static List<JsonNode> outbox() {
    JsonNode outbox = json(given().spec(mock.adminSpec()).get("/__admin/outbox"));
    List<JsonNode> messages = new ArrayList<>();
    outbox.path("messages").forEach(messages::add);
    return messages;
  }

  private static Response mint(String code, int ttlSeconds) {
    return given()
        .spec(mock.adminSpec())
        .contentType(ContentType.JSON)
        .body(
            "{\"accessToken\":\""
                + Fixture.LEAD
                + "\",\"code\":\""
                + code
                + "\",\"ttlSeconds\":"
                + ttlSeconds
                + "}")
        .post("/__admin/authtokens");
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
