package io.contractkit.conformance.fakes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An answer the proxy sends back: status, headers (one value each), body. */
public record Answer(int status, Map<String, String> headers, byte[] body) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static Answer json(int status, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    return new Answer(status, headers, json.getBytes(StandardCharsets.UTF_8));
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public Optional<JsonNode> jsonBody() {
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public Answer withBody(JsonNode json) {
    return new Answer(status, headers, JSON.writeValueAsBytes(json));
  }

  public Answer withBody(String text) {
    return new Answer(status, headers, text.getBytes(StandardCharsets.UTF_8));
  }

  public Answer withStatus(int newStatus) {
    return new Answer(newStatus, headers, body);
  }

  public Answer withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>();
    headers.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase(name)) {
            h.put(k, v);
          }
        });
    if (value != null) {
      h.put(name, value);
    }
    return new Answer(status, h, body);
  }

  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** The media type without parameters, lower case; empty without a Content-Type. */
  public String mediaType() {
    return header("Content-Type")
        .map(ct -> ct.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT))
        .orElse("");
  }

  public boolean isLmsDisclosure() {
    return status == 200
        && jsonBody().map(j -> j.has("name") && !j.get("name").isNull()).orElse(false);
  }
}
