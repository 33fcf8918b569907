package io.contractkit.mock;

import io.contractkit.fileerrors.ConfigFiles;
import io.contractkit.fileerrors.FileProblems;
import io.contractkit.mock.cli.ConfigFile;
import io.contractkit.mock.cli.DurationConverter;
import io.contractkit.mock.cli.TerminationSignals;
import io.contractkit.mock.cli.WholeNumberConverter;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.export.ExportCommand;
import io.contractkit.mock.faults.DelayRange;
import io.contractkit.mock.fixtures.FixtureException;
import io.contractkit.mock.store.StoreConfig;
import io.contractkit.mock.store.redis.RedisStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code java -jar mock-server.jar [flags]}: starts the mock and serves until stopped. */
@Command(
    name = "mock-server",
    mixinStandardHelpOptions = true,
    version = "contract-kit mock-server 0.1.0",
    subcommands = ExportCommand.class,
    sortOptions = false,
    description = {
      "Stateful mock of the LMS lead-contact API and the Contacts API, on fixture data.",
      "Flags win over the config file, which wins over the defaults."
    },
    footer = {
      "",
      "Environment:",
      "  MOCK_ADMIN_TOKEN  the admin token, kept out of the process list;",
      "                    --admin-token wins over it, it wins over the config file.",
      "",
      "On SIGTERM or Ctrl-C the mock refuses new connections, lets the requests in flight",
      "finish (for up to --stop-timeout) and exits with 0; delayed requests (--latency,",
      "fault rules) are answered at once instead of waiting out their delay."
    })
public final class Main implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML or JSON (by the .json extension) config file with the same settings as these"
              + " flags.")
  Path configFile;

  static final String ADMIN_TOKEN_VARIABLE = "MOCK_ADMIN_TOKEN";

  @Option(
      names = "--host",
      description = {
        "Address to listen on (default: 127.0.0.1).",
        "A non-loopback address (0.0.0.0, a LAN address) needs an admin token."
      })
  String host;

  @Option(
      names = "--port",
      converter = WholeNumberConverter.class,
      description = "Port to listen on; 0 picks a free one (default: 8080).")
  Integer port;

  @Option(
      names = "--fixtures",
      paramLabel = "DIR",
      description = "Folder with contacts.json and leads.json (default: the bundled fixtures).")
  Path fixtures;

  @Option(
      names = "--watch",
      negatable = true,
      description =
          "Reload the --fixtures folder when its files change; a change that breaks a schema is"
              + " refused and the data stays (default: on).")
  Boolean watch;

  @Option(
      names = "--throttle-max-failures",
      paramLabel = "N",
      converter = WholeNumberConverter.class,
      description = "Failed lookups per ip that trigger a block (default: 10).")
  Integer maxFailures;

  @Option(
      names = "--throttle-window",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Window in which failures are counted (default: 60s).")
  Duration window;

  @Option(
      names = "--throttle-block",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long a blocked ip stays blocked (default: 300s).")
  Duration block;

  @Option(
      names = "--token-ttl",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Lifetime of a sent or minted authToken (default: 15m).")
  Duration tokenTtl;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      split = ",",
      description =
          "Origin whose pages may call the documented APIs and the send-token route from a"
              + " browser; repeatable; * for any (default: *).")
  List<String> corsOrigins;

  @Option(
      names = "--admin-cors-origin",
      paramLabel = "ORIGIN",
      split = ",",
      description = {
        "Origin whose pages may call the admin API from a browser; repeatable (default: none).",
        "* allows any, and only with an admin token."
      })
  List<String> adminCorsOrigins;

  @Option(
      names = "--allowed-host",
      paramLabel = "HOST",
      split = ",",
      description = {
        "Name that requests may address the mock by in their Host header, besides localhost,",
        "*.localhost and loopback addresses; .example.test for a domain and every name below",
        "it, * for any; repeatable (default: none; on a non-loopback --host, any name)."
      })
  List<String> allowedHosts;

  @Option(
      names = "--journal-size",
      paramLabel = "N",
      converter = WholeNumberConverter.class,
      description = "Requests kept in the journal (default: 1000).")
  Integer journalSize;

  @Option(
      names = "--outbox-size",
      paramLabel = "N",
      converter = WholeNumberConverter.class,
      description = "Messages kept in the outbox (default: 1000).")
  Integer outboxSize;

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description =
          "Token that /__admin/* requires as 'Authorization: Bearer TOKEN' (GET /__admin/health"
              + " stays open for probes). Prefer MOCK_ADMIN_TOKEN: flags show in the process list.")
  String adminToken;

  @Option(
      names = "--redact",
      negatable = true,
      description =
          "Mask the values of secret, accessToken and authToken in the journal and the request"
              + " log (default: off; the outbox always keeps the tokens).")
  Boolean redact;

  @Option(
      names = "--request-log",
      negatable = true,
      description =
          "One log line per request on standard error (default: on; the journal records every"
              + " request either way).")
  Boolean requestLog;

  @Option(
      names = "--stop-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "On SIGTERM, how long requests in flight may take to finish (default: 5s).")
  Duration stopTimeout;

  @Option(
      names = "--latency",
      paramLabel = "DELAY",
      converter = DelayRangeConverter.class,
      description = {
        "Delay every answer of the two APIs (and of the send-token extension): 50ms, or a range",
        "such as 50ms..200ms drawn uniformly per answer (default: none)."
      })
  DelayRange latency;

  @Option(
      names = "--seed",
      paramLabel = "N",
      converter = WholeNumberConverter.ForLong.class,
      description =
          "Seed of random delays and fault-rule probabilities, to repeat a run (default: random;"
              + " GET /__admin/faults shows it).")
  Long seed;

  @Option(
      names = "--max-delayed",
      paramLabel = "N",
      converter = WholeNumberConverter.class,
      description =
          "Delayed requests held at once; the next one gets 503 (default: 10000). A delayed"
              + " request holds a connection, not a thread.")
  Integer maxDelayed;

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description = {
        "Where the state lives: memory (default), or redis://host:port[/db] (rediss:// for TLS)",
        "shared by several replicas; the password comes from MOCK_REDIS_PASSWORD."
      })
  String store;

  @Option(
      names = "--store-prefix",
      paramLabel = "NAME",
      description =
          "First part of every Redis key, so several mocks can share one Redis (default:"
              + " contract-kit).")
  String storePrefix;

  @Option(
      names = "--store-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long connecting to Redis and each call to it may take, at most 60s (default: 2s).")
  Duration storeTimeout;

  /** Reads {@code --latency} as {@link DelayRange#parse} does. */
  static final class DelayRangeConverter implements CommandLine.ITypeConverter<DelayRange> {
    @Override
    public DelayRange convert(String value) {
      try {
        return DelayRange.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Where {@value #ADMIN_TOKEN_VARIABLE} is read from; tests set their own. */
  Map<String, String> environment = System.getenv();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /**
   * The config these command-line flags build, exactly as the jar would start with them (with the
   * config file that {@code --config} names), except that {@value #ADMIN_TOKEN_VARIABLE} is not
   * read: the JUnit extension's options, for example.
   *
   * @throws IllegalArgumentException saying which flag or value is wrong
   */
  public static MockConfig configFrom(List<String> flags) {
    Main main = new Main();
    main.environment = Map.of();
    try {
      new CommandLine(main).parseArgs(flags.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return main.config();
  }

  @Override
  public Integer call() {
    MockConfig config;
    MockServer server;
    try {
      config = config();
      server = MockServer.start(config);
    } catch (FixtureException
        | FileProblems
        | MockServer.CannotListenException
        | RedisStore.Unreachable
        | IllegalArgumentException e) {
      System.err.println("mock-server: cannot start: " + e.getMessage());
      return 2;
    }
    PrintWriter out = new PrintWriter(System.out, true);
    out.printf(
        "mock-server listening on %s (%d contacts, %d leads; admin API at %s/__admin%s)%n",
        server.baseUri(),
        server.fixtures().contactsBySecret().size(),
        server.fixtures().leadsByAccessToken().size(),
        server.baseUri(),
        config.adminToken() == null ? "" : ", bearer token required");
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (!stopping.compareAndSet(false, true)) {
            return;
          }
          boolean answered =
              server.stop(
                  () ->
                      out.printf(
                          "mock-server stopping: new connections are refused; waiting up to %s"
                              + " for requests in flight%n",
                          DurationConverter.format(config.stopTimeout())));
          out.println(
              answered
                  ? "mock-server stopped"
                  : "mock-server stopped: requests still in flight after the stop timeout were"
                      + " cut off");
          stopped.countDown();
        };
    // SIGTERM and Ctrl-C stop the mock and end with 0, not with the JVM's 143 or 130; other ways
    // the JVM shuts down (System.exit, SIGHUP) still stop it through the hook.
    TerminationSignals.onTermination(stop);
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "mock-server-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  MockConfig config() {
    ConfigFile file = readConfigFile();
    MockConfig d = MockConfig.defaults();
    ConfigFile.Throttle t =
        file.throttle() == null ? new ConfigFile.Throttle(null, null, null) : file.throttle();
    ThrottlePolicy throttle =
        new ThrottlePolicy(
            first(maxFailures, t.maxFailures(), d.throttle().maxFailures()),
            first(window, duration(t.window(), "throttle.window"), d.throttle().window()),
            first(block, duration(t.block(), "throttle.block"), d.throttle().block()));
    // A relative fixtures folder in the config file is relative to that file.
    Path fileFixtures =
        file.fixtures() == null
            ? null
            : configFile.toAbsolutePath().getParent().resolve(file.fixtures()).normalize();
    return new MockConfig(
        first(host, file.host(), d.host()),
        first(port, file.port(), d.port()),
        first(fixtures, fileFixtures, d.fixtures()),
        throttle,
        first(tokenTtl, duration(file.authTokenTtl(), "authTokenTtl"), d.authTokenTtl()),
        first(corsOrigins, file.corsOrigins(), d.corsOrigins()),
        first(journalSize, file.journalSize(), d.journalSize()),
        first(outboxSize, file.outboxSize(), d.outboxSize()),
        first(adminToken, environmentAdminToken(), file.adminToken()),
        first(redact, file.redact(), d.redact()),
        first(stopTimeout, duration(file.stopTimeout(), "stopTimeout"), d.stopTimeout()),
        first(requestLog, file.requestLog(), d.requestLog()),
        first(adminCorsOrigins, file.adminCorsOrigins(), d.adminCorsOrigins()),
        first(allowedHosts, file.allowedHosts(), d.allowedHosts()),
        first(latency, latency(file.latency()), d.latency()),
        first(seed, file.seed(), d.seed()),
        first(maxDelayed, file.maxDelayed(), d.maxDelayed()),
        first(watch, file.watch(), d.watch()),
        StoreConfig.of(
            first(store, file.store()),
            first(storePrefix, file.storePrefix(), d.store().prefix()),
            first(storeTimeout, duration(file.storeTimeout(), "storeTimeout"), d.store().timeout()),
            environmentVariable(StoreConfig.PASSWORD_VARIABLE)));
  }

  private DelayRange latency(String text) {
    try {
      return text == null ? null : DelayRange.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "config file " + configFile + ", latency: " + e.getMessage());
    }
  }

  /** An empty variable counts as unset, as shells and container runtimes often leave it. */
  private String environmentAdminToken() {
    return environmentVariable(ADMIN_TOKEN_VARIABLE);
  }

  private String environmentVariable(String name) {
    String value = environment.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private ConfigFile readConfigFile() {
    String text = "";
    if (configFile != null) {
      if (!Files.isRegularFile(configFile)) {
        throw new IllegalArgumentException("config file " + configFile + " not found");
      }
      try {
        text = Files.readString(configFile);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "config file " + configFile + " cannot be read: " + e.getMessage());
      }
    }
    // No file, or an empty one: every setting unset.
    boolean json =
        configFile != null
            && configFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return ConfigFiles.read(
        json ? JsonMapper.builder().build() : YAMLMapper.builder().build(),
        ConfigFile.class,
        text.isBlank() ? "{}" : text,
        "config file",
        String.valueOf(configFile));
  }

  private Duration duration(String text, String key) {
    try {
      return text == null ? null : DurationConverter.parse(text);
    } catch (CommandLine.TypeConversionException e) {
      throw new IllegalArgumentException(
          "config file " + configFile + ", " + key + ": " + e.getMessage());
    }
  }

  @SafeVarargs
  private static <T> T first(T... candidates) {
    for (T candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
