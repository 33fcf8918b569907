package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contractkit.mock.faults.DelayRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --latency}, {@code --seed} and {@code --max-delayed}, and their config-file keys {@code
 * latency}, {@code seed} and {@code maxDelayed}: defaults, flags over the file, and clear errors.
 */
class LatencyConfigTest {
  @TempDir Path dir;

  @Test
  void byDefaultThereIsNoLatencyARandomSeedAndRoomForTenThousandDelayedRequests() {
    MockConfig config = configFrom();

    assertThat(config.latency()).isNull();
    assertThat(config.seed()).isNull();
    assertThat(config.maxDelayed()).isEqualTo(10_000);
  }

  @Test
  void theFlagsSetLatencySeedAndBound() {
    MockConfig config =
        configFrom("--latency", "50ms..200ms", "--seed", "-7", "--max-delayed", "2");

    assertThat(config.latency())
        .isEqualTo(new DelayRange(Duration.ofMillis(50), Duration.ofMillis(200)));
    assertThat(config.seed()).isEqualTo(-7L);
    assertThat(config.maxDelayed()).isEqualTo(2);
    assertThat(config.toString()).contains("latency=50ms..200ms, seed=-7, maxDelayed=2]");
  }

  @Test
  void theConfigFileSetsThemAndFlagsWin() throws IOException {
    Path file =
        Files.writeString(dir.resolve("mock.yaml"), "latency: 300ms\nseed: 42\nmaxDelayed: 5\n");

    MockConfig fromFile = configFrom("--config", file.toString());
    MockConfig withFlags =
        configFrom("--config", file.toString(), "--latency", "1s..2s", "--seed", "1");

    assertThat(fromFile.latency()).isEqualTo(DelayRange.fixed(Duration.ofMillis(300)));
    assertThat(fromFile.seed()).isEqualTo(42L);
    assertThat(fromFile.maxDelayed()).isEqualTo(5);
    assertThat(withFlags.latency()).hasToString("1s..2s");
    assertThat(withFlags.seed()).isEqualTo(1L);
    assertThat(withFlags.maxDelayed()).isEqualTo(5);
  }

  @Test
  void aBadLatencyFlagIsAParseErrorNamingTheOptionAndTheReason() {
    CommandLine.ParameterException error =
        catchThrowableOfType(
            CommandLine.ParameterException.class,
            () -> new CommandLine(new Main()).parseArgs("--latency", "2s..1s"));

    assertThat(error).isNotNull();
    assertThat(error.getMessage())
        .contains("--latency")
        .contains("the shortest delay must not be longer than the longest");
  }

  @Test
  void aBadLatencyInTheConfigFileIsAnErrorNamingTheFileTheKeyAndTheValue() throws IOException {
    Path file = Files.writeString(dir.resolve("mock.yaml"), "latency: 5 parsecs\n");

    assertThatThrownBy(() -> configFrom("--config", file.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config file "
                + file
                + ", latency: '5 parsecs' is not a duration (use e.g. 250ms, 60s, 5m, 1h or PT5M)");
  }

  @Test
  void theBoundMustBeAtLeastOne() {
    assertThatThrownBy(() -> configFrom("--max-delayed", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the number of delayed requests held must be at least 1");
    assertThat(configFrom("--max-delayed", "1").maxDelayed()).isEqualTo(1);
  }

  @Test
  void helpListsTheNewFlags() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("--latency").contains("--seed").contains("--max-delayed");
  }

  @Test
  void theWithersKeepEveryOtherSetting() {
    MockConfig config =
        MockConfig.defaults()
            .withPort(0)
            .withLatency(DelayRange.parse("1s"))
            .withSeed(3L)
            .withMaxDelayed(4);

    assertThat(config.port()).isZero();
    assertThat(config.latency()).hasToString("1s");
    assertThat(config.seed()).isEqualTo(3L);
    assertThat(config.maxDelayed()).isEqualTo(4);
    assertThat(config.withPort(1).latency()).hasToString("1s");
    assertThat(config.withPort(1).seed()).isEqualTo(3L);
    assertThat(config.withPort(1).maxDelayed()).isEqualTo(4);
  }

  private static MockConfig configFrom(String... args) {
    Main main = new Main();
    main.environment = Map.of();
    new CommandLine(main).parseArgs(args);
    return main.config();
  }
}
