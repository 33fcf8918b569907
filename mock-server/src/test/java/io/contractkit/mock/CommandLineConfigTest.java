package io.contractkit.mock;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.contractkit.mock.cli.ConfigFile;
import io.contractkit.mock.contacts.ThrottlePolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * How {@link Main} turns flags, a config file and defaults into a {@link MockConfig}: flags win
 * over the file, which wins over the defaults; bad input is a clear error, not a started server.
 */
class CommandLineConfigTest {

  @TempDir Path dir;

  @Test
  void withoutFlagsOrFileTheDefaultsApply() {
    MockConfig config = configFrom();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.fixtures()).isNull();
    assertThat(config.throttle())
        .isEqualTo(new ThrottlePolicy(10, Duration.ofSeconds(60), Duration.ofSeconds(300)));
    assertThat(config.authTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.corsOrigins()).containsExactly("*");
    assertThat(config.anyCorsOrigin()).isTrue();
    assertThat(config.journalSize()).isEqualTo(1000);
    assertThat(config.outboxSize()).isEqualTo(1000);
    assertThat(config.adminToken()).isNull();
    assertThat(config.redact()).isFalse();
    assertThat(config.stopTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.requestLog()).isTrue();
    assertThat(config.adminCorsOrigins()).isEmpty();
    assertThat(config.allowedHosts()).isEmpty();
  }

  @Test
  void flagsSetEverySetting() {
    Path fixtures = dir.resolve("my-fixtures");

    MockConfig config =
        configFrom(
            "--host",
            "0.0.0.0",
            "--port",
            "0",
            "--throttle-max-failures",
            "5",
            "--throttle-window",
            "30s",
            "--throttle-block",
            "2m",
            "--token-ttl",
            "PT1M",
            "--cors-origin",
            "http://a.example,http://b.example",
            "--fixtures",
            fixtures.toString(),
            "--journal-size",
            "50",
            "--outbox-size",
            "20",
            "--admin-token",
            "flag-token",
            "--redact",
            "--stop-timeout",
            "250ms",
            "--no-request-log",
            "--admin-cors-origin",
            "http://localhost:5173,http://*.tools.example",
            "--allowed-host",
            "mock.example.test,.preview.example.test");

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isZero();
    assertThat(config.throttle())
        .isEqualTo(new ThrottlePolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(2)));
    assertThat(config.authTokenTtl()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.corsOrigins()).containsExactly("http://a.example", "http://b.example");
    assertThat(config.anyCorsOrigin()).isFalse();
    assertThat(config.fixtures()).isEqualTo(fixtures);
    assertThat(config.journalSize()).isEqualTo(50);
    assertThat(config.outboxSize()).isEqualTo(20);
    assertThat(config.adminToken()).isEqualTo("flag-token");
    assertThat(config.redact()).isTrue();
    assertThat(config.stopTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.requestLog()).isFalse();
    assertThat(config.adminCorsOrigins())
        .containsExactly("http://localhost:5173", "http://*.tools.example");
    assertThat(config.allowedHosts()).containsExactly("mock.example.test", ".preview.example.test");
  }

  @Test
  void aRepeatedCorsOriginFlagAddsOrigins() {
    MockConfig config =
        configFrom("--cors-origin", "http://a.example", "--cors-origin", "http://b.example");

    assertThat(config.corsOrigins()).containsExactly("http://a.example", "http://b.example");
  }

  @ParameterizedTest
  @CsvSource({"250ms, PT0.25S", "60s, PT60S", "5m, PT5M", "1h, PT1H", "PT5M, PT5M", "pt90s, PT90S"})
  void durationsAreAcceptedInShortAndIsoForm(String written, String expected) {
    assertThat(configFrom("--token-ttl", written).authTokenTtl())
        .isEqualTo(Duration.parse(expected));
  }

  @Test
  void aYamlConfigFileSetsEverySetting() throws IOException {
    Path fixtures = dir.resolve("file-fixtures");
    Path file =
        write(
            "mock.yaml",
            """
            host: 127.0.0.2
            port: 9090
            fixtures: %s
            throttle: { maxFailures: 7, window: 45s, block: 10m }
            authTokenTtl: 2h
            corsOrigins: [ "http://localhost:5173" ]
            journalSize: 10
            outboxSize: 5
            adminToken: file-token
            redact: true
            stopTimeout: 30s
            requestLog: false
            adminCorsOrigins: [ "http://localhost:3000" ]
            allowedHosts: [ mock.example.test ]
            """
                .formatted(fixtures));

    MockConfig config = configFrom("--config", file.toString());

    assertThat(config.host()).isEqualTo("127.0.0.2");
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.fixtures()).isEqualTo(fixtures);
    assertThat(config.throttle())
        .isEqualTo(new ThrottlePolicy(7, Duration.ofSeconds(45), Duration.ofMinutes(10)));
    assertThat(config.authTokenTtl()).isEqualTo(Duration.ofHours(2));
    assertThat(config.corsOrigins()).containsExactly("http://localhost:5173");
    assertThat(config.journalSize()).isEqualTo(10);
    assertThat(config.outboxSize()).isEqualTo(5);
    assertThat(config.adminToken()).isEqualTo("file-token");
    assertThat(config.redact()).isTrue();
    assertThat(config.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.requestLog()).isFalse();
    assertThat(config.adminCorsOrigins()).containsExactly("http://localhost:3000");
    assertThat(config.allowedHosts()).containsExactly("mock.example.test");
  }

  @Test
  void browserSettingsOnTheCommandLineWinOverTheConfigFile() throws IOException {
    Path file =
        write(
            "mock.yaml",
            """
            adminCorsOrigins: [ "http://file.example" ]
            allowedHosts: [ file.example ]
            """);

    MockConfig config =
        configFrom(
            "--config", file.toString(),
            "--admin-cors-origin", "http://flag.example",
            "--allowed-host", "flag.example");

    assertThat(config.adminCorsOrigins()).containsExactly("http://flag.example");
    assertThat(config.allowedHosts()).containsExactly("flag.example");
  }

  @Test
  void theAdminTokenComesFromTheFlagThenTheEnvironmentThenTheConfigFile() throws IOException {
    Path file = write("mock.yaml", "adminToken: file-token\n");
    Map<String, String> env = Map.of("MOCK_ADMIN_TOKEN", "env-token");

    assertThat(configFrom(env, "--config", file.toString(), "--admin-token", "flag-token"))
        .extracting(MockConfig::adminToken)
        .isEqualTo("flag-token");
    assertThat(configFrom(env, "--config", file.toString()).adminToken()).isEqualTo("env-token");
    assertThat(configFrom(Map.of(), "--config", file.toString()).adminToken())
        .isEqualTo("file-token");
  }

  @Test
  void anEmptyAdminTokenVariableCountsAsUnset() throws IOException {
    Path file = write("mock.yaml", "adminToken: file-token\n");

    MockConfig config = configFrom(Map.of("MOCK_ADMIN_TOKEN", ""), "--config", file.toString());

    assertThat(config.adminToken()).isEqualTo("file-token");
  }

  @Test
  void noRedactWinsOverRedactionSwitchedOnInTheConfigFile() throws IOException {
    Path file = write("mock.yaml", "redact: true\n");

    assertThat(configFrom("--config", file.toString()).redact()).isTrue();
    assertThat(configFrom("--config", file.toString(), "--no-redact").redact()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "tab\there", "ünïcode"})
  void anUnusableAdminTokenIsAnErrorThatDoesNotRepeatIt(String token) {
    IllegalArgumentException error = configError("--admin-token", token);

    assertThat(error.getMessage()).contains("admin token").doesNotContain(token);
  }

  @Test
  void theConfigAsTextHidesTheAdminToken() {
    MockConfig config = configFrom("--admin-token", "do-not-print-me");

    assertThat(config.toString()).doesNotContain("do-not-print-me").contains("adminToken=***");
  }

  @Test
  void aJsonConfigFileIsReadToo() throws IOException {
    Path file =
        write(
            "mock.json",
            "{\"port\": 0, \"throttle\": {\"maxFailures\": 4}, \"authTokenTtl\": \"PT30S\"}");

    MockConfig config = configFrom("--config", file.toString());

    assertThat(config.port()).isZero();
    assertThat(config.throttle().maxFailures()).isEqualTo(4);
    assertThat(config.throttle().window()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.authTokenTtl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aPartialConfigFileKeepsTheDefaultsForEverythingElse() throws IOException {
    Path file = write("mock.yaml", "port: 0\n");

    MockConfig config = configFrom("--config", file.toString());

    assertThat(config.port()).isZero();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.throttle()).isEqualTo(ThrottlePolicy.DEFAULT);
    assertThat(config.authTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.corsOrigins()).containsExactly("*");
  }

  @Test
  void flagsWinOverTheConfigFileSettingBySetting() throws IOException {
    Path file =
        write(
            "mock.yaml",
            """
            port: 9090
            throttle: { maxFailures: 7, window: 45s, block: 10m }
            authTokenTtl: 2h
            corsOrigins: [ "http://file.example" ]
            """);

    MockConfig config =
        configFrom(
            "--config", file.toString(),
            "--port", "0",
            "--throttle-window", "30s",
            "--cors-origin", "http://flag.example");

    assertThat(config.port()).isZero();
    assertThat(config.throttle())
        .isEqualTo(new ThrottlePolicy(7, Duration.ofSeconds(30), Duration.ofMinutes(10)));
    assertThat(config.authTokenTtl()).isEqualTo(Duration.ofHours(2));
    assertThat(config.corsOrigins()).containsExactly("http://flag.example");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void everyUnknownKeyInTheConfigFileIsNamedWithItsPlaceTheNearestKeyAndTheValidKeys()
      throws IOException {
    Path file =
        write(
            "mock.yaml",
            """
            port: 0
            throttle:
              maxFailure: 5
            authTokenTTL: 15m
            """);

    Run run = execute("--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().lines())
        .containsExactly(
            "mock-server: cannot start: config file " + file + " has 2 problems:",
            "  "
                + file
                + ":3:3: unknown key 'maxFailure' in throttle (did you mean 'maxFailures'?);"
                + " valid keys in throttle: maxFailures, window, block",
            "  "
                + file
                + ":4:1: unknown key 'authTokenTTL' (did you mean 'authTokenTtl'?); valid keys at"
                + " the top level: "
                + String.join(", ", recordKeys(ConfigFile.class)));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aValueOfTheWrongKindInTheConfigFileIsNamedWithItsPlaceKeyAndWhatWasExpected()
      throws IOException {
    Path file = write("mock.yaml", "host: 127.0.0.1\nport: [9091\n");

    Run run = execute("--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().lines())
        .containsExactly(
            "mock-server: cannot start: config file " + file + " has 2 problems:",
            "  " + file + ":2:7: port: expected a whole number, found a list",
            "  "
                + file
                + ":2:12: not valid YAML: expected ',' or ']', but got <stream end> (while"
                + " parsing a flow sequence that starts at 2:7)");
  }

  @Test
  void oneProblemInTheConfigFileIsOneLine() throws IOException {
    Path file = write("mock.json", "{\"port\": \"eighty\"}");

    assertThatThrownBy(() -> configFrom("--config", file.toString()))
        .hasMessage("config file " + file + ":1:10: port: expected a whole number, found 'eighty'");
  }

  @Test
  void aNumberInTheConfigFileWrittenInOtherDigitsThanAsciiIsNamed() throws IOException {
    Path file = write("mock.yaml", "port: \uFF18\uFF10\uFF18\uFF10\n");

    assertThatThrownBy(() -> configFrom("--config", file.toString()))
        .hasMessage(
            "config file "
                + file
                + ":1:7: port: expected a whole number, found '\uFF18\uFF10\uFF18\uFF10'");
  }

  @Test
  void aJsonConfigFileWithASyntaxErrorIsNamedAsNotValidJson() throws IOException {
    Path file = write("MOCK.JSON", "{\"port\": 0,}");

    assertThatThrownBy(() -> configFrom("--config", file.toString()))
        .hasMessage(
            "config file "
                + file
                + ":1:12: not valid JSON: Unexpected character ('}' (code 125)): was expecting"
                + " double-quote to start property name");
  }

  @Test
  void anEmptyConfigFileKeepsTheDefaults() throws IOException {
    Path file = write("mock.yaml", "\n");

    assertThat(configFrom("--config", file.toString())).isEqualTo(configFrom());
  }

  @Test
  void aConfigFileThatIsNotUtf8IsAnErrorNamingIt() throws IOException {
    Path file = Files.write(dir.resolve("mock.yaml"), new byte[] {'p', ':', ' ', (byte) 0xff});

    IllegalArgumentException error = configError("--config", file.toString());

    assertThat(error.getMessage()).startsWith("config file " + file + " cannot be read: ");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aPortInUseIsOneLineNamingThePortAndTheFix() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run = execute("--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.errors())
          .isEqualTo(
              "mock-server: cannot start: port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use (by another mock?); stop what is listening"
                  + " there, choose another port with --port, or use --port 0 for a free one"
                  + System.lineSeparator());
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anAddressThatIsNotThisMachinesIsOneLineSayingWhy() {
    Run run = execute("--host", "192.0.2.10", "--port", "0", "--admin-token", "t0ken");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().lines())
        .singleElement(as(STRING))
        .startsWith("mock-server: cannot start: cannot listen on 192.0.2.10 port 0: ")
        .endsWith("; check --host and --port");
  }

  @Test
  void aMissingConfigFileIsAnErrorNamingIt() {
    Path file = dir.resolve("nowhere.yaml");

    IllegalArgumentException error = configError("--config", file.toString());

    assertThat(error.getMessage()).contains(file.toString()).contains("not found");
  }

  @Test
  void aBadDurationFlagIsAParseErrorNamingTheOptionAndTheValue() {
    Main main = new Main();

    CommandLine.ParameterException error =
        catchThrowableOfType(
            CommandLine.ParameterException.class,
            () -> new CommandLine(main).parseArgs("--throttle-window", "5 parsecs"));

    assertThat(error).isNotNull();
    assertThat(error.getMessage())
        .contains("--throttle-window")
        .contains("'5 parsecs' is not a duration");
  }

  @Test
  void aBadDurationInTheConfigFileIsAnErrorNamingTheValue() throws IOException {
    Path file = write("mock.yaml", "throttle: { window: 5 parsecs }\n");

    IllegalArgumentException error = configError("--config", file.toString());

    assertThat(error.getMessage()).contains("'5 parsecs' is not a duration");
  }

  @Test
  void helpPrintsTheUsageAndExitsWithZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exitCode = cli.execute("--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("Usage:")
        .contains("--port")
        .contains("--throttle-window")
        .contains("--cors-origin")
        .contains("--config")
        .contains("--admin-token")
        .contains("MOCK_ADMIN_TOKEN")
        .contains("--[no-]redact")
        .contains("--stop-timeout")
        .contains("--admin-cors-origin")
        .contains("--allowed-host");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aNegativePortExitsWithAnErrorInsteadOfStarting() {
    Run run = execute("--port", "-5");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.errors()).contains("port");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aPortThatIsNotANumberExitsWithAnErrorNamingTheOption() {
    Run run = execute("--port", "eighty");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.errors()).contains("--port").contains("eighty");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anUnknownFlagExitsWithAnErrorNamingIt() {
    Run run = execute("--prot", "0");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.errors()).contains("--prot");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aFixturesFolderThatDoesNotExistIsNamedAsMissing() {
    Path missing = dir.resolve("no-fixtures-here");

    Run run = execute("--port", "0", "--fixtures", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().lines())
        .containsExactly(
            "mock-server: cannot start: fixtures folder "
                + missing
                + " not found (--fixtures names a folder with contacts.json and leads.json)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10", "2001:db8::10"})
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aNonLoopbackHostWithoutAnAdminTokenExitsWith2AndOneLineSayingHowToFixIt(String host) {
    Run run = execute("--host", host, "--port", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().strip().lines()).hasSize(1);
    assertThat(run.errors())
        .startsWith("mock-server: cannot start: host " + host + " is not a loopback address")
        .contains("--admin-token")
        .contains("MOCK_ADMIN_TOKEN")
        .contains("127.0.0.1");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anUnusableAdminTokenExitsWith2WithoutRepeatingIt() {
    Run run = execute("--port", "0", "--admin-token", "not a token");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("admin token").doesNotContain("not a token");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--cors-origin|localhost:5173|is not an origin",
        "--admin-cors-origin|http://localhost:5173/app|is not an origin",
        "--allowed-host|http://mock.example.test|is not a host name"
      })
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aBadOriginOrHostExitsWith2AndOneLineNamingTheFlagAndTheValue(
      String flag, String value, String reason) {
    Run run = execute("--port", "0", flag, value);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors().strip().lines()).hasSize(1);
    assertThat(run.errors()).startsWith("mock-server: cannot start: ").contains(value, reason);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anyOriginForTheAdminApiWithoutAnAdminTokenExitsWith2SayingHowToFixIt() {
    Run run = execute("--port", "0", "--admin-cors-origin", "*");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors())
        .startsWith("mock-server: cannot start: --admin-cors-origin * lets every web page")
        .contains("--admin-token")
        .contains("MOCK_ADMIN_TOKEN");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The keys of a config file record, in order: what the error lists as valid. */
  static List<String> recordKeys(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  private static MockConfig configFrom(String... args) {
    return configFrom(Map.of(), args);
  }

  private static MockConfig configFrom(Map<String, String> environment, String... args) {
    Main main = new Main();
    main.environment = environment;
    new CommandLine(main).parseArgs(args);
    return main.config();
  }

  private static IllegalArgumentException configError(String... args) {
    IllegalArgumentException error =
        catchThrowableOfType(IllegalArgumentException.class, () -> configFrom(args));
    assertThat(error).as("IllegalArgumentException from Main#config").isNotNull();
    return error;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** What a user sees of a run: the exit code and everything written as an error. */
  private record Run(int exitCode, String errors) {}

  /**
   * Runs {@code Main} as {@code main} would, but returns the exit code. Picocli's own messages go
   * to the command line's error writer; Main's start-up failures go to {@code System.err}: both
   * count.
   */
  private static Run execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main main = new Main();
    main.environment = Map.of(); // the machine's MOCK_ADMIN_TOKEN must not change the outcome
    CommandLine cli = new CommandLine(main);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int exitCode;
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    try {
      exitCode = cli.execute(args);
    } finally {
      System.setErr(original);
    }
    return new Run(exitCode, err + systemErr.toString(StandardCharsets.UTF_8));
  }
}
