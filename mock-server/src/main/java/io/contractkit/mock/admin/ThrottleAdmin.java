package io.contractkit.mock.admin;

import io.contractkit.mock.MockState;
import io.contractkit.mock.contacts.BruteForceThrottle.TrackedIp;
import io.contractkit.mock.contacts.ContactLookup;
import io.contractkit.mock.contacts.IpAddress;
import io.contractkit.mock.contacts.IpAddresses;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.QueryParameters;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /__admin/throttle}, {@code DELETE /__admin/throttle/{ip}}, {@code DELETE
 * /__admin/throttle}: what the Contacts API's brute-force throttle holds (ips with failed lookups
 * in the window, blocked ips and the seconds left), and unblocking an ip without a reset.
 */
public final class ThrottleAdmin {
  /** The path parameter. */
  public static final String IP = "ip";

  private final MockState state;
  private final ThrottlePolicy policy;
  private final JsonMapper json;

  public ThrottleAdmin(MockState state, ThrottlePolicy policy, JsonMapper json) {
    this.state = state;
    this.policy = policy;
    this.json = json;
  }

  /** The policy and up to {@code limit} ips, blocked first (the block that ends last first). */
  public void list(Context ctx) {
    int limit = AdminHandlers.limit(QueryParameters.parse(ctx.queryString()));
    List<Map<String, Object>> ips =
        state.throttle().tracked(limit).stream().map(ThrottleAdmin::view).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("maxFailures", policy.maxFailures());
    body.put("windowSeconds", ContactLookup.ceilSeconds(policy.window()));
    body.put("blockSeconds", ContactLookup.ceilSeconds(policy.block()));
    body.put("ips", ips);
    ctx.status(200)
        .contentType("application/json; charset=utf-8")
        .result(json.writeValueAsBytes(body));
  }

  /** Forgets one ip's failures and block: 204, or 404 when it had neither. */
  public void forget(Context ctx) {
    IpAddress ip =
        IpAddresses.parse(ctx.pathParam(IP))
            .orElseThrow(
                () ->
                    ApiProblem.badRequest(
                        "The ip in the path must be an IPv4 or IPv6 address literal."));
    if (!state.throttle().forget(ip)) {
      throw ApiProblem.notFound(
          "Ip not throttled", "This ip has no failed lookups in the window and no block.");
    }
    ctx.status(204);
  }

  /** Forgets every ip, as a reset does, and nothing else. */
  public void clear(Context ctx) {
    state.throttle().reset();
    ctx.status(204);
  }

  private static Map<String, Object> view(TrackedIp tracked) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ip", tracked.ip().toString());
    view.put("failures", tracked.failures());
    view.put("blocked", tracked.blocked());
    view.put(
        "blockedForSeconds",
        tracked.blocked() ? ContactLookup.ceilSeconds(tracked.blockedFor()) : 0);
    return view;
  }
}
