package io.contractkit.conformance.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request a check sends. Query parameters are percent-encoded unless added {@link
 * #rawQuery(String) raw}: a raw query is sent byte for byte, for hostile input that a well-behaved
 * client would never produce (bad percent-encoding, control characters).
 */
public final class ProbeRequest {
  /** How much of a long value {@link #toString()} shows (messages, not reproductions). */
  static final int SHOWN_VALUE_CHARS = 60;

  /** How many query parameters a shortened target shows before the last one. */
  static final int SHOWN_PARAMETERS = 10;

  private final String method;
  private final URI base;
  private final String path;
  private final List<String> query = new ArrayList<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private boolean raw;
  private String body;

  private ProbeRequest(String method, URI base, String path) {
    this.method = method;
    this.base = base;
    this.path = path;
  }

  public static ProbeRequest get(URI base, String path) {
    return new ProbeRequest("GET", base, path);
  }

  public static ProbeRequest of(String method, URI base, String path) {
    return new ProbeRequest(method, base, path);
  }

  /** Adds a parameter, percent-encoded as a browser would. */
  public ProbeRequest param(String name, String value) {
    query.add(encode(name) + "=" + encode(value));
    return this;
  }

  /** Appends query text exactly as given (no encoding at all). */
  public ProbeRequest rawQuery(String text) {
    query.add(text);
    raw = true;
    return this;
  }

  public ProbeRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public ProbeRequest body(String json) {
    this.body = json;
    headers.putIfAbsent("Content-Type", "application/json");
    return this;
  }

  public String method() {
    return method;
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  public String bodyText() {
    return body;
  }

  /** True when the query holds raw text that may not be a valid URI. */
  public boolean raw() {
    return raw;
  }

  /** The request target: base path + path + query, as sent on the request line. */
  public String target() {
    return target(Integer.MAX_VALUE);
  }

  public String host() {
    return base.getHost();
  }

  public int port() {
    int port = base.getPort();
    return port > 0 ? port : ("https".equalsIgnoreCase(base.getScheme()) ? 443 : 80);
  }

  /** The full URL as text (it may not be a valid {@link URI} when the query is raw). */
  public String url() {
    return base.getScheme() + "://" + base.getRawAuthority() + target();
  }

  /** The request as a curl command line that reproduces it. */
  public String curl() {
    return curl(Integer.MAX_VALUE);
  }

  /**
   * The request as a curl command line, with every query value, header value and body longer than
   * {@code maxValueChars} cut to that length and marked with how long it was: for a console, where
   * a 10 KB hostile value would bury everything else. {@link #curl()} keeps every byte.
   */
  public String curl(int maxValueChars) {
    StringBuilder curl = new StringBuilder("curl -i");
    if (raw) {
      curl.append(" --globoff --path-as-is");
    }
    if (!method.equals("GET")) {
      curl.append(" -X ").append(method);
    }
    headers.forEach(
        (k, v) -> curl.append(" -H ").append(shellQuote(k + ": " + abbreviate(v, maxValueChars))));
    if (body != null) {
      curl.append(" --data ").append(shellQuote(abbreviate(body, maxValueChars)));
    }
    String url =
        maxValueChars == Integer.MAX_VALUE
            ? url()
            : base.getScheme() + "://" + base.getRawAuthority() + target(maxValueChars);
    curl.append(' ').append(shellQuote(url));
    return curl.toString();
  }

  @Override
  public String toString() {
    return method + " " + target(SHOWN_VALUE_CHARS);
  }

  /** The request target with each query value cut to {@code maxValueChars}. */
  private String target(int maxValueChars) {
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    boolean cut = maxValueChars != Integer.MAX_VALUE && query.size() > SHOWN_PARAMETERS + 1;
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < query.size(); i++) {
      String part = query.get(i);
      if (cut && i == SHOWN_PARAMETERS) {
        q.append("&…(").append(query.size() - SHOWN_PARAMETERS - 1).append(" more parameters)");
        i = query.size() - 2;
        continue;
      }
      if (q.length() > 0) {
        q.append('&');
      }
      int eq = part.indexOf('=');
      q.append(
          eq < 0
              ? abbreviate(part, maxValueChars)
              : part.substring(0, eq + 1) + abbreviate(part.substring(eq + 1), maxValueChars));
    }
    return basePath + path + (q.length() == 0 ? "" : "?" + q);
  }

  /** The text, or its first {@code max} characters followed by {@code …(N chars)}. */
  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
