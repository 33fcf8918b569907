package io.contractkit.mock;

import static io.contractkit.mock.support.SchemaAssertions.assertValid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A web page the developer happens to visit must not read the admin API (authTokens, names, phone
 * numbers) or change the mock's state. By default no origin gets CORS headers on an admin answer,
 * and an admin request with an {@code Origin} that is not allowed is a 403 that changes nothing;
 * {@code --admin-cors-origin} names the pages that may. The documented APIs and the send-token
 * route keep {@code --cors-origin} (any by default): frontends call them from the browser.
 */
class AdminBrowserAccessTest {
  private static final String EVIL = "http://evil.example";
  private static final String DASHBOARD = "http://localhost:5173";
  private static final String MINT_BODY = "{\"accessToken\":\"" + Fixture.LEAD + "\"}";
  private static final String CHOSEN_CODE = "777555";
  private static final String MINT_CHOSEN_CODE =
      "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"" + CHOSEN_CODE + "\"}";
  private static final String SEND_TOKEN = "/lms/leads/bytoken/authtoken";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";

  /** The defaults: any origin for the APIs, none for the admin API. */
  @RegisterExtension static final RunningMock mock = new RunningMock();

  /** A dashboard and a family of tool pages may call the admin API. */
  @RegisterExtension
  static final RunningMock withDashboard =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withAdminCorsOrigins(List.of(DASHBOARD, "http://*.tools.example.test")));

  /** Every state-changing admin request, and what a page could send it with. */
  static Stream<Arguments> stateChangingRequests() {
    return Stream.of(
        Arguments.of("POST", "/__admin/reset", "text/plain", "x"),
        Arguments.of("POST", "/__admin/reset", null, null),
        Arguments.of("DELETE", "/__admin/outbox", null, null),
        Arguments.of("DELETE", "/__admin/journal", null, null),
        Arguments.of("POST", "/__admin/authtokens", "application/json", MINT_CHOSEN_CODE),
        Arguments.of("POST", "/__admin/authtokens", "text/plain", MINT_CHOSEN_CODE));
  }

  // --- reading ---------------------------------------------------------------------------------

  @Test
  void aPageFromAnotherOriginCannotReadTheOutbox() {
    String token = sendTokenAndReadItFromTheOutbox();

    Response answer =
        given().spec(mock.spec()).header("Origin", EVIL).get("/__admin/outbox?limit=10");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    assertThat(answer.asString()).doesNotContain(token).doesNotContain("Jürgen");
    assertProblem(answer, 403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "DELETE"})
  void aPreflightFromAnotherOriginToTheAdminApiGetsNoCorsHeaders(String method) {
    Response answer =
        given()
            .spec(mock.spec())
            .header("Origin", EVIL)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "content-type")
            .options("/__admin/outbox");

    assertThat(answer.statusCode()).isEqualTo(204); // a preflight is not refused, only not allowed
    assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
    assertThat(answer.header("Access-Control-Allow-Headers")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "/__admin, false",
    "/__admin/, false",
    "/__ADMIN/Outbox, false",
    "/__admin/nope, false",
    "/__adminx, true",
    "/__admi, true",
    "/nowhere, true",
    "/api/v1/Contacts, true"
  })
  void everyPathBelowAdminTakesTheAdminOriginsAndEveryOtherTheApiOrigins(
      String path, boolean corsForAnyOrigin) {
    Response answer = given().spec(mock.spec()).header("Origin", EVIL).get(path);

    assertThat(answer.header("Access-Control-Allow-Origin"))
        .isEqualTo(corsForAnyOrigin ? "*" : null);
  }

  @Test
  void anOriginAllowedForTheApisIsNotAllowedForTheAdminApi() {
    // The default --cors-origin is *: it does not reach the admin API.
    Response health = given().spec(mock.spec()).header("Origin", DASHBOARD).get("/__admin/health");
    Response contacts =
        given()
            .spec(mock.spec())
            .header("Origin", DASHBOARD)
            .queryParam("secret", Fixture.SECRET)
            .get("/api/v1/Contacts");

    assertThat(health.statusCode()).isEqualTo(403);
    assertThat(health.header("Access-Control-Allow-Origin")).isNull();
    assertThat(contacts.statusCode()).isEqualTo(200);
    assertThat(contacts.header("Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @Test
  void programsWithoutAnOriginUseTheAdminApiAsBefore() {
    String token = sendTokenAndReadItFromTheOutbox();

    assertThat(token).matches("\\d{6}");
    given().spec(mock.spec()).post("/__admin/reset").then().statusCode(204);
  }

  // --- changing state --------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1} ({2})")
  @MethodSource("stateChangingRequests")
  void aStateChangingAdminRequestFromAnotherOriginIsA403ThatChangesNothing(
      String method, String path, String contentType, String body) {
    assertThat(leadName(Fixture.LEAD_TOKEN)).isEqualTo("Jürgen Weiß"); // used up: reset restores
    String sent = sendTokenAndReadItFromTheOutbox();
    int journalBefore = journalTotal();

    Response answer =
        send(given().spec(mock.spec()).header("Origin", EVIL), method, path, contentType, body);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertProblem(answer, 403);
    assertThat(answer.jsonPath().getString("detail")).contains("--admin-cors-origin");
    assertThat(answer.asString()).doesNotContain(EVIL);
    assertThat(leadName(Fixture.LEAD_TOKEN)).as("not reset").isNull();
    assertThat(outboxTokens()).as("outbox not emptied").contains(sent);
    assertThat(journalTotal()).as("journal not emptied").isGreaterThan(journalBefore);
    assertThat(leadName(CHOSEN_CODE)).as("nothing minted").isNull();
  }

  @Test
  void aResetFromASandboxedPageWithOriginNullIsRefused() {
    assertThat(leadName(Fixture.LEAD_TOKEN)).isEqualTo("Jürgen Weiß");

    Response answer = given().spec(mock.spec()).header("Origin", "null").post("/__admin/reset");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(leadName(Fixture.LEAD_TOKEN)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/jsonx",
        "text/json"
      })
  void aMintWithoutAJsonContentTypeIsA415ThatMintsNothing(String contentType) throws IOException {
    RawHttp.Response answer =
        RawHttp.request(
            mock.port(),
            "POST",
            "/__admin/authtokens",
            "Content-Type: " + contentType + "\r\n",
            "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"777222\"}");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertValid("Problem.schema.json", answer.body());
    assertThat(answer.body()).contains("application/json");
    assertThat(leadName("777222")).isNull();
  }

  @Test
  void aMintWithoutAnyContentTypeIsA415() throws IOException {
    RawHttp.Response answer =
        RawHttp.request(mock.port(), "POST", "/__admin/authtokens", "", MINT_BODY);

    assertThat(answer.status()).isEqualTo(415);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        " application/json ;charset=UTF-8",
        "application/vnd.contract-kit+json"
      })
  void aMintWithAJsonContentTypeMints(String contentType) {
    Response answer =
        given()
            .spec(mock.spec())
            .contentType(contentType)
            .body("{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"777333\"}")
            .post("/__admin/authtokens");

    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(leadName("777333")).isEqualTo("Jürgen Weiß");
  }

  @Test
  void aPageTheMockServedItselfMayCallTheAdminApi() {
    // The mock's own origin: the developer's browser console on one of its answers.
    String own = "http://127.0.0.1:" + mock.port();
    String otherName = "http://localhost:" + mock.port();
    String otherPort = "http://127.0.0.1:" + (mock.port() == 65535 ? 1 : mock.port() + 1);

    assertThat(given().spec(mock.spec()).header("Origin", own).post("/__admin/reset").statusCode())
        .isEqualTo(204);
    assertThat(
            given()
                .spec(mock.spec())
                .header("Origin", own.toUpperCase(Locale.ROOT))
                .post("/__admin/reset")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            given()
                .spec(mock.spec())
                .header("Origin", otherName)
                .post("/__admin/reset")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            given()
                .spec(mock.spec())
                .header("Origin", otherPort)
                .post("/__admin/reset")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            given()
                .spec(mock.spec())
                .header("Origin", "127.0.0.1:" + mock.port())
                .post("/__admin/reset")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            given()
                .spec(mock.spec())
                .header("Origin", "://127.0.0.1:" + mock.port())
                .post("/__admin/reset")
                .statusCode())
        .isEqualTo(403);
  }

  // --- allowed origins -------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        DASHBOARD,
        "HTTP://LOCALHOST:5173",
        "http://a.tools.example.test",
        "http://b.c.tools.example.test"
      })
  void anAllowedOriginReadsTheOutboxAndGetsItsOriginBack(String origin) {
    Response answer =
        given().spec(withDashboard.spec()).header("Origin", origin).get("/__admin/outbox");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(origin);
    assertThat(tokens(answer.header("Vary"))).contains("origin");
    assertThat(tokens(answer.header("Access-Control-Expose-Headers")))
        .contains("retry-after", "www-authenticate", "allow");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://tools.example.test",
        "https://a.tools.example.test",
        "http://a.tools.example.test:8080",
        "http://a.tools.example.test.evil.example",
        "http://evil.example/.tools.example.test",
        "http://localhost:5174",
        "https://localhost:5173",
        "http://localhost:51733",
        "null"
      })
  void anotherOriginIsRefusedByTheMockThatAllowsADashboard(String origin) {
    Response read =
        given().spec(withDashboard.spec()).header("Origin", origin).get("/__admin/outbox");
    Response preflight =
        given()
            .spec(withDashboard.spec())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .options("/__admin/reset");

    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    assertThat(tokens(read.header("Vary"))).contains("origin");
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void anAllowedOriginsPreflightForAJsonMintIsAnswered() {
    Response answer =
        given()
            .spec(withDashboard.spec())
            .header("Origin", DASHBOARD)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .options("/__admin/authtokens");

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
    assertThat(tokens(answer.header("Access-Control-Allow-Methods"))).contains("post");
    assertThat(tokens(answer.header("Access-Control-Allow-Headers"))).contains("content-type");
  }

  @Test
  void anAllowedOriginResetsAndMints() {
    given()
        .spec(withDashboard.spec())
        .header("Origin", DASHBOARD)
        .contentType("application/json")
        .body("{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"777444\"}")
        .post("/__admin/authtokens")
        .then()
        .statusCode(201)
        .header("Access-Control-Allow-Origin", DASHBOARD);

    Response reset =
        given().spec(withDashboard.spec()).header("Origin", DASHBOARD).post("/__admin/reset");

    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(reset.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
  }

  @Test
  void anyOriginForTheAdminApiIsRefusedWithoutAnAdminTokenAndAllowedWithOne() {
    MockConfig any =
        MockConfig.defaults().withPort(0).withRequestLog(false).withAdminCorsOrigins(List.of("*"));

    assertThatThrownBy(() -> MockServer.start(any))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--admin-cors-origin * lets every web page call the admin API");
    try (MockServer server = MockServer.start(any.withAdminToken("t0ken"))) {
      String base = server.baseUri().toString();
      Response withToken =
          given()
              .baseUri(base)
              .header("Origin", EVIL)
              .header("Authorization", "Bearer t0ken")
              .get("/__admin/outbox");
      Response withoutToken = given().baseUri(base).header("Origin", EVIL).post("/__admin/reset");

      assertThat(withToken.statusCode()).isEqualTo(200);
      assertThat(withToken.header("Access-Control-Allow-Origin")).isEqualTo("*");
      assertThat(withoutToken.statusCode()).isEqualTo(401);
      assertThat(withoutToken.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
  }

  // --- the send-token route stays a browser API ------------------------------------------------

  @Test
  void anyPageMaySendATokenAndReadTheAnswerWhichHoldsNoToken() {
    Response answer =
        given()
            .spec(mock.spec())
            .header("Origin", EVIL)
            .queryParam("accessToken", Fixture.LEAD)
            .queryParam("channel", "sms")
            .queryParam("source", "web")
            .post(SEND_TOKEN);
    String token = outboxTokens().get(0);

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(answer.jsonPath().getMap("$").keySet())
        .containsExactlyInAnyOrder("messageId", "channel", "recipient", "expiresAt");
    assertThat(answer.asString()).doesNotContain(token).doesNotContain("authToken");
    assertThat(answer.jsonPath().getString("recipient")).startsWith("***");
  }

  @Test
  void theDocumentedApisKeepAnsweringAnyOriginWhenADashboardIsAllowed() {
    Response answer =
        given()
            .spec(withDashboard.spec())
            .header("Origin", EVIL)
            .queryParam("accessToken", Fixture.LEAD)
            .queryParam("authToken", Fixture.LEAD_TOKEN)
            .queryParam("source", "web")
            .get(LEAD_CONTACT);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(answer.header("Vary")).isNull();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Response send(
      RequestSpecification spec, String method, String path, String contentType, String body) {
    if (contentType != null) {
      spec = spec.contentType(contentType).body(body);
    }
    return spec.request(method, path);
  }

  private static void assertProblem(Response answer, int status) {
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertValid("Problem.schema.json", answer.asString());
    assertThat(answer.jsonPath().getInt("status")).isEqualTo(status);
  }

  /** Sends lead 1 a fresh token by SMS (no Origin) and reads it from the outbox. */
  private static String sendTokenAndReadItFromTheOutbox() {
    given()
        .spec(mock.spec())
        .queryParam("accessToken", Fixture.LEAD)
        .queryParam("channel", "sms")
        .queryParam("source", "web")
        .post(SEND_TOKEN)
        .then()
        .statusCode(202);
    return outboxTokens().get(0);
  }

  private static List<String> outboxTokens() {
    return given()
        .spec(mock.spec())
        .get("/__admin/outbox")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("messages.authToken", String.class);
  }

  private static int journalTotal() {
    return given().spec(mock.spec()).get("/__admin/journal").jsonPath().getInt("total");
  }

  /** The lead's name when {@code authToken} releases lead 1, or null. */
  private static String leadName(String authToken) {
    return given()
        .spec(mock.spec())
        .queryParam("accessToken", Fixture.LEAD)
        .queryParam("authToken", authToken)
        .queryParam("source", "web")
        .get(LEAD_CONTACT)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("name");
  }

  private static List<String> tokens(String header) {
    if (header == null) {
      return List.of();
    }
    return Arrays.stream(header.split(","))
        .map(t -> t.trim().toLowerCase(Locale.ROOT))
        .filter(t -> !t.isEmpty())
        .toList();
  }
}
