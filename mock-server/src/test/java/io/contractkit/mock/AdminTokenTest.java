package io.contractkit.mock;

import static io.contractkit.mock.support.SchemaAssertions.assertValid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mock with an admin token: every admin endpoint but {@code GET /__admin/health} needs {@code
 * Authorization: Bearer <token>}; without it, or with another token, the answer is a 401 problem
 * with {@code WWW-Authenticate: Bearer}, nothing happens, and the token is never echoed.
 */
class AdminTokenTest {
  private static final String TOKEN = "s3cure-Admin-T0ken_4711";
  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final String DASHBOARD = "http://dashboard.example";
  private static final String MINT_BODY = "{\"accessToken\":\"" + Fixture.LEAD + "\"}";
  private static final String FAULT_RULE = "{\"route\":\"contacts\",\"fault\":{\"status\":503}}";

  @RegisterExtension
  static final RunningMock mock =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withAdminToken(TOKEN)
              .withAdminCorsOrigins(List.of(DASHBOARD)));

  /** Every admin route, with a wrong method and odd spellings of the path too. */
  static Stream<Arguments> adminRequests() {
    return Stream.of(
        Arguments.of("POST", "/__admin/reset", ""),
        Arguments.of("GET", "/__admin/outbox", ""),
        Arguments.of("DELETE", "/__admin/outbox", ""),
        Arguments.of("GET", "/__admin/journal", ""),
        Arguments.of("DELETE", "/__admin/journal", ""),
        Arguments.of("POST", "/__admin/authtokens", MINT_BODY),
        Arguments.of("GET", "/__admin/faults", ""),
        Arguments.of("POST", "/__admin/faults", FAULT_RULE),
        Arguments.of("DELETE", "/__admin/faults", ""),
        Arguments.of("DELETE", "/__admin/faults/fault-1", ""),
        Arguments.of("PUT", "/__admin/reset", ""),
        Arguments.of("GET", "/__admin/authtokens", ""),
        Arguments.of("POST", "/__ADMIN/Reset", ""),
        Arguments.of("GET", "/__admin/outbox/", ""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("adminRequests")
  void anAdminRequestWithoutATokenIsA401ProblemWithWwwAuthenticate(
      String method, String path, String body) {
    Response response = send(given().spec(mock.spec()), method, path, body);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    assertValid("Problem.schema.json", response.asString());
    assertThat(response.jsonPath().getString("detail")).contains("Authorization: Bearer");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("adminRequests")
  void anAdminRequestWithAWrongTokenIsA401ThatDoesNotEchoAnyToken(
      String method, String path, String body) {
    String wrong = "wrong-" + TOKEN;
    Response response =
        send(
            given().spec(mock.spec()).header("Authorization", "Bearer " + wrong),
            method,
            path,
            body);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    assertThat(response.asString()).doesNotContain(TOKEN);
    assertThat(response.headers().toString()).doesNotContain(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer",
        "Bearer ",
        "Basic " + TOKEN,
        TOKEN,
        "Bearer " + "s3cure-Admin-T0ken_471",
        "Bearer " + TOKEN + "1",
        "Bearer " + "S3CURE-ADMIN-T0KEN_4711",
        "Bearer " + TOKEN + " " + TOKEN
      })
  void anythingButTheExactBearerTokenIsRefused(String authorization) {
    Response response =
        given().spec(mock.spec()).header("Authorization", authorization).get("/__admin/journal");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("adminRequests")
  void theRightTokenOpensEveryAdminRoute(String method, String path, String body) {
    Response response = send(given().spec(mock.adminSpec()), method, path, body);

    assertThat(response.statusCode()).isNotEqualTo(401).isLessThan(500);
  }

  @Test
  void theAuthSchemeIsCaseInsensitive() {
    given()
        .spec(mock.spec())
        .header("Authorization", "bearer " + TOKEN)
        .get("/__admin/journal")
        .then()
        .statusCode(200);
  }

  @Test
  void aRefusedResetResetsNothing() {
    assertThat(leadName(Fixture.LEAD_TOKEN)).isEqualTo("Jürgen Weiß");

    given()
        .spec(mock.spec())
        .header("Authorization", "Bearer nope")
        .post("/__admin/reset")
        .then()
        .statusCode(401);

    assertThat(leadName(Fixture.LEAD_TOKEN)).isNull();
  }

  @Test
  void aRefusedMintMintsNothing() {
    given()
        .spec(mock.spec())
        .contentType("application/json")
        .body("{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"777111\"}")
        .post("/__admin/authtokens")
        .then()
        .statusCode(401);

    assertThat(leadName("777111")).isNull();
  }

  @Test
  void aRefusedFaultRuleAddsNoFault() {
    given()
        .spec(mock.spec())
        .contentType("application/json")
        .body(FAULT_RULE)
        .post("/__admin/faults")
        .then()
        .statusCode(401);

    given()
        .spec(mock.spec())
        .queryParam("secret", Fixture.SECRET)
        .get(CONTACTS)
        .then()
        .statusCode(200);
  }

  @Test
  void healthStaysOpenForLoadBalancerProbes() {
    given().spec(mock.spec()).get("/__admin/health").then().statusCode(200);
  }

  @Test
  void theDocumentedApisAndTokenSendingNeedNoAdminToken() {
    given()
        .spec(mock.spec())
        .queryParam("secret", Fixture.SECRET)
        .get(CONTACTS)
        .then()
        .statusCode(200);
    assertThat(leadName(Fixture.LEAD_TOKEN)).isEqualTo("Jürgen Weiß");
    given()
        .spec(mock.spec())
        .queryParam("accessToken", Fixture.LEAD)
        .queryParam("channel", "email")
        .queryParam("source", "web")
        .post("/lms/leads/bytoken/authtoken")
        .then()
        .statusCode(202);
  }

  @Test
  void aCorsPreflightToAnAdminRouteNeedsNoTokenAndAllowsTheAuthorizationHeader() {
    Response response =
        given()
            .spec(mock.spec())
            .header("Origin", DASHBOARD)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .options("/__admin/outbox");

    assertThat(response.statusCode()).isBetween(200, 204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
    assertThat(tokens(response.header("Access-Control-Allow-Headers"))).contains("authorization");
  }

  @Test
  void aBrowserDashboardCanReadTheRefusalAndTheAnswerWithTheToken() {
    Response refused = given().spec(mock.spec()).header("Origin", DASHBOARD).get("/__admin/outbox");
    Response allowed =
        given().spec(mock.adminSpec()).header("Origin", DASHBOARD).get("/__admin/outbox");

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
    assertThat(tokens(refused.header("Access-Control-Expose-Headers")))
        .contains("www-authenticate");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
  }

  @Test
  void refusedAdminRequestsAreInTheJournal() {
    given().spec(mock.spec()).get("/__admin/outbox").then().statusCode(401);

    Response journal = given().spec(mock.adminSpec()).get("/__admin/journal");

    assertThat(journal.jsonPath().getList("requests.path", String.class))
        .contains("/__admin/outbox");
    assertThat(journal.jsonPath().getList("requests.status", Integer.class)).contains(401);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Response send(RequestSpecification spec, String method, String path, String body) {
    if (!body.isEmpty()) {
      spec = spec.contentType("application/json").body(body);
    }
    return spec.request(method, path);
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
