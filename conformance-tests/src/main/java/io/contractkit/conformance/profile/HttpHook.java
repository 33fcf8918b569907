package io.contractkit.conformance.profile;

import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.http.ProbeException;
import io.contractkit.conformance.http.ProbeRequest;
import java.net.URI;
import java.util.Map;

/**
 * An HTTP call the profile describes (an authToken source, the clock hook): placeholders in url,
 * headers and body are filled, the call is sent, and its answer must be 2xx. A failure names the
 * profile field, the request and what came back.
 */
public final class HttpHook {
  private final Profile.HttpSource source;
  private final String field;
  private final HttpProbe http;

  /**
   * @param field where the call is in the profile, for messages ({@code lms.authTokens.http})
   */
  public HttpHook(Profile.HttpSource source, String field, HttpProbe http) {
    this.source = source;
    this.field = field;
    this.http = http;
  }

  public String field() {
    return field;
  }

  /** Sends the call with the placeholders filled; throws {@link HookFailed} unless 2xx. */
  public Exchange call(Map<String, String> values) {
    String url = Placeholders.fill(source.url(), values);
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new HookFailed(field + ".url is not a valid URL: " + url);
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      throw new HookFailed(field + ".url is not an absolute URL: " + url);
    }
    URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    ProbeRequest request =
        ProbeRequest.of(source.method() == null ? "POST" : source.method(), base, target);
    Map<String, String> headers = source.headers() == null ? Map.of() : source.headers();
    headers.forEach((k, v) -> request.header(k, Placeholders.fill(v, values)));
    if (source.body() != null) {
      request.body(Placeholders.fill(source.body(), values));
    }
    String shown = request.method() + " " + request.url();
    Exchange answer;
    try {
      answer = http.send(request);
    } catch (ProbeException e) {
      throw new HookFailed(field + ": " + shown + " got no answer: " + e.cause());
    }
    if (answer.status() < 200 || answer.status() > 299) {
      throw new HookFailed(
          field + ": " + shown + " answered " + answer.status() + ": " + answer.bodyExcerpt());
    }
    return answer;
  }
}
