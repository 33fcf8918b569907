package io.contractkit.conformance.checks;

import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Small assertions that turn a mismatch into a {@link CheckFailure} with the exchange. */
public final class Expect {
  private Expect() {}

  public static void status(Exchange e, int expected) {
    if (e.status() != expected) {
      throw new CheckFailure("status " + expected, "status " + e.status(), e);
    }
  }

  public static void not5xx(Exchange e) {
    if (e.is5xx()) {
      throw new CheckFailure("no 5xx (a 2xx or 4xx answer)", "status " + e.status(), e);
    }
  }

  /** The body parsed as JSON, or a failure that says it is not JSON. */
  public static JsonNode json(Exchange e) {
    return e.json()
        .orElseThrow(() -> new CheckFailure("a JSON body", "a body that is not JSON", e));
  }

  /**
   * The body is JSON and valid against the schema; schema errors carry pointer and keyword. Null
   * versus missing depends on the mode: in strict mode every property the schema documents must be
   * present (null when it has no value, as the documents' samples show); in lenient mode a left-out
   * property that may be null is read as null (an omitted null is a valid choice).
   */
  public static JsonNode valid(Exchange e, CheckContext context, String schema) {
    JsonNode body = json(e);
    List<SchemaViolation> violations;
    if (context.mode() == Mode.STRICT) {
      violations = new ArrayList<>(context.schemas().validate(schema, body));
      for (String missing : context.schemas().missingProperties(schema, body)) {
        int slash = missing.lastIndexOf('/');
        String parent = missing.substring(0, slash);
        String name = missing.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        boolean reported =
            violations.stream()
                .anyMatch(
                    v ->
                        v.keyword().equals("required")
                            && v.pointer().equals(parent)
                            && v.message().contains("'" + name + "'"));
        if (!reported) {
          violations.add(
              new SchemaViolation(
                  parent,
                  "required",
                  "documented property '"
                      + name
                      + "' is left out (strict: every documented property is present, null when it"
                      + " has no value; lenient accepts an omitted null)"));
        }
      }
    } else {
      violations =
          context.schemas().validate(schema, context.schemas().withOmittedNulls(schema, body));
    }
    if (!violations.isEmpty()) {
      throw new CheckFailure(
          "a body valid against " + schema,
          violations.size() + " schema violation(s): " + violations.get(0),
          e,
          violations);
    }
    return body;
  }

  public static void mediaType(Exchange e, String expected) {
    if (!e.mediaType().equals(expected)) {
      throw new CheckFailure(
          "Content-Type " + expected,
          "Content-Type " + e.header("Content-Type").orElse("(none)"),
          e);
    }
  }
}
