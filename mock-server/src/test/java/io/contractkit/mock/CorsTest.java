package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.RunningMock;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Browser access: with the default configuration any origin may call both documented operations and
 * read {@code Retry-After}; with a configured list only those origins get CORS headers.
 */
class CorsTest {
  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";
  private static final String FRONTEND = "http://localhost:5173";
  private static final String EVIL = "http://evil.example";

  /** Default CORS configuration (any origin), with the small test throttle. */
  @RegisterExtension static final RunningMock anyOrigin = new RunningMock();

  /** Only the local frontend may call. */
  @RegisterExtension
  static final RunningMock oneOrigin =
      new RunningMock(MockConfig.defaults().withPort(0).withCorsOrigins(List.of(FRONTEND)));

  @ParameterizedTest
  @ValueSource(strings = {CONTACTS, LEAD_CONTACT})
  void aPreflightFromAnyOriginIsAllowedByDefault(String path) {
    Response response = preflight(anyOrigin, path, "http://app.example");

    assertThat(response.statusCode()).isBetween(200, 204);
    assertThat(response.header("Access-Control-Allow-Origin")).isIn("*", "http://app.example");
    assertThat(tokens(response.header("Access-Control-Allow-Methods"))).contains("get");
  }

  @Test
  void aSimpleGetWithAnOriginMayReadTheBodyAndRetryAfter() {
    Response response =
        given()
            .spec(anyOrigin.spec())
            .header("Origin", "http://app.example")
            .queryParam("secret", SECRET)
            .get(CONTACTS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isIn("*", "http://app.example");
    assertThat(tokens(response.header("Access-Control-Expose-Headers"))).contains("retry-after");
  }

  @Test
  void aThrottledAnswerCarriesCorsHeadersSoTheBrowserCanReadRetryAfter() {
    int maxFailures = RunningMock.TEST_THROTTLE.maxFailures();
    for (int i = 0; i < maxFailures; i++) {
      lookup(anyOrigin, "wrong-secret-" + i, "203.0.113.61").then().statusCode(404);
    }

    Response blocked = lookup(anyOrigin, SECRET, "203.0.113.61");

    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.header("Retry-After")).isNotBlank();
    assertThat(blocked.header("Access-Control-Allow-Origin")).isIn("*", "http://app.example");
    assertThat(tokens(blocked.header("Access-Control-Expose-Headers"))).contains("retry-after");
  }

  @ParameterizedTest
  @ValueSource(strings = {CONTACTS, LEAD_CONTACT})
  void aPreflightFromTheConfiguredOriginIsAllowed(String path) {
    Response response = preflight(oneOrigin, path, FRONTEND);

    assertThat(response.statusCode()).isBetween(200, 204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
    assertThat(tokens(response.header("Vary"))).contains("origin");
  }

  @Test
  void aGetFromTheConfiguredOriginGetsItsOriginBack() {
    Response response =
        given()
            .spec(oneOrigin.spec())
            .header("Origin", FRONTEND)
            .queryParam("secret", SECRET)
            .get(CONTACTS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
    assertThat(tokens(response.header("Access-Control-Expose-Headers"))).contains("retry-after");
  }

  @ParameterizedTest
  @ValueSource(strings = {CONTACTS, LEAD_CONTACT})
  void aPreflightFromAnotherOriginGetsNoAllowOrigin(String path) {
    Response response = preflight(oneOrigin, path, EVIL);

    assertThat(response.statusCode()).isLessThan(500);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aGetFromAnotherOriginGetsNoAllowOrigin() {
    Response response =
        given()
            .spec(oneOrigin.spec())
            .header("Origin", EVIL)
            .queryParam("secret", SECRET)
            .get(CONTACTS);

    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    assertThat(response.header("Access-Control-Expose-Headers")).isNull();
  }

  @Test
  void anOriginThatOnlyStartsLikeTheConfiguredOneGetsNoAllowOrigin() {
    Response response = preflight(oneOrigin, CONTACTS, FRONTEND + ".evil.example");

    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  private static Response preflight(RunningMock mock, String path, String origin) {
    return given()
        .spec(mock.spec())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "GET")
        .options(path);
  }

  private static Response lookup(RunningMock mock, String secret, String ip) {
    return given()
        .spec(mock.spec())
        .header("Origin", "http://app.example")
        .queryParam("secret", secret)
        .queryParam("ip", ip)
        .get(CONTACTS);
  }

  /** A comma-separated header as lower-case tokens; empty when the header is absent. */
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
