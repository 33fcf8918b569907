package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code --store}, {@code --store-prefix}, {@code --store-timeout} and their config keys. */
class StoreFlagsTest {
  @TempDir Path dir;

  private static MockConfig configFrom(Map<String, String> environment, String... args) {
    Main main = new Main();
    main.environment = environment;
    new CommandLine(main).parseArgs(args);
    return main.config();
  }

  @Test
  void byDefaultTheStateIsInMemory() {
    StoreConfig store = configFrom(Map.of()).store();

    assertThat(store.redis()).isFalse();
    assertThat(store).isEqualTo(StoreConfig.DEFAULT);
    assertThat(store.prefix()).isEqualTo("contract-kit");
    assertThat(store.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(store.password()).isNull();
    assertThat(store.toString()).isEqualTo("memory (prefix contract-kit, timeout PT2S)");
  }

  @Test
  void theFlagsSetARedisStoreAndThePasswordComesFromTheEnvironment() {
    StoreConfig store =
        configFrom(
                Map.of(StoreConfig.PASSWORD_VARIABLE, "s3cret"),
                "--store",
                "rediss://redis.example.test:6380/2",
                "--store-prefix",
                "team-a",
                "--store-timeout",
                "500ms")
            .store();

    assertThat(store)
        .isEqualTo(
            new StoreConfig(
                "rediss://redis.example.test:6380/2", "team-a", Duration.ofMillis(500), "s3cret"));
    assertThat(store.redis()).isTrue();
    assertThat(store.toString()).doesNotContain("s3cret").contains("password ***");
  }

  @Test
  void anEmptyPasswordVariableCountsAsUnset() {
    assertThat(
            configFrom(Map.of(StoreConfig.PASSWORD_VARIABLE, ""), "--store", "redis://h:1")
                .store()
                .password())
        .isNull();
  }

  @Test
  void theConfigFileSetsTheStoreAndFlagsWinOverIt() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("mock.yaml"),
            "store: redis://127.0.0.1:6379/1\nstorePrefix: from-file\nstoreTimeout: 3s\n");

    StoreConfig fromFile = configFrom(Map.of(), "--config", file.toString()).store();
    StoreConfig flagged =
        configFrom(Map.of(), "--config", file.toString(), "--store", "memory").store();

    assertThat(fromFile)
        .isEqualTo(
            new StoreConfig("redis://127.0.0.1:6379/1", "from-file", Duration.ofSeconds(3), null));
    assertThat(flagged.redis()).isFalse();
    assertThat(flagged.prefix()).isEqualTo("from-file");
  }

  @Test
  void aPasswordInTheUrlNeverReachesTheLog() {
    assertThat(new StoreConfig("redis://user:pw@h:1", "p", Duration.ofSeconds(1), null).toString())
        .isEqualTo("redis://***@h:1 (prefix p, timeout PT1S)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://h:1|contract-kit|2s|the store must be 'memory' or a URL",
        "redis://h:notaport|contract-kit|2s|the store URL is not a valid",
        "redis://h:1/x y|contract-kit|2s|the store URL is not a valid",
        "redis:///0|contract-kit|2s|the store URL is not a valid",
        "redis://h:1/abc|contract-kit|2s|the store URL is not a valid",
        "redis://h:1/0?timeout=1s|contract-kit|2s|the store URL is not a valid",
        "memory|a b|2s|the store prefix must be 1 to 64",
        "memory||2s|the store prefix must be 1 to 64",
        "memory|contract-kit|0s|the store timeout must be more than 0s and at most 60s",
        "memory|contract-kit|61s|the store timeout must be more than 0s and at most 60s"
      })
  void badValuesAreNamed(String store, String prefix, String timeout, String message) {
    assertThatThrownBy(
            () ->
                configFrom(
                    Map.of(),
                    "--store",
                    store,
                    "--store-prefix",
                    prefix == null ? "" : prefix,
                    "--store-timeout",
                    timeout))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aUrlWithADatabaseOrWithoutAPortIsAccepted() {
    assertThat(configFrom(Map.of(), "--store", "redis://h/15").store().url())
        .isEqualTo("redis://h/15");
    assertThat(configFrom(Map.of(), "--store", "redis://h:1/").store().redis()).isTrue();
  }

  @Test
  void theLongestPrefixAndTimeoutAreAccepted() {
    StoreConfig store =
        configFrom(Map.of(), "--store-prefix", "p".repeat(64), "--store-timeout", "60s").store();

    assertThat(store.prefix()).hasSize(64);
    assertThat(store.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> configFrom(Map.of(), "--store-prefix", "p".repeat(65)))
        .hasMessageStartingWith("the store prefix");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anUnreachableRedisStopsTheStartWithOneLineNamingTheUrlAndExit2() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String url = "redis://127.0.0.1:" + port;
    Main main = new Main();
    main.environment = Map.of();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int exit;
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    try {
      exit = new CommandLine(main).execute("--port", "0", "--store", url);
    } finally {
      System.setErr(original);
    }

    assertThat(exit).isEqualTo(2);
    String said = errors.toString(StandardCharsets.UTF_8);
    assertThat(said.strip().lines()).hasSize(1);
    assertThat(said)
        .startsWith("mock-server: cannot start: state store " + url + " cannot be reached: ");
  }
}
