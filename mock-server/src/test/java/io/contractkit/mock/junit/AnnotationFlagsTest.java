package io.contractkit.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.Main;
import io.contractkit.mock.MockConfig;
import io.contractkit.mock.contacts.ThrottlePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ContractKitMock}'s attributes are the jar's flags, read by its parser. */
class AnnotationFlagsTest {
  @ContractKitMock
  private static final class Defaults {}

  @ContractKitMock(
      fixtures = "my-fixtures",
      throttleMaxFailures = 4,
      throttleWindow = "30s",
      throttleBlock = "2m",
      tokenTtl = "90s",
      adminToken = "secret-token",
      port = 18080,
      requestLog = true,
      args = {"--redact", "--cors-origin", "http://localhost:5173"})
  private static final class Everything {}

  static final Path CONFIG_FILE = Path.of("target", "annotation-flags", "mock.yaml");

  @ContractKitMock(config = "target/annotation-flags/mock.yaml", tokenTtl = "5m")
  private static final class WithConfigFile {}

  private static ContractKitMock of(Class<?> type) {
    return type.getAnnotation(ContractKitMock.class);
  }

  @Test
  void unsetAttributesGiveOnlyAFreePortAndNoRequestLog() {
    assertThat(AnnotationFlags.of(of(Defaults.class)))
        .containsExactly("--port", "0", "--no-request-log");
  }

  @Test
  void everyAttributeIsItsFlag() {
    assertThat(AnnotationFlags.of(of(Everything.class)))
        .containsExactly(
            "--port",
            "18080",
            "--fixtures",
            "my-fixtures",
            "--throttle-max-failures",
            "4",
            "--throttle-window",
            "30s",
            "--throttle-block",
            "2m",
            "--token-ttl",
            "90s",
            "--admin-token",
            "secret-token",
            "--request-log",
            "--redact",
            "--cors-origin",
            "http://localhost:5173");
  }

  @Test
  void theFlagsBuildTheConfigTheJarWouldStartWith() {
    MockConfig config = Main.configFrom(AnnotationFlags.of(of(Everything.class)));

    assertThat(config)
        .isEqualTo(
            MockConfig.defaults()
                .withPort(18080)
                .withFixtures(Path.of("my-fixtures"))
                .withThrottle(new ThrottlePolicy(4, Duration.ofSeconds(30), Duration.ofMinutes(2)))
                .withAuthTokenTtl(Duration.ofSeconds(90))
                .withAdminToken("secret-token")
                .withRedaction(true)
                .withCorsOrigins(List.of("http://localhost:5173")));
  }

  @Test
  void aConfigFileIsReadAsTheJarReadsItAndTheAttributesWinOverIt() throws IOException {
    Files.createDirectories(CONFIG_FILE.getParent());
    Files.writeString(CONFIG_FILE, "port: 9999\nthrottle: { maxFailures: 7 }\nauthTokenTtl: 1m\n");

    List<String> flags = AnnotationFlags.of(of(WithConfigFile.class));
    MockConfig config = Main.configFrom(flags);

    assertThat(flags).startsWith("--config", "target/annotation-flags/mock.yaml");
    assertThat(config.throttle().maxFailures()).isEqualTo(7);
    assertThat(config.port()).isZero();
    assertThat(config.authTokenTtl()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void unsetAttributesKeepTheDefaultsOfTheExtension() {
    assertThat(Main.configFrom(AnnotationFlags.of(of(Defaults.class))))
        .isEqualTo(ContractKitMockExtension.defaultOptions());
  }
}
