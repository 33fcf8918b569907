package io.contractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.ProfileLoader;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled mock with the example profile: the reference that every check must pass. */
class SuiteAgainstMockTest {
  private static MockServer mock;

  @BeforeAll
  static void startMock() {
    mock = MockServer.start(MockConfig.defaults().withPort(0));
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  private static RunResult runAll() {
    Profile profile = ProfileLoader.load(SimulatedImplementation.EXAMPLE_PROFILE);
    String base = mock.baseUri().toString();
    return new ConformanceSuite(profile, base, base).runAll();
  }

  @Test
  void everyCheckPassesAgainstTheMockWithTheExampleProfile() {
    RunResult result = runAll();

    assertThat(result.results()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(result.results())
        .filteredOn(r -> r.status() != Status.PASSED)
        .extracting(CheckSuiteDescription::of)
        .isEmpty();
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aSecondRunWithoutResettingTheTargetPassesToo() {
    runAll();

    RunResult again = runAll();

    assertThat(again.results()).allMatch(r -> r.status() == Status.PASSED, "all checks pass again");
  }

  /** A failed or skipped check, described for the assertion message. */
  private record CheckSuiteDescription(String text) {
    static String of(CheckResult r) {
      return r.info().id()
          + " "
          + r.status()
          + (r.skipReason() != null ? ": " + r.skipReason() : "")
          + (r.failure() != null ? ": expected " + r.failure().expected() + ", got " + r.failure().actual() : "");
    }
  }
}
