package io.contractkit.mock.cli;

import java.util.List;

/**
 * The optional YAML (or JSON) config file: the same settings as the command-line flags, which win
 * over it. Example:
 *
 * <pre>
 * host: 127.0.0.1
 * port: 8080
 * fixtures: ./my-fixtures
 * throttle: { maxFailures: 10, window: 60s, block: 5m }
 * authTokenTtl: 15m
 * corsOrigins: [ "http://localhost:5173" ]
 * journalSize: 1000
 * outboxSize: 1000
 * adminToken: change-me    # better: the MOCK_ADMIN_TOKEN environment variable
 * redact: true
 * stopTimeout: 5s
 * requestLog: true
 * adminCorsOrigins: [ "http://localhost:5173" ]
 * allowedHosts: [ mock.dev.example.test ]
 * latency: 50ms..200ms     # or one duration
 * seed: 42
 * maxDelayed: 10000
 * watch: true              # reload the fixtures folder when its files change
 * store: redis://127.0.0.1:6379/0   # or memory (the default); password: MOCK_REDIS_PASSWORD
 * storePrefix: contract-kit
 * storeTimeout: 2s
 * </pre>
 */
public record ConfigFile(
    String host,
    Integer port,
    String fixtures,
    Throttle throttle,
    String authTokenTtl,
    List<String> corsOrigins,
    Integer journalSize,
    Integer outboxSize,
    String adminToken,
    Boolean redact,
    String stopTimeout,
    Boolean requestLog,
    List<String> adminCorsOrigins,
    List<String> allowedHosts,
    String latency,
    Long seed,
    Integer maxDelayed,
    Boolean watch,
    String store,
    String storePrefix,
    String storeTimeout) {

  public record Throttle(Integer maxFailures, String window, String block) {}
}
