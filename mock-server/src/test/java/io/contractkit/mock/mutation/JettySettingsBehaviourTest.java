package io.contractkit.mock.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server settings a client can see: request headers up to 16 KiB are read, no Server header
 * names the implementation, and what Jetty refuses is still a problem+json answer.
 */
class JettySettingsBehaviourTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LOOKUP = "/api/v1/Contacts?secret=" + Fixture.SECRET;

  @Test
  void headersOfTwelveKibibytesAreRead() throws IOException {
    RawHttp.Response response =
        RawHttp.request(mock.port(), "GET", LOOKUP, "X-Filler: " + "h".repeat(12 * 1024) + "\r\n");

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void noServerHeaderNamesTheImplementation() throws IOException {
    RawHttp.Response ok = RawHttp.get(mock.port(), LOOKUP);
    RawHttp.Response refused =
        RawHttp.request(mock.port(), "GET", LOOKUP, "X-Filler: " + "h".repeat(20 * 1024) + "\r\n");

    assertThat(ok.header("Server")).isNull();
    assertThat(refused.header("Server")).isNull();
  }

  @Test
  void aRequestJettyRefusesIsAProblemWithoutInstance() throws IOException {
    RawHttp.Response response =
        RawHttp.request(mock.port(), "GET", LOOKUP, "X-Filler: " + "h".repeat(20 * 1024) + "\r\n");

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asString())
        .isEqualTo("https://contract-kit.example/problems/unreadable-request");
    assertThat(problem.path("status").asInt()).isEqualTo(431);
    assertThat(problem.path("detail").asString()).isEqualTo("The request headers are too large.");
    assertThat(problem.has("instance")).isFalse();
  }

  @Test
  void aRawLineFeedInTheTargetIsAMalformedRequestProblem() throws IOException {
    RawHttp.Response response = RawHttp.get(mock.port(), "/api/v1/Contacts?secret=a\nb");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
    assertThat(problem.path("detail").asString())
        .isEqualTo(
            "The request line is malformed or names an HTTP version other than HTTP/1.1 or"
                + " HTTP/1.0.");
  }
}
