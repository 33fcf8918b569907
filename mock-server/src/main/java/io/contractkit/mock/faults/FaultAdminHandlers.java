package io.contractkit.mock.faults;

import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.JsonRequestBody;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /__admin/faults}: add, list and remove fault rules; {@code Routes} lists the routes. */
public final class FaultAdminHandlers {
  /** Room for a fault body of a realistic size. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  static final String PATH = "/__admin/faults";

  private final FaultState state;
  private final FaultInjector injector;
  private final JsonMapper json;

  public FaultAdminHandlers(FaultState state, FaultInjector injector, JsonMapper json) {
    this.state = state;
    this.injector = injector;
    this.json = json;
  }

  /** {@code POST /__admin/faults}: 201 with the stored rule, or 400 naming the field. */
  public void add(Context ctx) {
    FaultRule rule = FaultRuleParser.parse(readBody(ctx));
    String id =
        state
            .rules()
            .add(rule)
            .orElseThrow(
                () ->
                    ApiProblem.conflict(
                        "The mock already holds "
                            + FaultRules.MAX_RULES
                            + " fault rules; delete some, or reset."));
    ctx.header("Location", PATH + "/" + id);
    send(ctx, 201, view(new FaultRules.Stored(id, rule, 0)));
  }

  /** {@code GET /__admin/faults}: the latency, the seed and the rules, newest first. */
  public void list(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("latency", injector.latency() == null ? null : injector.latency().toString());
    body.put("seed", state.random().seed());
    body.put("maxDelayed", injector.maxDelayed());
    body.put("delayedNow", injector.delayedNow());
    List<Map<String, Object>> rules =
        state.rules().counted().stream().map(FaultAdminHandlers::view).toList();
    body.put("rules", rules);
    send(ctx, 200, body);
  }

  /** {@code DELETE /__admin/faults/{id}}: 204, or 404 for an unknown id. */
  public void remove(Context ctx) {
    if (!state.rules().remove(ctx.pathParam("id"))) {
      throw ApiProblem.notFound("Fault rule not found", "No fault rule has this id.");
    }
    ctx.status(204);
  }

  /** {@code DELETE /__admin/faults}: removes every rule. */
  public void clear(Context ctx) {
    state.rules().reset();
    ctx.status(204);
  }

  static Map<String, Object> view(FaultRules.Stored stored) {
    FaultRule rule = stored.rule();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", stored.id());
    view.put("route", rule.route().wireName());
    Map<String, Object> match = new LinkedHashMap<>();
    putIfGiven(match, "secret", rule.match().secret());
    putIfGiven(match, "ip", rule.match().ip());
    putIfGiven(match, "accessToken", rule.match().accessToken());
    view.put("match", match);
    FaultRule.Fault fault = rule.fault();
    Map<String, Object> faultView = new LinkedHashMap<>();
    putIfGiven(faultView, "status", fault.status());
    if (!fault.headers().isEmpty()) {
      faultView.put("headers", fault.headers());
    }
    putIfGiven(faultView, "body", fault.body());
    if (fault.delay() != null) {
      faultView.put("delay", delayView(fault.delay()));
    }
    putIfGiven(faultView, "kind", fault.kind() == null ? null : fault.kind().wireName());
    view.put("fault", faultView);
    view.put("times", rule.times());
    view.put("probability", rule.probability());
    view.put("fired", stored.fired());
    view.put("remaining", rule.times() == null ? null : rule.times() - stored.fired());
    return view;
  }

  private static Object delayView(DelayRange delay) {
    if (delay.isFixed()) {
      return delay.toString();
    }
    Map<String, String> range = new LinkedHashMap<>();
    range.put("min", DelayRange.fixed(delay.min()).toString());
    range.put("max", DelayRange.fixed(delay.max()).toString());
    return range;
  }

  private static void putIfGiven(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private JsonNode readBody(Context ctx) {
    return JsonRequestBody.object(ctx, json, MAX_BODY_BYTES);
  }

  private void send(Context ctx, int status, Object body) {
    ctx.status(status)
        .contentType("application/json; charset=utf-8")
        .result(json.writeValueAsBytes(body));
  }
}
