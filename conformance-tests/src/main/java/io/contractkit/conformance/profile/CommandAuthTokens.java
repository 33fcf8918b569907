package io.contractkit.conformance.profile;

import java.util.List;
import java.util.Map;

/** Runs an external command that prints a fresh authToken (placeholders as for HTTP). */
public final class CommandAuthTokens implements AuthTokenSource {
  private final CommandHook hook;
  private final String baseUrl;

  public CommandAuthTokens(List<String> command, String baseUrl) {
    this.hook = new CommandHook(command, "lms.authTokens.command");
    this.baseUrl = baseUrl;
  }

  @Override
  public String fresh(String accessToken) {
    String out;
    try {
      out =
          hook.call(Map.of("accessToken", accessToken, "baseUrl", baseUrl == null ? "" : baseUrl));
    } catch (HookFailed e) {
      throw new AuthTokenUnavailable(e.getMessage());
    }
    if (out.isEmpty() || out.contains("\n")) {
      throw new AuthTokenUnavailable(
          hook.field() + " must print exactly one token on one line, printed: " + out);
    }
    return out;
  }
}
