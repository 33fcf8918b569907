package io.contractkit.mock.admin;

import io.contractkit.mock.MockState;
import io.contractkit.mock.cli.DurationConverter;
import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.fixtures.FixtureRecords;
import io.contractkit.mock.fixtures.Violation;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.JsonRequestBody;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET|POST /__admin/clock}: reads and steers the mock's one clock. A change is exactly one
 * of {@code {"advance": "5m"}} (forward, frozen or not), {@code {"set": "2027-01-01T09:00:00Z"}}
 * (forward or back) and {@code {"freeze": true|false}}; {@code POST /__admin/reset} returns to real
 * time.
 */
public final class ClockAdmin {
  private static final Set<String> CHANGES = Set.of("advance", "set", "freeze");

  private final MockState state;
  private final JsonMapper json;

  public ClockAdmin(MockState state, JsonMapper json) {
    this.state = state;
    this.json = json;
  }

  public void read(Context ctx) {
    send(ctx, state.clock().reading());
  }

  public void change(Context ctx) {
    JsonNode body = JsonRequestBody.object(ctx, json, AdminHandlers.MAX_BODY_BYTES);
    List<Violation> violations = new ArrayList<>();
    for (String name : body.propertyNames()) {
      if (!CHANGES.contains(name)) {
        violations.add(new Violation("/" + name, "is not one of advance, set, freeze"));
      }
    }
    List<String> given = body.propertyNames().stream().filter(CHANGES::contains).toList();
    if (given.size() != 1) {
      violations.add(new Violation("", "must have exactly one of advance, set, freeze"));
    }
    if (!violations.isEmpty()) {
      throw ApiProblem.invalidBody(violations);
    }
    String change = given.get(0);
    JsonNode value = body.get(change);
    try {
      send(
          ctx,
          switch (change) {
            case "advance" -> state.clock().advance(duration(value));
            case "set" -> state.setClock(instant(value));
            default -> state.clock().freeze(bool(value));
          });
    } catch (SteerableClock.OutOfRange e) {
      throw ApiProblem.invalidBody(List.of(new Violation("/" + change, e.getMessage())));
    }
  }

  private static Duration duration(JsonNode value) {
    String reason = "must be a duration such as 250ms, 60s, 5m, 1h or PT5M";
    if (!value.isString()) {
      throw invalid("/advance", reason);
    }
    try {
      return DurationConverter.parse(value.asString());
    } catch (CommandLine.TypeConversionException e) {
      throw invalid("/advance", reason);
    }
  }

  private static Instant instant(JsonNode value) {
    String reason = "must be an RFC 3339 date-time such as 2027-01-01T09:00:00Z";
    if (!value.isString()) {
      throw invalid("/set", reason);
    }
    try {
      return FixtureRecords.dateTime(value.asString());
    } catch (DateTimeParseException e) {
      throw invalid("/set", reason);
    }
  }

  private static boolean bool(JsonNode value) {
    if (!value.isBoolean()) {
      throw invalid("/freeze", "must be true or false");
    }
    return value.asBoolean();
  }

  private static ApiProblem invalid(String pointer, String reason) {
    return ApiProblem.invalidBody(List.of(new Violation(pointer, reason)));
  }

  private void send(Context ctx, SteerableClock.Reading reading) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("now", reading.now().toString());
    long millis = reading.offset().toMillis();
    body.put("offsetSeconds", millis % 1000 == 0 ? (Object) (millis / 1000) : millis / 1000.0);
    body.put("frozen", reading.frozen());
    ctx.status(200)
        .contentType("application/json; charset=utf-8")
        .result(json.writeValueAsBytes(body));
  }
}
