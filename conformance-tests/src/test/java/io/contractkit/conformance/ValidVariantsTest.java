package io.contractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.fakes.Profiles;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.fakes.ValidVariant;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Correct implementations that chose differently pass without a false alarm.
 *
 * <p>Tagged {@code slow}: it runs the whole suite once per variant, and pitest's JUnit 5 plugin
 * runs every test class a mutant's minion needs in full when it starts that minion, so this class
 * would cost about 14 s per minion while killing no mutant that a faster test leaves alive
 * (complete run, November 2026). {@code mvn verify} runs it; mutation analysis leaves it out.
 */
@Tag("slow")
class ValidVariantsTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(ValidVariant.class)
  void aCorrectImplementationThatChoseDifferentlyPasses(ValidVariant variant) {
    try (SimulatedImplementation impl =
        variant.mockConfig() == null
            ? SimulatedImplementation.start(variant.defect(), variant.prefix())
            : SimulatedImplementation.startWithOwnMock(
                variant.defect(), variant.prefix(), variant.mockConfig())) {
      Profile profile = impl.profile(p -> Profiles.withMode(variant.profile(p), variant.mode()));

      RunResult result =
          impl.run(
              variant.baseUrl(impl.baseUrl()),
              profile,
              impl.options().withConcurrency(variant.concurrency()));

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
