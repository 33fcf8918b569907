package io.contractkit.mock.export;

import io.contractkit.mock.contacts.ContactLookup;
import io.contractkit.mock.fixtures.Contact;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.ProblemBodies;
import io.contractkit.mock.lms.LeadRelease;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixtures as plain WireMock stub mappings, for teams that cannot add the extension: each
 * contact found by its secret, a 404 for any other secret, a 400 for a missing parameter, and each
 * seeded authToken of a lead that has not expired as a scenario that releases the lead once (then
 * the all-null answer). The bodies are the mock's own bytes. What plain stubs cannot give (the
 * throttle, authTokens minted or sent at run time, their expiry) is in the README.
 */
public final class WireMockExport {
  static final String CONTACTS = "(?i)/api/v1/contacts/?";
  static final String LEAD_CONTACT = "(?i)/lms/leads/bytoken/contact/?";
  static final String USED = "used";

  private static final int FOUND = 1;
  private static final int MISSING = 2;
  private static final int OTHERWISE = 3;

  private final JsonMapper json;
  private final ProblemBodies problems;

  public WireMockExport(JsonMapper json) {
    this.json = json;
    this.problems = new ProblemBodies(json);
  }

  /** {@code {"mappings": [...]}}, WireMock's file of several stub mappings. */
  public ObjectNode mappings(Fixtures fixtures, Instant now) {
    ObjectNode file = json.createObjectNode();
    ArrayNode mappings = file.putArray("mappings");
    for (Contact contact : fixtures.contactsBySecret().values()) {
      ObjectNode found = stub(mappings, FOUND, CONTACTS);
      query(found).putObject("secret").put("equalTo", contact.secret());
      respond(found, 200, "application/json; charset=utf-8", contact.body());
    }
    problem(mappings, CONTACTS, "/api/v1/Contacts", "secret");
    ObjectNode notFound = stub(mappings, OTHERWISE, CONTACTS);
    query(notFound).putObject("secret").put("matches", ".*");
    respond(
        notFound,
        404,
        ProblemBodies.PROBLEM_JSON,
        problems.body(ContactLookup.NOT_FOUND, "/api/v1/Contacts"));

    for (Lead lead : fixtures.leadsByAccessToken().values()) {
      if (lead.expiredAt(now)) {
        continue;
      }
      for (Lead.SeededAuthToken token : lead.authTokens()) {
        if (token.expiresAt() != null && !now.isBefore(token.expiresAt())) {
          continue;
        }
        ObjectNode once = stub(mappings, FOUND, LEAD_CONTACT);
        once.put("scenarioName", "lead " + lead.accessToken() + " authToken " + token.code());
        once.put("requiredScenarioState", "Started");
        once.put("newScenarioState", USED);
        ObjectNode params = query(once);
        params.putObject("accessToken").put("equalTo", lead.accessToken());
        params.putObject("authToken").put("equalTo", token.code());
        params.putObject("source").put("matches", ".+");
        respond(once, 200, "application/json; charset=utf-8", lead.body());
      }
    }
    for (String name : List.of("accessToken", "authToken", "source")) {
      problem(mappings, LEAD_CONTACT, "/lms/leads/bytoken/contact", name);
    }
    ObjectNode allNull = stub(mappings, OTHERWISE, LEAD_CONTACT);
    respond(allNull, 200, "application/json; charset=utf-8", LeadRelease.NULL_VALUES);
    return file;
  }

  /** The mappings as the text of a file for WireMock's {@code mappings/} folder. */
  public String text(Fixtures fixtures, Instant now) {
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(mappings(fixtures, now));
  }

  private void problem(ArrayNode mappings, String pattern, String instance, String parameter) {
    ObjectNode missing = stub(mappings, MISSING, pattern);
    query(missing).putObject(parameter).put("absent", true);
    respond(
        missing,
        400,
        ProblemBodies.PROBLEM_JSON,
        problems.body(ApiProblem.missingParameter(parameter), instance));
  }

  private static ObjectNode stub(ArrayNode mappings, int priority, String pathPattern) {
    ObjectNode stub = mappings.addObject();
    stub.put("priority", priority);
    ObjectNode request = stub.putObject("request");
    request.put("method", "GET");
    request.put("urlPathPattern", pathPattern);
    return stub;
  }

  private static ObjectNode query(ObjectNode stub) {
    ObjectNode request = (ObjectNode) stub.get("request");
    return request.has("queryParameters")
        ? (ObjectNode) request.get("queryParameters")
        : request.putObject("queryParameters");
  }

  private static void respond(ObjectNode stub, int status, String contentType, byte[] body) {
    ObjectNode response = stub.putObject("response");
    response.put("status", status);
    ObjectNode headers = response.putObject("headers");
    headers.put("Content-Type", contentType);
    headers.put("Cache-Control", "no-store");
    response.put("body", new String(body, StandardCharsets.UTF_8));
  }
}
