package io.contractkit.conformance.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command that prints a fresh authToken (placeholders as for HTTP). */
public final class CommandAuthTokens implements AuthTokenSource {
  private static final long TIMEOUT_SECONDS = 30;
  private final List<String> command;
  private final String baseUrl;

  public CommandAuthTokens(List<String> command, String baseUrl) {
    this.command = List.copyOf(command);
    this.baseUrl = baseUrl;
  }

  @Override
  public String fresh(String accessToken) {
    List<String> args =
        command.stream()
            .map(
                a ->
                    a.replace("{accessToken}", accessToken)
                        .replace("{baseUrl}", baseUrl == null ? "" : baseUrl))
            .toList();
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(false).start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AuthTokenUnavailable(
            "the authToken command did not finish within " + TIMEOUT_SECONDS + " s: " + args);
      }
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        String err =
            new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        throw new AuthTokenUnavailable(
            "the authToken command exited " + process.exitValue() + ": " + err);
      }
      if (out.isEmpty() || out.contains("\n")) {
        throw new AuthTokenUnavailable(
            "the authToken command must print exactly one token on one line, printed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new AuthTokenUnavailable("the authToken command cannot run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthTokenUnavailable("interrupted while waiting for the authToken command");
    }
  }
}
