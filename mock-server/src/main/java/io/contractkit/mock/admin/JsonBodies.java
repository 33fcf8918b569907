package io.contractkit.mock.admin;

import io.contractkit.mock.http.ApiProblem;
import io.javalin.http.Context;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON object an admin request sends: at most {@value #MAX_BODY_BYTES} bytes, sent as
 * JSON ({@code application/json} or {@code application/*+json}), well-formed, without a property
 * given twice. A problem is a 400 that names the line and column (never the text around it, which
 * may hold a secret), or 415 without a JSON media type.
 */
final class JsonBodies {
  static final int MAX_BODY_BYTES = 16 * 1024;

  private final ObjectReader reader;

  JsonBodies(JsonMapper json) {
    this.reader = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  JsonNode object(Context ctx) {
    requireJson(ctx.header("Content-Type"));
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw ApiProblem.badRequest("The body must be at most " + MAX_BODY_BYTES + " bytes.");
    }
    JsonNode body;
    try {
      body = reader.readTree(bytes);
    } catch (JacksonException e) {
      throw ApiProblem.badRequest("The body is not valid JSON" + at(e.getLocation()) + ".");
    }
    if (body == null || !body.isObject()) {
      throw ApiProblem.badRequest("The body must be a JSON object.");
    }
    return body;
  }

  /**
   * Also what keeps a page on another site from changing the mock with a form or a simple request:
   * those can only send text/plain, form and multipart bodies (or none) without a preflight.
   */
  private static void requireJson(String contentType) {
    if (!isJson(contentType)) {
      throw ApiProblem.unsupportedMediaType(
          "The body must be JSON, sent with 'Content-Type: application/json'.");
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

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
