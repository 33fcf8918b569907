package io.contractkit.mock;

import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.faults.DelayRange;
import io.contractkit.mock.http.AllowedHosts;
import io.contractkit.mock.http.AllowedOrigins;
import io.contractkit.mock.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the mock is configured with, built once (from flags, a config file and defaults) and
 * handed to {@link MockServer#start}. Port 0 picks a free port.
 *
 * @param fixtures a folder with contacts.json and leads.json; null for the bundled fixtures
 * @param corsOrigins origins allowed to call from a browser; {@code *} for any
 * @param adminToken the bearer token the admin API requires; null for an open admin API (allowed
 *     only on a loopback host)
 * @param redact whether the journal and the request log replace the values of {@code secret},
 *     {@code accessToken} and {@code authToken} with {@code ***}
 * @param stopTimeout how long a stop waits for requests in flight before it cuts them off
 * @param adminCorsOrigins origins whose pages may call the admin API; none by default, {@code *}
 *     for any (only with an admin token)
 * @param allowedHosts names (besides localhost and loopback addresses) that requests may address
 *     the mock by in their {@code Host} header; {@code .example.test} for a domain and every name
 *     below it, {@code *} for any. On a non-loopback host, empty means any name.
 * @param latency the delay of every answer of the two APIs (and the send-token extension); null for
 *     none
 * @param seed the seed of random delays and fault probabilities; null for a random one
 * @param maxDelayed how many delayed requests the mock holds at once (the next one gets 503)
 * @param watch whether a fixtures folder is watched, and reloaded when its files change
 * @param store where the state lives: the mock's memory, or a Redis shared by several replicas
 */
public record MockConfig(
    String host,
    int port,
    Path fixtures,
    ThrottlePolicy throttle,
    Duration authTokenTtl,
    List<String> corsOrigins,
    int journalSize,
    int outboxSize,
    String adminToken,
    boolean redact,
    Duration stopTimeout,
    boolean requestLog,
    List<String> adminCorsOrigins,
    List<String> allowedHosts,
    DelayRange latency,
    Long seed,
    int maxDelayed,
    boolean watch,
    StoreConfig store) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_AUTH_TOKEN_TTL = Duration.ofMinutes(15);
  public static final int DEFAULT_JOURNAL_SIZE = 1000;
  public static final int DEFAULT_OUTBOX_SIZE = 1000;
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_DELAYED = 10_000;

  /** Long enough for any generated secret, short enough to fit in any header. */
  public static final int MAX_ADMIN_TOKEN_LENGTH = 1024;

  public MockConfig {
    corsOrigins = List.copyOf(corsOrigins);
    adminCorsOrigins = List.copyOf(adminCorsOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    AllowedOrigins.of("CORS origin", corsOrigins);
    AllowedOrigins.of("admin CORS origin", adminCorsOrigins);
    AllowedHosts.of(allowedHosts, true);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535");
    }
    if (authTokenTtl.isNegative() || authTokenTtl.isZero()) {
      throw new IllegalArgumentException("the authToken lifetime must be positive");
    }
    if (journalSize < 1 || outboxSize < 1) {
      throw new IllegalArgumentException("journal and outbox sizes must be at least 1");
    }
    if (adminToken != null && !isValidAdminToken(adminToken)) {
      // The message never repeats the token: it may be almost right, and it ends up in logs.
      throw new IllegalArgumentException(
          "the admin token must be 1 to "
              + MAX_ADMIN_TOKEN_LENGTH
              + " visible ASCII characters (no spaces)");
    }
    if (stopTimeout.isNegative()) {
      throw new IllegalArgumentException("the stop timeout must not be negative");
    }
    if (maxDelayed < 1) {
      throw new IllegalArgumentException("the number of delayed requests held must be at least 1");
    }
  }

  private static boolean isValidAdminToken(String token) {
    return !token.isEmpty()
        && token.length() <= MAX_ADMIN_TOKEN_LENGTH
        && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  public static MockConfig defaults() {
    return new MockConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        null,
        ThrottlePolicy.DEFAULT,
        DEFAULT_AUTH_TOKEN_TTL,
        List.of("*"),
        DEFAULT_JOURNAL_SIZE,
        DEFAULT_OUTBOX_SIZE,
        null,
        false,
        DEFAULT_STOP_TIMEOUT,
        true,
        List.of(),
        List.of(),
        null,
        null,
        DEFAULT_MAX_DELAYED,
        true,
        StoreConfig.DEFAULT);
  }

  public MockConfig withHost(String newHost) {
    return copy(c -> c.host = newHost);
  }

  public MockConfig withPort(int newPort) {
    return copy(c -> c.port = newPort);
  }

  public MockConfig withFixtures(Path folder) {
    return copy(c -> c.fixtures = folder);
  }

  public MockConfig withThrottle(ThrottlePolicy policy) {
    return copy(c -> c.throttle = policy);
  }

  /** With sent and minted authTokens valid for {@code ttl}. */
  public MockConfig withAuthTokenTtl(Duration ttl) {
    return copy(c -> c.authTokenTtl = ttl);
  }

  public MockConfig withCorsOrigins(List<String> origins) {
    return copy(c -> c.corsOrigins = origins);
  }

  /** The origins whose pages may call the admin API ({@code *}: any, with an admin token only). */
  public MockConfig withAdminCorsOrigins(List<String> origins) {
    return copy(c -> c.adminCorsOrigins = origins);
  }

  /** The names besides localhost that requests may address the mock by ({@code Host}). */
  public MockConfig withAllowedHosts(List<String> hosts) {
    return copy(c -> c.allowedHosts = hosts);
  }

  public MockConfig withJournalAndOutboxSizes(int journal, int outbox) {
    return copy(
        c -> {
          c.journalSize = journal;
          c.outboxSize = outbox;
        });
  }

  public MockConfig withAdminToken(String token) {
    return copy(c -> c.adminToken = token);
  }

  public MockConfig withRedaction(boolean on) {
    return copy(c -> c.redact = on);
  }

  /** With or without one log line per request (the journal records every request either way). */
  public MockConfig withRequestLog(boolean on) {
    return copy(c -> c.requestLog = on);
  }

  /** With every answer of the two APIs delayed by {@code delay} (null for none). */
  public MockConfig withLatency(DelayRange delay) {
    return copy(c -> c.latency = delay);
  }

  /** With random delays and fault probabilities drawn from {@code newSeed} (null: random). */
  public MockConfig withSeed(Long newSeed) {
    return copy(c -> c.seed = newSeed);
  }

  /** Holding at most {@code max} delayed requests at once. */
  public MockConfig withMaxDelayed(int max) {
    return copy(c -> c.maxDelayed = max);
  }

  /** With or without watching the fixtures folder for changes. */
  public MockConfig withWatch(boolean on) {
    return copy(c -> c.watch = on);
  }

  /** With the state kept where {@code newStore} says (memory, or a shared Redis). */
  public MockConfig withStore(StoreConfig newStore) {
    return copy(c -> c.store = newStore);
  }

  /** This config with the changes {@code change} makes to a copy of its values, validated again. */
  private MockConfig copy(Consumer<Values> change) {
    Values v = new Values(this);
    change.accept(v);
    return new MockConfig(
        v.host,
        v.port,
        v.fixtures,
        v.throttle,
        v.authTokenTtl,
        v.corsOrigins,
        v.journalSize,
        v.outboxSize,
        v.adminToken,
        v.redact,
        v.stopTimeout,
        v.requestLog,
        v.adminCorsOrigins,
        v.allowedHosts,
        v.latency,
        v.seed,
        v.maxDelayed,
        v.watch,
        v.store);
  }

  /** The values of a config, to change one or two of them for {@link #copy}. */
  private static final class Values {
    String host;
    int port;
    Path fixtures;
    ThrottlePolicy throttle;
    Duration authTokenTtl;
    List<String> corsOrigins;
    int journalSize;
    int outboxSize;
    String adminToken;
    boolean redact;
    Duration stopTimeout;
    boolean requestLog;
    List<String> adminCorsOrigins;
    List<String> allowedHosts;
    DelayRange latency;
    Long seed;
    int maxDelayed;
    boolean watch;
    StoreConfig store;

    Values(MockConfig c) {
      host = c.host;
      port = c.port;
      fixtures = c.fixtures;
      throttle = c.throttle;
      authTokenTtl = c.authTokenTtl;
      corsOrigins = c.corsOrigins;
      journalSize = c.journalSize;
      outboxSize = c.outboxSize;
      adminToken = c.adminToken;
      redact = c.redact;
      stopTimeout = c.stopTimeout;
      requestLog = c.requestLog;
      adminCorsOrigins = c.adminCorsOrigins;
      allowedHosts = c.allowedHosts;
      latency = c.latency;
      seed = c.seed;
      maxDelayed = c.maxDelayed;
      watch = c.watch;
      store = c.store;
    }
  }

  public boolean anyCorsOrigin() {
    return corsOrigins.contains("*");
  }

  /** Like the generated one, but without the admin token, which must never reach a log. */
  @Override
  public String toString() {
    return "MockConfig[host=%s, port=%d, fixtures=%s, throttle=%s, authTokenTtl=%s, corsOrigins=%s, journalSize=%d, outboxSize=%d, adminToken=%s, redact=%s, stopTimeout=%s, requestLog=%s, adminCorsOrigins=%s, allowedHosts=%s, latency=%s, seed=%s, maxDelayed=%d, watch=%s, store=%s]"
        .formatted(
            host,
            port,
            fixtures,
            throttle,
            authTokenTtl,
            corsOrigins,
            journalSize,
            outboxSize,
            adminToken == null ? "none" : "***",
            redact,
            stopTimeout,
            requestLog,
            adminCorsOrigins,
            allowedHosts,
            latency,
            seed,
            maxDelayed,
            watch,
            store);
  }
}
