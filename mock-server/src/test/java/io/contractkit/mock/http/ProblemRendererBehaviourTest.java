package io.contractkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.CapturedStandardError;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoints;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one renderer of errors, on a recording stand-in for Javalin's context: every kind of failure,
 * also those no request can provoke today (a 5xx from Javalin, an unexpected exception), becomes
 * the problem+json answer it should be.
 */
class ProblemRendererBehaviourTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final ProblemRenderer renderer = new ProblemRenderer(JSON);

  /** What the renderer did to the context. */
  private static final class Answer {
    int status;
    String contentType;
    byte[] body;
    final Map<String, String> headers = new HashMap<>();

    JsonNode json() {
      return JSON.readTree(new String(body, StandardCharsets.UTF_8));
    }
  }

  private static Context context(Answer answer) {
    return (Context)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "status" -> {
                    answer.status = (Integer) args[0];
                    yield proxy;
                  }
                  case "contentType" -> {
                    answer.contentType = (String) args[0];
                    yield proxy;
                  }
                  case "result" -> {
                    answer.body = (byte[]) args[0];
                    yield proxy;
                  }
                  case "header" -> {
                    answer.headers.put((String) args[0], (String) args[1]);
                    yield proxy;
                  }
                  case "path" -> "/some/path";
                  case "method" -> HandlerType.PUT;
                  case "endpoints" -> new Endpoints(); // no route matched
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aProblemIsRenderedWithItsStatusTypeRetryAfterAndInstance() {
    Answer answer = new Answer();

    renderer.render(ApiProblem.tooManyRequests(7), context(answer));

    assertThat(answer.status).isEqualTo(429);
    assertThat(answer.contentType).isEqualTo("application/problem+json");
    assertThat(answer.headers).containsEntry("Retry-After", "7");
    JsonNode body = answer.json();
    assertThat(body.path("type").asString())
        .isEqualTo("https://contract-kit.example/problems/too-many-requests");
    assertThat(body.path("title").asString()).isEqualTo("Too many failed lookups");
    assertThat(body.path("status").asInt()).isEqualTo(429);
    assertThat(body.path("detail").asString())
        .isEqualTo("Too many failed lookups from this ip; retry after 7 seconds.");
    assertThat(body.path("instance").asString()).isEqualTo("/some/path");
    assertThat(body.has("parameter")).isFalse();
  }

  @Test
  void aParameterProblemNamesItsParameterAndHasNoRetryAfter() {
    Answer answer = new Answer();

    renderer.render(ApiProblem.invalidParameter("ip", "must be an address"), context(answer));

    assertThat(answer.status).isEqualTo(400);
    assertThat(answer.headers).doesNotContainKey("Retry-After");
    assertThat(answer.json().path("parameter").asString()).isEqualTo("ip");
  }

  @Test
  void aBodyWithoutInstanceLeavesItOut() {
    JsonNode body = JSON.readTree(renderer.body(ApiProblem.conflict("Taken."), null));

    assertThat(body.has("instance")).isFalse();
    assertThat(body.path("status").asInt()).isEqualTo(409);
    assertThat(body.path("type").asString())
        .isEqualTo("https://contract-kit.example/problems/conflict");
  }

  @Test
  void javalinsNotFoundNamesTheMethodButNeverEchoesThePath() {
    Answer answer = new Answer();

    renderer.render(new HttpResponseException(404), context(answer));

    assertThat(answer.status).isEqualTo(404);
    assertThat(answer.json().path("title").asString()).isEqualTo("No such resource");
    assertThat(answer.json().path("detail").asString())
        .isEqualTo("The mock has no resource at this path for PUT.");
    assertThat(answer.json().has("instance")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 413, 499})
  void javalinsOtherClientErrorsAreABadRequest(int status) {
    Answer answer = new Answer();

    renderer.render(new HttpResponseException(status), context(answer));

    assertThat(answer.status).isEqualTo(400);
    assertThat(answer.contentType).isEqualTo("application/problem+json");
    assertThat(answer.json().path("detail").asString()).isEqualTo("The request could not be read.");
  }

  @ParameterizedTest
  @ValueSource(ints = {399, 500, 503})
  void javalinsOtherAnswersAreAnInternalErrorProblem(int status) {
    Answer answer = new Answer();

    String log;
    try (CapturedStandardError captured = CapturedStandardError.start()) {
      renderer.render(new HttpResponseException(status), context(answer));
      log = captured.text();
    }

    assertThat(answer.status).isEqualTo(500);
    assertThat(answer.json().path("type").asString())
        .isEqualTo("https://contract-kit.example/problems/internal-error");
    assertThat(log).contains("ERROR ProblemRenderer - Unexpected failure on PUT /some/path");
  }

  @Test
  void anUnexpectedExceptionIsAnInternalErrorThatLeaksNothing() {
    Answer answer = new Answer();

    String log;
    try (CapturedStandardError captured = CapturedStandardError.start()) {
      renderer.render(new IllegalStateException("secret-detail-42"), context(answer));
      log = captured.text();
    }

    // The details go to the mock's log, for its operator, and never into the answer.
    assertThat(log)
        .contains("ERROR ProblemRenderer - Unexpected failure on PUT /some/path")
        .contains("java.lang.IllegalStateException: secret-detail-42");
    assertThat(answer.status).isEqualTo(500);
    assertThat(answer.contentType).isEqualTo("application/problem+json");
    assertThat(new String(answer.body, StandardCharsets.UTF_8)).doesNotContain("secret-detail-42");
    assertThat(answer.json().path("detail").asString())
        .isEqualTo("The mock failed to answer this request; its log has the details.");
  }
}
