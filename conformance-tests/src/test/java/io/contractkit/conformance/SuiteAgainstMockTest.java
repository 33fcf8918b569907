package io.contractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.fakes.CheckResults;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bundled mock with the example profile: the reference that every check must pass. (Through the
 * proxy without a defect, which answers the example profile's clock hook, {@code POST
 * /__admin/clock}, on the mock's clock.)
 */
class SuiteAgainstMockTest {
  private static final SimulatedImplementation correct = SimulatedImplementation.correct();

  private static RunResult runAll() {
    correct.mock().state().reset();
    SimulatedImplementation.sharedClock().reset();
    return correct.run(SimulatedImplementation.exampleProfile());
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

  /**
   * Two complete runs, each with the default exploration budget: about 13 s, left out of the
   * mutation gate (tag "slow"); the first test above runs the same checks once.
   */
  @Test
  @Tag("slow")
  void aSecondRunWithoutResettingTheTargetPassesToo() {
    runAll();

    RunResult again = runAll();

    assertThat(again.results()).allMatch(r -> r.status() == Status.PASSED, "all checks pass again");
  }
}
