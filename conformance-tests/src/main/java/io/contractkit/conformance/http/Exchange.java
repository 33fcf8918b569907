package io.contractkit.conformance.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A request and what came back: status, headers, body. */
public record Exchange(
    ProbeRequest request, int status, Map<String, List<String>> headers, byte[] body) {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  public static final int EXCERPT_CHARS = 600;

  public Exchange {
    Map<String, List<String>> normalized = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> normalized.put(k, List.copyOf(v)));
    headers = normalized;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The media type without parameters, lower case (e.g. {@code application/json}). */
  public String mediaType() {
    return header("Content-Type")
        .map(ct -> ct.split(";")[0].trim().toLowerCase(Locale.ROOT))
        .orElse("");
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON, or empty when it is not JSON. */
  public Optional<JsonNode> json() {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  public String bodyExcerpt() {
    String text = text();
    return text.length() <= EXCERPT_CHARS
        ? text
        : text.substring(0, EXCERPT_CHARS) + "… (" + body.length + " bytes)";
  }

  public boolean is5xx() {
    return status >= 500 && status <= 599;
  }

  public boolean is4xx() {
    return status >= 400 && status <= 499;
  }

  public String statusLine() {
    return status + " " + mediaType();
  }
}
