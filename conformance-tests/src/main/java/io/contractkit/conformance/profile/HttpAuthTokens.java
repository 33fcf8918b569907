package io.contractkit.conformance.profile;

import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.HttpProbe;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Gets each authToken with an HTTP call (e.g. the mock's {@code POST /__admin/authtokens}). */
public final class HttpAuthTokens implements AuthTokenSource {
  private final Profile.HttpSource source;
  private final String baseUrl;
  private final HttpHook hook;

  public HttpAuthTokens(Profile.HttpSource source, String baseUrl, HttpProbe http) {
    this.source = source;
    this.baseUrl = baseUrl;
    this.hook = new HttpHook(source, "lms.authTokens.http", http);
  }

  @Override
  public String fresh(String accessToken) {
    Exchange answer;
    try {
      answer =
          hook.call(Map.of("accessToken", accessToken, "baseUrl", baseUrl == null ? "" : baseUrl));
    } catch (HookFailed e) {
      throw new AuthTokenUnavailable(e.getMessage());
    }
    if (source.pointer() == null || source.pointer().isEmpty()) {
      String token = answer.text().trim();
      if (token.isEmpty()) {
        throw new AuthTokenUnavailable(hook.field() + ": the answer is empty, not a token");
      }
      return token;
    }
    JsonNode token = answer.json().map(j -> j.at(source.pointer())).orElse(null);
    if (token == null || !token.isString() || token.asString().isEmpty()) {
      throw new AuthTokenUnavailable(
          hook.field()
              + ": the answer has no string at "
              + source.pointer()
              + " (lms.authTokens.http.pointer): "
              + answer.bodyExcerpt());
    }
    return token.asString();
  }
}
