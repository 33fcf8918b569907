package com.example.crm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a request gets: status, body (written as JSON), headers. */
record Answer(int status, Object body, boolean problem, Map<String, String> headers) {

  static Answer json(Object body) {
    return new Answer(200, body, false, Map.of());
  }

  /** An RFC 9457 problem that names what is wrong and repeats nothing of the request. */
  static Answer problem(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return new Answer(status, body, true, Map.of());
  }

  Answer withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Answer(status, body, problem, more);
  }

  /** {@code text/json} when the client prefers it, else {@code application/json}, as ASP.NET. */
  String contentType(String accept) {
    if (problem) {
      return "application/problem+json";
    }
    double textJson = quality(accept, "text/json");
    double applicationJson = quality(accept, "application/json");
    return textJson > 0 && textJson >= applicationJson ? "text/json" : "application/json";
  }

  /** The q of the first media range of {@code accept} that is exactly {@code type}, or 0. */
  private static double quality(String accept, String type) {
    if (accept == null) {
      return 0;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      if (parts[0].trim().toLowerCase(Locale.ROOT).equals(type)) {
        double q = 1;
        for (int i = 1; i < parts.length; i++) {
          String p = parts[i].trim();
          if (p.startsWith("q=")) {
            try {
              q = Double.parseDouble(p.substring(2));
            } catch (NumberFormatException e) {
              q = 0;
            }
          }
        }
        return q;
      }
    }
    return 0;
  }
}
