package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.CapturedStandardError;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code --redact}, the values of {@code secret}, {@code accessToken} and {@code authToken}
 * (any case, any encoding of the name, look-alike letters, an encoded '=' after the name) are
 * {@code ***} in the request journal and in the request log line; without it (the default) they are
 * kept, for debugging. The outbox keeps the sent authTokens either way: it is how frontends read
 * them.
 */
class RedactionTest {
  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final String UNKNOWN_SECRET = "Zq8unknownSecretVb3";

  @RegisterExtension
  static final RunningMock redacting =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRedaction(true));

  @RegisterExtension
  static final RunningMock plain =
      new RunningMock(MockConfig.defaults().withPort(0).withThrottle(RunningMock.TEST_THROTTLE));

  @Test
  void withRedactionTheJournalMasksEveryCredentialValue() {
    sendCredentials(redacting);

    JsonPath journal = journal(redacting);
    List<String> queries = journal.getList("requests.query", String.class);

    assertThat(queries)
        .contains(
            "secret=***&ip=203.0.113.20",
            "SECRET=***",
            "%73ecret=***",
            "accessToken=***&authToken=***&source=web",
            "accessToken=***&channel=sms&source=web",
            "accessToken=***&limit=5",
            "secret%3D***",
            "accessTo%E2%84%AAen=***&authToken=***&source=web");
    assertThat(journal.prettify())
        .doesNotContain(Fixture.SECRET)
        .doesNotContain(UNKNOWN_SECRET)
        .doesNotContain(Fixture.LEAD)
        .doesNotContain(Fixture.OTHER_LEAD)
        .doesNotContain(Fixture.LEAD_TOKEN);
  }

  @Test
  void withRedactionTheRequestLogLineMasksEveryCredentialValue() {
    sendCredentials(redacting);

    assertThat(requestLines(redacting))
        .anySatisfy(line -> assertThat(line).contains("GET /api/v1/Contacts?secret=***&ip="))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(LEAD_CONTACT + "?accessToken=***&authToken=***&source=web 200"))
        .anySatisfy(line -> assertThat(line).contains("GET /api/v1/Contacts?secret%3D*** 400"))
        .allSatisfy(
            line ->
                assertThat(line)
                    .doesNotContain(Fixture.SECRET)
                    .doesNotContain(UNKNOWN_SECRET)
                    .doesNotContain(Fixture.LEAD)
                    .doesNotContain(Fixture.LEAD_TOKEN));
  }

  @Test
  void withRedactionTheOutboxLogLineMasksTheLeadAndTheAuthToken() {
    String log;
    try (CapturedStandardError captured = CapturedStandardError.start()) {
      sendToken(redacting, Fixture.OTHER_LEAD);
      log = captured.text();
    }
    String sent = newestOutboxToken(redacting);

    List<String> deliveries = log.lines().filter(l -> l.contains("outbox: sms to")).toList();
    assertThat(deliveries).as("outbox log lines in:%n%s", log).hasSize(1);
    assertThat(deliveries.get(0))
        .contains("for lead ***: authToken ***")
        .doesNotContain(Fixture.OTHER_LEAD)
        .doesNotContain(sent);
  }

  @Test
  void withoutRedactionTheOutboxLogLineNamesTheLeadAndTheAuthToken() {
    String log;
    try (CapturedStandardError captured = CapturedStandardError.start()) {
      sendToken(plain, Fixture.OTHER_LEAD);
      log = captured.text();
    }
    String sent = newestOutboxToken(plain);

    assertThat(log.lines().filter(l -> l.contains("outbox: sms to")))
        .singleElement()
        .asString()
        .contains("for lead " + Fixture.OTHER_LEAD + ": authToken " + sent);
  }

  @Test
  void withoutRedactionTheJournalAndTheLogKeepTheValues() {
    sendCredentials(plain);

    assertThat(journal(plain).getList("requests.query", String.class))
        .contains(
            "secret=" + UNKNOWN_SECRET + "&ip=203.0.113.20",
            "accessToken=" + Fixture.LEAD + "&authToken=" + Fixture.LEAD_TOKEN + "&source=web");
    assertThat(requestLines(plain))
        .anySatisfy(line -> assertThat(line).contains("secret=" + UNKNOWN_SECRET));
  }

  @Test
  void withRedactionTheOutboxStillHoldsTheSentAuthTokens() {
    sendToken(redacting, Fixture.OTHER_LEAD);

    JsonPath outbox =
        given()
            .spec(redacting.adminSpec())
            .queryParam("accessToken", Fixture.OTHER_LEAD)
            .get("/__admin/outbox")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(outbox.getString("messages[0].accessToken")).isEqualTo(Fixture.OTHER_LEAD);
    assertThat(outbox.getString("messages[0].authToken")).matches("\\d{6}");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Requests that carry each credential: found, not found, in other cases and encodings. */
  private static void sendCredentials(RunningMock mock) {
    given()
        .spec(mock.rawSpec())
        .get(CONTACTS + "?secret=" + UNKNOWN_SECRET + "&ip=203.0.113.20")
        .then()
        .statusCode(404);
    given().spec(mock.rawSpec()).get(CONTACTS + "?SECRET=" + Fixture.SECRET).then().statusCode(200);
    given()
        .spec(mock.rawSpec())
        .get(CONTACTS + "?%73ecret=" + Fixture.SECRET)
        .then()
        .statusCode(200);
    given()
        .spec(mock.rawSpec())
        .get(
            LEAD_CONTACT
                + "?accessToken="
                + Fixture.LEAD
                + "&authToken="
                + Fixture.LEAD_TOKEN
                + "&source=web")
        .then()
        .statusCode(200);
    // Read as a parameter named "secret=8Qm…" (a 400), or with a Kelvin sign for the k of
    // accessToken (no accessToken: a 400): the credential is in the request target all the same.
    given()
        .spec(mock.rawSpec())
        .get(CONTACTS + "?secret%3D" + Fixture.SECRET)
        .then()
        .statusCode(400);
    given()
        .spec(mock.rawSpec())
        .get(
            LEAD_CONTACT
                + "?accessTo%E2%84%AAen="
                + Fixture.OTHER_LEAD
                + "&authToken="
                + Fixture.LEAD_TOKEN
                + "&source=web")
        .then()
        .statusCode(400);
    sendToken(mock, Fixture.OTHER_LEAD);
    given()
        .spec(mock.adminSpec())
        .urlEncodingEnabled(false)
        .get("/__admin/outbox?accessToken=" + Fixture.OTHER_LEAD + "&limit=5")
        .then()
        .statusCode(200);
  }

  private static void sendToken(RunningMock mock, String accessToken) {
    given()
        .spec(mock.rawSpec())
        .post("/lms/leads/bytoken/authtoken?accessToken=" + accessToken + "&channel=sms&source=web")
        .then()
        .statusCode(202);
  }

  private static String newestOutboxToken(RunningMock mock) {
    return given()
        .spec(mock.adminSpec())
        .get("/__admin/outbox")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("messages[0].authToken");
  }

  private static JsonPath journal(RunningMock mock) {
    return given()
        .spec(mock.adminSpec())
        .get("/__admin/journal")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The lines of the per-request log. */
  private static List<String> requestLines(RunningMock mock) {
    List<String> lines = mock.requestLogLines();
    assertThat(lines)
        .as("request log lines")
        .isNotEmpty()
        .allMatch(l -> l.contains(" requests - "));
    return lines;
  }
}
