package io.contractkit.wiremock;

import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.ContentNegotiation;
import io.contractkit.mock.http.ProblemBodies;
import io.contractkit.mock.lms.IssuedAuthToken;
import io.contractkit.mock.lms.OutboxMessage;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extension's admin routes, beside WireMock's own under {@code /__admin}: the outbox, fresh
 * authTokens, the clock and a reset, in the shapes of the mock's admin API.
 *
 * <ul>
 *   <li>{@code GET /__admin/contract-kit/outbox}: {@code {"messages": [...]}}, newest first; {@code
 *       DELETE} empties it
 *   <li>{@code POST /__admin/contract-kit/authtokens {"accessToken": ".."}}: 201 {@code
 *       {"accessToken", "authToken", "expiresAt"}}
 *   <li>{@code POST /__admin/contract-kit/clock {"advance": "300s"}} (or ISO-8601, {@code PT5M}):
 *       the clock moved forward
 *   <li>{@code POST /__admin/contract-kit/reset}: 204, the initial state again
 * </ul>
 */
final class AdminRoutes {
  static final String OUTBOX = "/contract-kit/outbox";
  static final String AUTH_TOKENS = "/contract-kit/authtokens";
  static final String CLOCK = "/contract-kit/clock";
  static final String RESET = "/contract-kit/reset";

  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}s");

  private final ContractKitExtension extension;
  private final JsonMapper json;
  private final ProblemBodies problems;

  AdminRoutes(ContractKitExtension extension, JsonMapper json) {
    this.extension = extension;
    this.json = json;
    this.problems = new ProblemBodies(json);
  }

  ResponseDefinition outbox(Admin admin, ServeEvent event, PathParams params) {
    List<Map<String, Object>> messages =
        extension.outbox().stream().map(OutboxMessage::view).toList();
    return send(200, Map.of("messages", messages));
  }

  ResponseDefinition clearOutbox(Admin admin, ServeEvent event, PathParams params) {
    extension.clearOutbox();
    return ApiRoutes.response(204, null, null, null);
  }

  ResponseDefinition mintAuthToken(Admin admin, ServeEvent event, PathParams params) {
    return answer(
        AUTH_TOKENS,
        () -> {
          JsonNode body = body(event);
          JsonNode accessToken = body.get("accessToken");
          if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
            throw ApiProblem.badRequest("'accessToken' must be a non-empty string.");
          }
          IssuedAuthToken token = extension.issue(accessToken.asString());
          Map<String, Object> minted = new LinkedHashMap<>();
          minted.put("accessToken", token.accessToken());
          minted.put("authToken", token.code());
          minted.put("expiresAt", token.expiresAt().toString());
          return send(201, minted);
        });
  }

  ResponseDefinition advanceClock(Admin admin, ServeEvent event, PathParams params) {
    return answer(
        CLOCK,
        () -> {
          JsonNode advance = body(event).get("advance");
          if (advance == null || !advance.isString()) {
            throw ApiProblem.badRequest("'advance' must be a duration such as 300s or PT5M.");
          }
          SteerableClock.Reading reading;
          try {
            reading = extension.advanceClock(duration(advance.asString()));
          } catch (SteerableClock.OutOfRange e) {
            throw ApiProblem.badRequest("The clock cannot move that far.");
          }
          Map<String, Object> clock = new LinkedHashMap<>();
          clock.put("now", reading.now().toString());
          clock.put("offsetSeconds", reading.offset().toSeconds());
          clock.put("frozen", reading.frozen());
          return send(200, clock);
        });
  }

  ResponseDefinition reset(Admin admin, ServeEvent event, PathParams params) {
    extension.reset();
    return ApiRoutes.response(204, null, null, null);
  }

  private static Duration duration(String given) {
    try {
      return SECONDS.matcher(given).matches()
          ? Duration.ofSeconds(Long.parseLong(given.substring(0, given.length() - 1)))
          : Duration.parse(given);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("'advance' must be a duration such as 300s or PT5M.");
    }
  }

  private JsonNode body(ServeEvent event) {
    try {
      JsonNode body = json.readTree(event.getRequest().getBody());
      if (body == null || !body.isObject()) {
        throw ApiProblem.badRequest("The body must be a JSON object.");
      }
      return body;
    } catch (JacksonException e) {
      throw ApiProblem.badRequest("The body must be a JSON object.");
    }
  }

  private ResponseDefinition answer(String route, Supplier<ResponseDefinition> handler) {
    try {
      return handler.get();
    } catch (ApiProblem problem) {
      return ApiRoutes.response(
          problem.status(),
          ProblemBodies.PROBLEM_JSON,
          problems.body(problem, "/__admin" + route),
          null);
    }
  }

  private ResponseDefinition send(int status, Object body) {
    return ApiRoutes.response(
        status, ContentNegotiation.APPLICATION_JSON, json.writeValueAsBytes(body), null);
  }
}
