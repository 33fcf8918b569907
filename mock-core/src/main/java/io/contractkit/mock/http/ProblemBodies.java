package io.contractkit.mock.http;

import io.contractkit.mock.fixtures.Violation;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The {@code application/problem+json} body of an {@link ApiProblem}, for any HTTP server. */
public final class ProblemBodies {
  public static final String PROBLEM_JSON = "application/problem+json";

  private final JsonMapper json;

  public ProblemBodies(JsonMapper json) {
    this.json = json;
  }

  /** The problem+json body; {@code instance} is left out when null. */
  public byte[] body(ApiProblem problem, String instance) {
    // Streamed, not built as a tree: a 404 is a hot path under brute-force load.
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("type", problem.type());
      g.writeStringProperty("title", problem.title());
      g.writeNumberProperty("status", problem.status());
      g.writeStringProperty("detail", problem.detail());
      if (instance != null) {
        g.writeStringProperty("instance", instance);
      }
      if (problem.parameter().isPresent()) {
        g.writeStringProperty("parameter", problem.parameter().get());
      }
      if (!problem.errors().isEmpty()) {
        g.writeArrayPropertyStart("errors");
        for (Violation error : problem.errors()) {
          g.writeStartObject();
          g.writeStringProperty("pointer", error.pointer());
          g.writeStringProperty("detail", error.detail());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }
}
