package io.contractkit.mock.admin;

import io.contractkit.mock.MockState;
import io.contractkit.mock.fixtures.FixtureRecords;
import io.contractkit.mock.fixtures.InvalidRecord;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.fixtures.Violation;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.JsonRequestBody;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /__admin/leads}, {@code GET|PUT|DELETE /__admin/leads/{accessToken}}: the leads the
 * LMS API serves, changed at run time. A body is one lead as {@code leads.json} lists it ({@code
 * contact}, optional pre-seeded {@code authTokens}), checked against the same schema. A lead put is
 * served at once, its seeded authTokens valid once (again) and tokens issued for it kept; a lead
 * deleted answers null values, and its authTokens are gone. A reset restores the fixtures.
 */
public final class LeadsAdmin {
  /** The path parameter. */
  public static final String ACCESS_TOKEN = "accessToken";

  private final MockState state;
  private final FixtureRecords records;
  private final JsonMapper json;

  public LeadsAdmin(MockState state, FixtureRecords records, JsonMapper json) {
    this.state = state;
    this.records = records;
    this.json = json;
  }

  /** Every lead served, in the order of the fixtures, then those added at run time. */
  public void list(Context ctx) {
    ObjectNode body = json.createObjectNode();
    ArrayNode leads = body.putArray("leads");
    for (Lead lead : state.data().get().leadsByAccessToken().values()) {
      leads.add(view(lead));
    }
    AdminAnswers.send(ctx, 200, json.writeValueAsBytes(body));
  }

  public void get(Context ctx) {
    AdminAnswers.send(ctx, 200, json.writeValueAsBytes(view(served(ctx.pathParam(ACCESS_TOKEN)))));
  }

  /** Adds the lead (201) or replaces the one with its accessToken (200); answers it as served. */
  public void put(Context ctx) {
    String accessToken = ctx.pathParam(ACCESS_TOKEN);
    JsonNode body = JsonRequestBody.object(ctx, json, AdminHandlers.MAX_BODY_BYTES);
    List<Violation> violations = new ArrayList<>();
    Lead lead = null;
    try {
      lead = records.validLead(body);
    } catch (InvalidRecord e) {
      violations.addAll(e.violations());
    }
    JsonNode given = body.path("contact").path("accessToken").path("code");
    if (given.isString() && !given.asString().equals(accessToken)) {
      violations.add(
          new Violation("/contact/accessToken/code", "must equal the accessToken in the path"));
    }
    if (!violations.isEmpty()) {
      throw ApiProblem.invalidBody(violations);
    }
    Lead put = lead;
    boolean known = state.data().get().lead(accessToken).isPresent();
    state.changeData(o -> o.withLead(put), Set.of(accessToken));
    AdminAnswers.send(ctx, known ? 200 : 201, json.writeValueAsBytes(view(put)));
  }

  public void delete(Context ctx) {
    String accessToken = served(ctx.pathParam(ACCESS_TOKEN)).accessToken();
    state.changeData(o -> o.withoutLead(accessToken), Set.of());
    ctx.status(204);
  }

  private Lead served(String accessToken) {
    return state
        .data()
        .get()
        .lead(accessToken)
        .orElseThrow(() -> ApiProblem.notFound("Lead not found", "No lead has this accessToken."));
  }

  /** The lead as {@code leads.json} lists it: its contact and its seeded authTokens. */
  private ObjectNode view(Lead lead) {
    ObjectNode view = json.createObjectNode();
    view.set("contact", json.readTree(lead.body()));
    ArrayNode tokens = view.putArray("authTokens");
    for (Lead.SeededAuthToken token : lead.authTokens()) {
      ObjectNode t = tokens.addObject();
      t.put("code", token.code());
      if (token.expiresAt() == null) {
        t.putNull("expiresAt");
      } else {
        t.put("expiresAt", token.expiresAt().toString());
      }
    }
    return view;
  }
}
