package io.contractkit.conformance.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An external program the profile describes (an authToken source, the clock hook), as an argv list
 * without a shell: placeholders in each argument are filled, and it must exit 0 within {@value
 * #TIMEOUT_SECONDS} seconds. A failure names the profile field, the command and its standard error.
 */
public final class CommandHook {
  static final long TIMEOUT_SECONDS = 30;

  private final List<String> command;
  private final String field;

  /**
   * @param field where the command is in the profile, for messages ({@code clock.advance.command})
   */
  public CommandHook(List<String> command, String field) {
    this.command = List.copyOf(command);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** Runs the command with the placeholders filled and returns its standard output, trimmed. */
  public String call(Map<String, String> values) {
    List<String> args = command.stream().map(a -> Placeholders.fill(a, values)).toList();
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(false).start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new HookFailed(
            field + ": " + args + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        String err =
            new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        throw new HookFailed(field + ": " + args + " exited " + process.exitValue() + ": " + err);
      }
      return out;
    } catch (IOException e) {
      throw new HookFailed(field + ": " + args + " cannot run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HookFailed(field + ": interrupted while waiting for " + args);
    }
  }
}
