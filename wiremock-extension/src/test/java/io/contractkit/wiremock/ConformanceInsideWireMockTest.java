package io.contractkit.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.junit.ConformanceChecks;
import io.contractkit.conformance.junit.ConformanceTest;
import io.contractkit.mock.contacts.ThrottlePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract held inside WireMock: WireMock with the extension on port 0, on the bundled
 * fixtures, and the whole conformance suite against it in strict mode through the suite's JUnit
 * entry point, with the bundled mock's profile ({@code conformance-tests/profiles/mock.yaml}) whose
 * admin hooks (fresh authTokens, the clock) point at the extension's {@code /__admin/contract-kit/}
 * routes. Every check must pass (a skip fails too).
 */
@Tag("slow") // the whole suite; the extension's behaviour is held by ContractKitExtensionTest
class ConformanceInsideWireMockTest {
  static final Path MOCK_PROFILE = Path.of("..", "conformance-tests", "profiles", "mock.yaml");

  @TempDir static Path tmp;

  // As the README shows it: the bundled fixtures, the mock's throttle and token lifetime.
  static final ContractKitExtension kit =
      new ContractKitExtension(
          null, ThrottlePolicy.DEFAULT, ContractKitExtension.DEFAULT_TOKEN_TTL, Clock.systemUTC());

  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(kit))
          .build();

  @BeforeEach
  void reset() {
    kit.reset();
  }

  /** The bundled mock's profile with the extension's admin routes. */
  static Path wireMockProfile() throws Exception {
    String mock = Files.readString(MOCK_PROFILE);
    String profile =
        mock.replace("{baseUrl}/__admin/authtokens", "{baseUrl}/__admin/contract-kit/authtokens")
            .replace("{baseUrl}/__admin/clock", "{baseUrl}/__admin/contract-kit/clock");
    if (profile.equals(mock)) {
      throw new IllegalStateException("the admin routes of " + MOCK_PROFILE + " were not found");
    }
    return Files.writeString(tmp.resolve("wiremock.yaml"), profile);
  }

  @ConformanceTest
  Stream<DynamicNode> everyCheckPassesInsideWireMock(ConformanceChecks checks) throws Exception {
    return checks
        .profile(wireMockProfile())
        .baseUrl(wireMock.baseUrl())
        .mode(Mode.STRICT)
        .failOnSkipped()
        .tests();
  }
}
