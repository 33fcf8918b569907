package io.contractkit.conformance.profile;

import io.contractkit.conformance.checks.Mode;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What only an implementation's owner knows, read from a YAML or JSON file: where the APIs live,
 * test data that exists there, the promised throttle thresholds, and how to get fresh one-time
 * authTokens. See {@code conformance-tests/PROFILE.md} for every field.
 */
public record Profile(
    String name, Mode mode, Http http, Contacts contacts, Lms lms, TargetClock clock) {

  public Profile {
    mode = mode == null ? Mode.STRICT : mode;
    http = http == null ? new Http(null, null) : http;
  }

  /** A profile without a clock hook. */
  public Profile(String name, Mode mode, Http http, Contacts contacts, Lms lms) {
    this(name, mode, http, contacts, lms, null);
  }

  /** The same profile in another mode. */
  public Profile withMode(Mode newMode) {
    return new Profile(name, newMode, http, contacts, lms, clock);
  }

  /** Settings for every request the suite sends. */
  public record Http(Integer timeoutSeconds, Map<String, String> headers) {
    public Http {
      timeoutSeconds = timeoutSeconds == null ? 10 : timeoutSeconds;
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
  }

  /** The Contacts API: base URL, secrets that exist, promised throttle. */
  public record Contacts(String baseUrl, List<KnownContact> secrets, Throttle throttle) {
    public Contacts {
      secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
  }

  /** A secret that exists; {@code expected}, when given, is the exact ReadContactDto. */
  public record KnownContact(String secret, JsonNode expected) {}

  /**
   * The promised brute-force protection: after maxFailures within windowSeconds, blocked for
   * blockSeconds.
   */
  public record Throttle(Integer maxFailures, Integer windowSeconds, Integer blockSeconds) {}

  /** The LMS API: base URL, leads that exist, an expired one, and how to get fresh authTokens. */
  public record Lms(
      String baseUrl,
      String source,
      List<KnownLead> leads,
      ExpiredLead expiredLead,
      Integer concurrency,
      AuthTokens authTokens,
      Integer authTokenLifetimeSeconds) {
    public Lms {
      source = source == null ? "conformance" : source;
      leads = leads == null ? List.of() : List.copyOf(leads);
      concurrency = concurrency == null ? 20 : concurrency;
    }

    /** Without a promised authToken lifetime. */
    public Lms(
        String baseUrl,
        String source,
        List<KnownLead> leads,
        ExpiredLead expiredLead,
        Integer concurrency,
        AuthTokens authTokens) {
      this(baseUrl, source, leads, expiredLead, concurrency, authTokens, null);
    }
  }

  /**
   * A lead's accessToken that exists and is not expired; {@code expected}: the exact
   * LmsContactInfo.
   */
  public record KnownLead(String accessToken, JsonNode expected) {}

  /** A lead whose accessToken has expired, with an authToken that was valid for it (optional). */
  public record ExpiredLead(String accessToken, String authToken) {}

  /**
   * How to get a fresh one-time authToken for a lead: exactly one of a static list, an HTTP call or
   * an external command.
   */
  public record AuthTokens(
      Map<String, List<String>> staticTokens, HttpSource http, List<String> command) {}

  /**
   * An HTTP call that returns a fresh authToken. {@code {accessToken}} and {@code {baseUrl}} in
   * url, headers and body are replaced; {@code pointer} is the JSON pointer of the token in the
   * answer (absent: the whole body, trimmed, is the token).
   */
  public record HttpSource(
      String method, String url, Map<String, String> headers, String body, String pointer) {}

  /**
   * How the suite moves the target's clock, so that checks can see a block lift or an authToken
   * expire without waiting: {@code advance} is called with the seconds to move forward.
   */
  public record TargetClock(Hook advance) {}

  /**
   * A call the suite makes to the target's tooling: exactly one of an HTTP call ({@code pointer}
   * has no meaning here) and an external command (argv list, no shell).
   */
  public record Hook(HttpSource http, List<String> command) {}
}
