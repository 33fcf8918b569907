package io.contractkit.conformance.profile;

import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.http.ProbeException;
import io.contractkit.conformance.http.ProbeRequest;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Gets each authToken with an HTTP call (e.g. the mock's {@code POST /__admin/authtokens}). */
public final class HttpAuthTokens implements AuthTokenSource {
  private final Profile.HttpSource source;
  private final String baseUrl;
  private final HttpProbe http;

  public HttpAuthTokens(Profile.HttpSource source, String baseUrl, HttpProbe http) {
    this.source = source;
    this.baseUrl = baseUrl;
    this.http = http;
  }

  @Override
  public String fresh(String accessToken) {
    String url = fill(source.url(), accessToken);
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new AuthTokenUnavailable("lms.authTokens.http.url is not a valid URL: " + url);
    }
    URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    ProbeRequest request =
        ProbeRequest.of(source.method() == null ? "POST" : source.method(), base, target);
    Map<String, String> headers = source.headers() == null ? Map.of() : source.headers();
    headers.forEach((k, v) -> request.header(k, fill(v, accessToken)));
    if (source.body() != null) {
      request.body(fill(source.body(), accessToken));
    }
    Exchange answer;
    try {
      answer = http.send(request);
    } catch (ProbeException e) {
      throw new AuthTokenUnavailable("the authToken call failed: " + e.getMessage());
    }
    if (answer.status() < 200 || answer.status() > 299) {
      throw new AuthTokenUnavailable(
          "the authToken call "
              + request
              + " answered "
              + answer.status()
              + ": "
              + answer.bodyExcerpt());
    }
    if (source.pointer() == null || source.pointer().isEmpty()) {
      return answer.text().trim();
    }
    JsonNode token = answer.json().map(j -> j.at(source.pointer())).orElse(null);
    if (token == null || !token.isString() || token.asString().isEmpty()) {
      throw new AuthTokenUnavailable(
          "the authToken call's answer has no string at "
              + source.pointer()
              + ": "
              + answer.bodyExcerpt());
    }
    return token.asString();
  }

  private String fill(String template, String accessToken) {
    return template
        .replace("{accessToken}", accessToken)
        .replace("{baseUrl}", baseUrl == null ? "" : baseUrl);
  }
}
