package io.contractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.CheckRegistry;
import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite catches every planted defect, under the check id one would expect: the proof that its
 * checks can fail.
 */
class DefectCatalogueTest {

  @Test
  void theCatalogueHoldsAtLeastTwentyDefectsForChecksThatExist() {
    assertThat(KnownDefect.values()).hasSizeGreaterThanOrEqualTo(20);
    var ids = CheckRegistry.standard().all().stream().map(c -> c.info().id()).toList();
    assertThat(Arrays.stream(KnownDefect.values()).map(KnownDefect::expectedCheckId))
        .allMatch(ids::contains);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KnownDefect.class)
  void eachDefectIsCaughtUnderItsCheckId(KnownDefect defect) {
    try (SimulatedImplementation impl = SimulatedImplementation.start(defect.defect())) {
      RunResult result = impl.run(defect.expectedCheckId());

      CheckResult caught = result.result(defect.expectedCheckId()).orElseThrow();
      assertThat(caught.status())
          .as("%s: %s", defect, defect.description())
          .isEqualTo(Status.FAILED);
      assertThat(caught.failure().expected()).isNotBlank();
      assertThat(caught.failure().actual()).isNotBlank();
      assertThat(result.passed()).isEqualTo(caught.severity() == Severity.WARNING);
    }
  }
}
