package io.contractkit.conformance.profile;

import io.contractkit.conformance.http.HttpProbe;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Moves the target's clock forward with the profile's {@code clock.advance} hook (an HTTP call or a
 * command). {@code {seconds}} (whole seconds, rounded up) and {@code {millis}} are the amount;
 * {@code {baseUrl}}, {@code {contactsBaseUrl}} and {@code {lmsBaseUrl}} the base URLs in effect.
 *
 * <p>A hook that fails the first time it is used is a profile error ({@link ProfileException}: the
 * run is unusable); one that fails after it worked throws {@link HookFailed}.
 */
public final class ClockHook {
  private final HttpHook http;
  private final CommandHook command;
  private final Map<String, String> bases;
  private final Consumer<Duration> inCode;
  private volatile boolean worked;

  private ClockHook(HttpHook http, CommandHook command, Map<String, String> bases) {
    this(http, command, bases, null);
  }

  private ClockHook(
      HttpHook http, CommandHook command, Map<String, String> bases, Consumer<Duration> inCode) {
    this.http = http;
    this.command = command;
    this.bases = bases;
    this.inCode = inCode;
  }

  /**
   * A hook in code, for a target in the same JVM (the JUnit entry point's {@code clock(...)}):
   * {@code advance} moves the target's clock forward by the exact duration. What it throws is the
   * hook failing.
   */
  public static ClockHook inCode(Consumer<Duration> advance) {
    return new ClockHook(null, null, Map.of(), java.util.Objects.requireNonNull(advance));
  }

  /**
   * The profile's clock hook, or null when it gives none.
   *
   * @param contactsBaseUrl the Contacts base URL in effect, without a trailing slash, or null
   * @param lmsBaseUrl the LMS base URL in effect, without a trailing slash, or null
   */
  public static ClockHook of(
      Profile.TargetClock clock, String contactsBaseUrl, String lmsBaseUrl, HttpProbe probe) {
    if (clock == null || clock.advance() == null) {
      return null;
    }
    Profile.Hook advance = clock.advance();
    String contacts = contactsBaseUrl == null ? "" : contactsBaseUrl;
    String lms = lmsBaseUrl == null ? "" : lmsBaseUrl;
    Map<String, String> bases =
        Map.of(
            "baseUrl",
            contacts.isEmpty() ? lms : contacts,
            "contactsBaseUrl",
            contacts,
            "lmsBaseUrl",
            lms);
    if (advance.http() != null) {
      return new ClockHook(new HttpHook(advance.http(), "clock.advance.http", probe), null, bases);
    }
    if (advance.command() != null) {
      return new ClockHook(
          null, new CommandHook(advance.command(), "clock.advance.command"), bases);
    }
    return null;
  }

  /** Moves the target's clock forward by {@code duration}. */
  public void advance(Duration duration) {
    long millis = duration.toMillis();
    long seconds = (millis + 999) / 1000;
    Map<String, String> values = new java.util.HashMap<>(bases);
    values.put("seconds", Long.toString(seconds));
    values.put("millis", Long.toString(millis));
    try {
      if (http != null) {
        http.call(values);
      } else if (command != null) {
        command.call(values);
      } else {
        advanceInCode(duration);
      }
      worked = true;
    } catch (HookFailed e) {
      if (!worked) {
        throw new ProfileException(
            "the profile's clock hook failed when the suite first used it (to move the target's"
                + " clock forward by "
                + seconds
                + " s): "
                + e.getMessage());
      }
      throw e;
    }
  }

  private void advanceInCode(Duration duration) {
    try {
      inCode.accept(duration);
    } catch (RuntimeException e) {
      throw new HookFailed("the clock hook in code threw " + e);
    }
  }
}
