package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A path the mock has no route for is a 404 problem for every method -- OPTIONS and a CORS
 * preflight included, which must not look as if the path existed -- and is journalled as a 404.
 */
class UnknownRouteTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema PROBLEM = new SchemaCatalog().schema("Problem.schema.json");
  private static final String PREFLIGHT =
      "Origin: http://app.example\r\nAccess-Control-Request-Method: GET\r\n";

  static Stream<Arguments> everyMethodOnUnknownPaths() {
    return Stream.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND")
        .flatMap(
            method ->
                Stream.of("/nope", "/api/v1/Contact", "/__admin/nope", "/lms/leads")
                    .map(path -> Arguments.of(method, path)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyMethodOnUnknownPaths")
  void anUnknownRouteIsA404ProblemWhateverTheMethod(String method, String path) throws IOException {
    assertIsNotFoundProblem(RawHttp.request(mock.port(), method, path, ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/api/v1/Contact", "/__admin/nope"})
  void aPreflightToAnUnknownRouteIsA404Problem(String path) throws IOException {
    assertIsNotFoundProblem(RawHttp.request(mock.port(), "OPTIONS", path, PREFLIGHT));
  }

  @Test
  void aPreflightToAKnownRouteIsStillAnsweredWithoutBody() throws IOException {
    RawHttp.Response response =
        RawHttp.request(mock.port(), "OPTIONS", "/api/v1/Contacts", PREFLIGHT);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Allow")).isEqualTo("GET, OPTIONS");
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void anOptionsRequestToAnUnknownRouteIsJournalledAsA404() throws IOException {
    RawHttp.request(mock.port(), "OPTIONS", "/nope", PREFLIGHT);

    JsonNode newest =
        JSON.readTree(RawHttp.get(mock.port(), "/__admin/journal?limit=1").body())
            .path("requests")
            .get(0);
    assertThat(newest.path("method").asString()).isEqualTo("OPTIONS");
    assertThat(newest.path("path").asString()).isEqualTo("/nope");
    assertThat(newest.path("status").asInt()).isEqualTo(404);
  }

  private static void assertIsNotFoundProblem(RawHttp.Response response) {
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(PROBLEM.validate(problem)).isEmpty();
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("detail").asString()).contains("no resource at this path");
  }
}
