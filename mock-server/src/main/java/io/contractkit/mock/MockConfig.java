package io.contractkit.mock;

import io.contractkit.mock.contacts.ThrottlePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the mock is configured with, built once (from flags, a config file and defaults) and
 * handed to {@link MockServer#start}. Port 0 picks a free port.
 *
 * @param fixtures a folder with contacts.json and leads.json; null for the bundled fixtures
 * @param corsOrigins origins allowed to call from a browser; {@code *} for any
 */
public record MockConfig(
    String host,
    int port,
    Path fixtures,
    ThrottlePolicy throttle,
    Duration authTokenTtl,
    List<String> corsOrigins,
    int journalSize,
    int outboxSize) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_AUTH_TOKEN_TTL = Duration.ofMinutes(15);
  public static final int DEFAULT_JOURNAL_SIZE = 1000;
  public static final int DEFAULT_OUTBOX_SIZE = 1000;

  public MockConfig {
    corsOrigins = List.copyOf(corsOrigins);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535");
    }
    if (authTokenTtl.isNegative() || authTokenTtl.isZero()) {
      throw new IllegalArgumentException("the authToken lifetime must be positive");
    }
    if (journalSize < 1 || outboxSize < 1) {
      throw new IllegalArgumentException("journal and outbox sizes must be at least 1");
    }
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
        DEFAULT_OUTBOX_SIZE);
  }

  public MockConfig withPort(int newPort) {
    return new MockConfig(
        host, newPort, fixtures, throttle, authTokenTtl, corsOrigins, journalSize, outboxSize);
  }

  public MockConfig withFixtures(Path folder) {
    return new MockConfig(
        host, port, folder, throttle, authTokenTtl, corsOrigins, journalSize, outboxSize);
  }

  public MockConfig withThrottle(ThrottlePolicy policy) {
    return new MockConfig(
        host, port, fixtures, policy, authTokenTtl, corsOrigins, journalSize, outboxSize);
  }

  public MockConfig withCorsOrigins(List<String> origins) {
    return new MockConfig(
        host, port, fixtures, throttle, authTokenTtl, origins, journalSize, outboxSize);
  }

  public boolean anyCorsOrigin() {
    return corsOrigins.contains("*");
  }
}
