package io.contractkit.mock.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.cli.DurationConverter;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.store.StoreConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The edges of the configuration values and of a lead's expiry. */
class ConfigValuesBehaviourTest {

  private static MockConfig config(int port, Duration ttl, int journal, int outbox) {
    return new MockConfig(
        "127.0.0.1",
        port,
        null,
        ThrottlePolicy.DEFAULT,
        ttl,
        List.of("*"),
        journal,
        outbox,
        null,
        false,
        MockConfig.DEFAULT_STOP_TIMEOUT,
        true,
        List.of(),
        List.of(),
        null,
        null,
        MockConfig.DEFAULT_MAX_DELAYED,
        true,
        StoreConfig.DEFAULT);
  }

  @Test
  void portsFromZeroTo65535AreAccepted() {
    assertThat(config(0, Duration.ofSeconds(1), 1, 1).port()).isZero();
    assertThat(config(65535, Duration.ofSeconds(1), 1, 1).port()).isEqualTo(65535);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65536})
  void portsOutsideTheRangeAreRefused(int port) {
    assertThatThrownBy(() -> config(port, Duration.ofSeconds(1), 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be from 0 to 65535");
  }

  @Test
  void theTokenLifetimeMustBePositive() {
    assertThat(config(0, Duration.ofNanos(1), 1, 1).authTokenTtl()).isEqualTo(Duration.ofNanos(1));
    assertThatThrownBy(() -> config(0, Duration.ZERO, 1, 1))
        .hasMessage("the authToken lifetime must be positive");
    assertThatThrownBy(() -> config(0, Duration.ofSeconds(-1), 1, 1))
        .hasMessage("the authToken lifetime must be positive");
  }

  @Test
  void journalAndOutboxHoldAtLeastOneEntry() {
    assertThatThrownBy(() -> config(0, Duration.ofSeconds(1), 0, 1))
        .hasMessage("journal and outbox sizes must be at least 1");
    assertThatThrownBy(() -> config(0, Duration.ofSeconds(1), 1, 0))
        .hasMessage("journal and outbox sizes must be at least 1");
  }

  @Test
  void anyCorsOriginOnlyWithTheStar() {
    MockConfig d = MockConfig.defaults();
    assertThat(d.anyCorsOrigin()).isTrue();
    assertThat(d.withCorsOrigins(List.of("http://localhost:5173")).anyCorsOrigin()).isFalse();
    assertThat(d.withCorsOrigins(List.of("http://localhost:5173", "*")).anyCorsOrigin()).isTrue();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "250ms, PT0.25S",
    "60s, PT1M",
    "5m, PT5M",
    "2h, PT2H",
    "' 7s ', PT7S",
    "PT1M30S, PT1M30S",
    "0s, PT0S",
    "999999999ms, PT277H46M39.999S"
  })
  void durationsAreReadInShortAndIsoForm(String text, String expected) {
    assertThat(DurationConverter.parse(text)).isEqualTo(Duration.parse(expected));
    assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "5 m", "1d", "-5s", "1000000000s", "PT", ""})
  void otherDurationsAreRefusedNamingTheValue(String text) {
    assertThatThrownBy(() -> DurationConverter.parse(text))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("'" + text + "' is not a duration (use e.g. 250ms, 60s, 5m, 1h or PT5M)");
  }

  @ParameterizedTest
  @CsvSource({
    "PT0.25S, 250ms",
    "PT0S, 0s",
    "PT1.5S, 1500ms",
    "PT5S, 5s",
    "PT90S, 90s",
    "PT2M, 2m",
    "PT61M, 61m",
    "PT1H, 1h",
    "PT24H, 24h"
  })
  void aDurationIsWrittenInItsShortestExactShortForm(String duration, String written) {
    assertThat(DurationConverter.format(Duration.parse(duration))).isEqualTo(written);
    assertThat(DurationConverter.parse(written)).isEqualTo(Duration.parse(duration));
  }

  @Test
  void aLeadHasExpiredFromItsExpirationInstantOn() {
    Instant expiration = Instant.parse("2030-01-01T00:00:00Z");
    Lead lead = new Lead("lead-A", expiration, new byte[0], null, null, null, List.of());

    assertThat(lead.expiredAt(expiration.minusNanos(1))).isFalse();
    assertThat(lead.expiredAt(expiration)).isTrue();
    assertThat(lead.expiredAt(expiration.plusSeconds(1))).isTrue();
  }
}
