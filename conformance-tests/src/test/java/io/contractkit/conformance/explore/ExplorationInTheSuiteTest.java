package io.contractkit.conformance.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.fakes.Defect;
import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunListener;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exploration within the whole suite: it keeps to its own ips and authTokens, so that the fixed
 * checks running beside it stay green against a correct implementation; and the defects planted for
 * it are ones that only a sequence shows, which the fixed checks alone let through.
 *
 * <p>Tagged {@code slow}: each test runs the whole suite.
 */
@Tag("slow")
class ExplorationInTheSuiteTest {
  private static final Set<String> EXPLORE_IDS =
      ExploreChecks.all().stream().map(c -> c.info().id()).collect(Collectors.toSet());

  @Test
  void theWholeSuiteWithTheExplorationPassesACorrectImplementation() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      RunResult result = impl.run();

      assertThat(result.results())
          .filteredOn(r -> r.status() != Status.PASSED)
          .extracting(ExplorationInTheSuiteTest::describe)
          .isEmpty();
      assertThat(result.results()).extracting(r -> r.info().id()).containsAll(EXPLORE_IDS);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = KnownDefect.class,
      names = {"SUCCESS_RESETS_FAILURES", "USED_AUTH_TOKEN_REVIVED"})
  void theFixedChecksAloneLetTheSequenceOnlyDefectsThrough(KnownDefect defect) {
    assertThat(defect.expectedCheckId()).isIn(EXPLORE_IDS);
    try (SimulatedImplementation impl = SimulatedImplementation.start(defect.defect())) {
      RunResult result =
          new ConformanceSuite(impl.profile(), impl.baseUrl(), impl.baseUrl(), impl.options())
              .run(Set.of(), EXPLORE_IDS, RunListener.NONE);

      assertThat(result.results())
          .filteredOn(r -> r.status() != Status.PASSED)
          .extracting(ExplorationInTheSuiteTest::describe)
          .isEmpty();
      assertThat(result.results())
          .extracting(r -> r.info().id())
          .doesNotContainAnyElementsOf(EXPLORE_IDS);
    }
  }

  private static String describe(CheckResult r) {
    return r.info().id()
        + " "
        + r.status()
        + (r.failure() == null
            ? " " + r.skipReason()
            : ": expected " + r.failure().expected() + ", got " + r.failure().actual());
  }
}
