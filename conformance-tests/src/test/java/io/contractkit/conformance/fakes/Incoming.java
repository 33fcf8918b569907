package io.contractkit.conformance.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request as the proxy received it: raw path and query, headers, body. */
public record Incoming(
    String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

  /** The query target for the upstream (path plus raw query). */
  public String target() {
    return path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  public String lowerPath() {
    return path.toLowerCase(Locale.ROOT);
  }

  public boolean isContacts() {
    return lowerPath().startsWith("/api/v1/contacts");
  }

  public boolean isLms() {
    return lowerPath().startsWith("/lms/leads/bytoken/contact");
  }

  /** The first value of a query parameter (name matched case-insensitively), decoded. */
  public Optional<String> param(String name) {
    return params().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  public Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.putIfAbsent(
            java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        params.putIfAbsent(name, value);
      }
    }
    return params;
  }

  /** The same request with another raw query. */
  public Incoming withQuery(String newRawQuery) {
    return new Incoming(method, path, newRawQuery, headers, body);
  }

  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }
}
