package io.contractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.fakes.Profiles;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.fakes.ValidVariant;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Correct implementations that chose differently pass without a false alarm. */
class ValidVariantsTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(ValidVariant.class)
  void aCorrectImplementationThatChoseDifferentlyPasses(ValidVariant variant) {
    try (SimulatedImplementation impl =
        SimulatedImplementation.start(variant.defect(), variant.prefix())) {
      Profile profile = impl.profile(p -> Profiles.withMode(p, variant.mode()));

      RunResult result = impl.run(profile);

      assertThat(result.results())
          .filteredOn(CheckResult::failsGate)
          .extracting(
              r ->
                  r.info().id()
                      + ": expected "
                      + r.failure().expected()
                      + ", got "
                      + r.failure().actual())
          .as(variant.description())
          .isEmpty();
      assertThat(result.results()).filteredOn(r -> r.status() == Status.SKIPPED).isEmpty();
      assertThat(result.passed()).isTrue();
    }
  }
}
