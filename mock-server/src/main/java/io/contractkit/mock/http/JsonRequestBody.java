package io.contractkit.mock.http;

import io.javalin.http.Context;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON object in the body of an admin request, read the same way for every endpoint that takes
 * one: 415 unless sent as JSON, 400 when too long, not JSON or not an object.
 */
public final class JsonRequestBody {
  private JsonRequestBody() {}

  public static JsonNode object(Context ctx, JsonMapper json, int maxBytes) {
    if (!isJson(ctx.header("Content-Type"))) {
      // Also what keeps a page on another site from changing the mock with a form or a simple
      // request: those can only send text/plain, form and multipart bodies without a preflight.
      throw ApiProblem.unsupportedMediaType(
          "The body must be JSON, sent with 'Content-Type: application/json'.");
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > maxBytes) {
      throw ApiProblem.badRequest("The body must be at most " + maxBytes + " bytes.");
    }
    try {
      JsonNode body = json.readTree(bytes);
      if (body == null || !body.isObject()) {
        throw ApiProblem.badRequest("The body must be a JSON object.");
      }
      return body;
    } catch (JacksonException e) {
      throw ApiProblem.badRequest("The body is not valid JSON.");
    }
  }

  /** {@code application/json} or {@code application/<something>+json}, with any parameters. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || type.startsWith("application/") && type.endsWith("+json");
  }
}
