package io.contractkit.mock.admin;

import io.contractkit.mock.MockState;
import io.contractkit.mock.fixtures.Contact;
import io.contractkit.mock.fixtures.FixtureRecords;
import io.contractkit.mock.fixtures.InvalidRecord;
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
 * {@code GET /__admin/contacts}, {@code GET|PUT|DELETE /__admin/contacts/{secret}}: the contacts
 * the Contacts API serves, changed at run time. A body is one contact as {@code contacts.json}
 * lists it, checked against the same schema; a reset restores the fixtures.
 */
public final class ContactsAdmin {
  /** The path parameter. */
  public static final String SECRET = "secret";

  private final MockState state;
  private final FixtureRecords records;
  private final JsonMapper json;

  public ContactsAdmin(MockState state, FixtureRecords records, JsonMapper json) {
    this.state = state;
    this.records = records;
    this.json = json;
  }

  /** Every contact served, in the order of the fixtures, then those added at run time. */
  public void list(Context ctx) {
    ObjectNode body = json.createObjectNode();
    ArrayNode contacts = body.putArray("contacts");
    for (Contact contact : state.data().get().contactsBySecret().values()) {
      contacts.add(json.readTree(contact.body()));
    }
    AdminAnswers.send(ctx, 200, json.writeValueAsBytes(body));
  }

  public void get(Context ctx) {
    Contact contact = served(ctx.pathParam(SECRET));
    AdminAnswers.send(ctx, 200, contact.body());
  }

  /** Adds the contact (201) or replaces the one with its secret (200); answers it as served. */
  public void put(Context ctx) {
    String secret = ctx.pathParam(SECRET);
    JsonNode body = JsonRequestBody.object(ctx, json, AdminHandlers.MAX_BODY_BYTES);
    List<Violation> violations = new ArrayList<>();
    Contact contact = null;
    try {
      contact = records.validContact(body);
    } catch (InvalidRecord e) {
      violations.addAll(e.violations());
    }
    JsonNode given = body.get("Secret");
    if (given != null && given.isString() && !given.asString().equals(secret)) {
      violations.add(new Violation("/Secret", "must equal the secret in the path"));
    }
    if (!violations.isEmpty()) {
      throw ApiProblem.invalidBody(violations);
    }
    Contact put = contact;
    boolean known = state.data().get().contact(secret).isPresent();
    state.changeData(o -> o.withContact(put), Set.of());
    AdminAnswers.send(ctx, known ? 200 : 201, put.body());
  }

  public void delete(Context ctx) {
    String secret = served(ctx.pathParam(SECRET)).secret();
    state.changeData(o -> o.withoutContact(secret), Set.of());
    ctx.status(204);
  }

  private Contact served(String secret) {
    return state
        .data()
        .get()
        .contact(secret)
        .orElseThrow(() -> ApiProblem.notFound("Contact not found", "No contact has this secret."));
  }
}
