package io.contractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.fakes.CheckResults;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import io.contractkit.mock.MockServer;
import org.junit.jupiter.api.Test;

/** The bundled mock with the example profile: the reference that every check must pass. */
class SuiteAgainstMockTest {
  private static final MockServer mock = SimulatedImplementation.sharedMock();

  private static RunResult runAll() {
    mock.state().reset();
    Profile profile = SimulatedImplementation.exampleProfile();
    String base = mock.baseUri().toString();
    return new ConformanceSuite(profile, base, base).runAll();
  }

  @Test
  void everyCheckPassesAgainstTheMockWithTheExampleProfile() {
    RunResult result = runAll();

    assertThat(result.results()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(result.results())
        .filteredOn(r -> r.status() != Status.PASSED)
        .extracting(CheckResults::describe)
        .isEmpty();
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aSecondRunWithoutResettingTheTargetPassesToo() {
    runAll();

    RunResult again = runAll();

    assertThat(again.results()).allMatch(r -> r.status() == Status.PASSED, "all checks pass again");
  }
}
