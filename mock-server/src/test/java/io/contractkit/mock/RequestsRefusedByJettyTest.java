package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Jetty refuses before the mock routes a request is a problem+json answer for every method --
 * the standard ones, WebDAV's and made-up ones alike -- with the same status and detail as for a
 * GET, {@code Cache-Control: no-store}, and nothing of the request echoed. (Jetty's own error
 * handler writes a body only for GET, POST and HEAD; a fuzzer found DELETE, PUT and PATCH answers
 * without body or content type.)
 */
class RequestsRefusedByJettyTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema PROBLEM = new SchemaCatalog().schema("Problem.schema.json");

  private static final List<String> METHODS =
      List.of(
          "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO");

  /** A request Jetty refuses, built for a method; the answer and a part of its detail. */
  enum Refusal {
    HEADER_LINE_WITHOUT_COLON(
        m ->
            m
                + " /api/v1/Contacts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nno-colon-here\r\n",
        400,
        "a header"),
    TWO_CONTENT_LENGTHS(
        m ->
            m
                + " /__admin/outbox HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: 1\r\nContent-Length: 2\r\n",
        400,
        "a header"),
    NO_HOST_HEADER(m -> m + " /api/v1/Contacts HTTP/1.1\r\nConnection: close\r\n", 400, "a header"),
    UNSUPPORTED_TRANSFER_ENCODING(
        m ->
            m
                + " /__admin/journal HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: gzip\r\n",
        400,
        "a header"),
    INVALID_UTF8_IN_THE_PATH(
        m -> m + " /api/v1/%C3%28 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n",
        400,
        "encoding"),
    TARGET_TOO_LONG(
        m ->
            m
                + " /api/v1/Contacts?secret="
                + Fixture.SECRET
                + "t".repeat(17_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n",
        414,
        "target is too long",
        true),
    HEADERS_TOO_LARGE(
        m ->
            m
                + " /__admin/outbox HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: "
                + "h".repeat(17_000)
                + "\r\n",
        431,
        "headers are too large"),
    HTTP_2_REQUEST_LINE(
        m -> m + " /api/v1/Contacts HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n",
        426,
        "HTTP/1.1"),
    UNKNOWN_HTTP_VERSION(
        m -> m + " /api/v1/Contacts HTTP/3.0\r\nHost: localhost\r\nConnection: close\r\n",
        400,
        "HTTP version",
        true),
    UNMET_EXPECTATION(
        m ->
            m
                + " /api/v1/Contacts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nExpect: 100-later\r\n",
        417,
        "100-continue");

    final Function<String, String> request;
    final int status;
    final String detail;

    /** Refused while reading the request line: the server cannot know the method was HEAD. */
    final boolean requestLineRefused;

    Refusal(Function<String, String> request, int status, String detail) {
      this(request, status, detail, false);
    }

    Refusal(
        Function<String, String> request, int status, String detail, boolean requestLineRefused) {
      this.request = request;
      this.status = status;
      this.detail = detail;
      this.requestLineRefused = requestLineRefused;
    }
  }

  static Stream<Arguments> everyMethodWithEveryRefusal() {
    return Stream.of(Refusal.values())
        .flatMap(refusal -> METHODS.stream().map(method -> Arguments.of(method, refusal)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyMethodWithEveryRefusal")
  void aRefusedRequestIsAProblemWhateverItsMethod(String method, Refusal refusal)
      throws IOException {
    RawHttp.Response response = RawHttp.raw(mock.port(), refusal.request.apply(method));

    assertThat(response.status()).isEqualTo(refusal.status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    if (method.equals("HEAD") && !refusal.requestLineRefused) {
      assertThat(response.body()).isEmpty();
      return;
    }
    JsonNode problem = JSON.readTree(response.body());
    assertThat(PROBLEM.validate(problem)).isEmpty();
    assertThat(problem.path("status").asInt()).isEqualTo(refusal.status);
    assertThat(problem.path("detail").asString()).contains(refusal.detail);
    assertThat(problem.has("instance")).isFalse();
    assertThat(response.body()).doesNotContain(Fixture.SECRET).doesNotContain("hhhhhhhh");
  }
}
