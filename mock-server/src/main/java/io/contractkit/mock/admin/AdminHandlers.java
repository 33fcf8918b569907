package io.contractkit.mock.admin;

import io.contractkit.mock.MockState;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.ServedData;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.JsonRequestBody;
import io.contractkit.mock.http.QueryParameters;
import io.contractkit.mock.lms.AuthTokenIssuer;
import io.contractkit.mock.lms.Channel;
import io.contractkit.mock.lms.IssuedAuthToken;
import io.contractkit.mock.lms.OutboxMessage;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The handlers of the admin API under {@code /__admin}; {@code Routes} lists them. */
public final class AdminHandlers {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;

  /** The largest body the admin API reads (a fault rule excepted). */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  /** Ten years: long enough for any test, short enough to stay a valid RFC 3339 date. */
  static final long MAX_TTL_SECONDS = 10L * 366 * 24 * 3600;

  private final MockState state;
  private final AuthTokenIssuer issuer;
  private final JsonMapper json;
  private final Instant startedAt;
  private final boolean watching;

  /** {@code watching}: whether the fixtures folder is watched for changes. */
  public AdminHandlers(
      MockState state,
      AuthTokenIssuer issuer,
      JsonMapper json,
      Instant startedAt,
      boolean watching) {
    this.state = state;
    this.issuer = issuer;
    this.json = json;
    this.startedAt = startedAt;
    this.watching = watching;
  }

  public void health(Context ctx) {
    Fixtures served = state.data().get();
    ServedData.Status status = state.data().status();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("contacts", served.contactsBySecret().size());
    body.put("leads", served.leadsByAccessToken().size());
    body.put("startedAt", startedAt.toString());
    Map<String, Object> fixtures = new LinkedHashMap<>();
    fixtures.put("source", status.source());
    fixtures.put("loadedAt", status.loadedAt().toString());
    fixtures.put("lastError", status.lastError());
    fixtures.put("reloads", status.reloads());
    fixtures.put("watching", watching);
    body.put("fixtures", fixtures);
    send(ctx, 200, body);
  }

  public void reset(Context ctx) {
    state.reset();
    ctx.status(204);
  }

  public void outbox(Context ctx) {
    QueryParameters query = QueryParameters.parse(ctx.queryString());
    Optional<String> accessToken = query.optional("accessToken");
    Optional<Channel> channel =
        query
            .optional("channel")
            .map(
                name ->
                    Channel.fromWireName(name)
                        .orElseThrow(
                            () -> ApiProblem.invalidParameter("channel", "must be email or sms")));
    int limit = limit(query);
    Predicate<OutboxMessage> filter =
        m ->
            accessToken.map(m.accessToken()::equals).orElse(true)
                && channel.map(c -> c == m.channel()).orElse(true);
    List<Map<String, Object>> messages =
        state.outbox().newest(filter, limit).stream().map(OutboxMessage::view).toList();
    send(ctx, 200, Map.of("messages", messages));
  }

  public void clearOutbox(Context ctx) {
    state.outbox().reset();
    ctx.status(204);
  }

  public void journal(Context ctx) {
    int limit = limit(QueryParameters.parse(ctx.queryString()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requests", state.journal().newest(limit));
    body.put("total", state.journal().total());
    send(ctx, 200, body);
  }

  public void clearJournal(Context ctx) {
    state.journal().reset();
    ctx.status(204);
  }

  /** {@code POST /__admin/authtokens {accessToken, code?, ttlSeconds?}}: a token, no outbox. */
  public void mintAuthToken(Context ctx) {
    JsonNode body = readBody(ctx);
    String accessToken = requiredText(body, "accessToken");
    Optional<String> code = optionalText(body, "code");
    code.ifPresent(AdminHandlers::checkCode);
    Optional<Duration> ttl = Optional.empty();
    JsonNode ttlSeconds = body.get("ttlSeconds");
    if (ttlSeconds != null && !ttlSeconds.isNull()) {
      if (!ttlSeconds.isIntegralNumber()
          || !ttlSeconds.canConvertToLong()
          || ttlSeconds.asLong() < 1
          || ttlSeconds.asLong() > MAX_TTL_SECONDS) {
        throw ApiProblem.badRequest(
            "'ttlSeconds' must be a whole number of seconds from 1 to " + MAX_TTL_SECONDS + ".");
      }
      ttl = Optional.of(Duration.ofSeconds(ttlSeconds.asLong()));
    }
    IssuedAuthToken token = issuer.issue(issuer.activeLead(accessToken), code, ttl);
    Map<String, Object> minted = new LinkedHashMap<>();
    minted.put("accessToken", token.accessToken());
    minted.put("authToken", token.code());
    minted.put("expiresAt", token.expiresAt().toString());
    send(ctx, 201, minted);
  }

  private JsonNode readBody(Context ctx) {
    return JsonRequestBody.object(ctx, json, MAX_BODY_BYTES);
  }

  private static String requiredText(JsonNode body, String field) {
    return optionalText(body, field)
        .orElseThrow(() -> ApiProblem.badRequest("'" + field + "' is required."));
  }

  private static Optional<String> optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString() || value.asString().isBlank()) {
      throw ApiProblem.badRequest("'" + field + "' must be a non-empty string.");
    }
    return Optional.of(value.asString());
  }

  private static void checkCode(String code) {
    if (code.length() > QueryParameters.MAX_VALUE_LENGTH
        || !code.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiProblem.badRequest(
          "'code' must be 1 to " + QueryParameters.MAX_VALUE_LENGTH + " visible ASCII characters.");
    }
  }

  /** The {@code limit} query parameter: 1 to 1000, 100 when absent. */
  static int limit(QueryParameters query) {
    return query.wholeNumber("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
  }

  private void send(Context ctx, int status, Object body) {
    ctx.status(status)
        .contentType("application/json; charset=utf-8")
        .result(json.writeValueAsBytes(body));
  }
}
