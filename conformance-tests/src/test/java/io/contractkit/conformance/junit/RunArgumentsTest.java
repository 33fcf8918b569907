package io.contractkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.conformance.RunArguments;
import io.contractkit.conformance.checks.Mode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The jar's options in {@code contractkit.conformance.args}, read by the jar's parser. */
class RunArgumentsTest {

  @Test
  void everyOptionOfARunIsReadAsTheJarReadsIt() {
    RunArguments args =
        RunArguments.parse(
            "  --profile p.yaml --base-url http://127.0.0.1:1 --contacts-base-url http://c"
                + "\t--lms-base-url http://l --only A,B --only C --skip ,D, --mode LENIENT"
                + " --concurrency 3 --max-wait 2m --seed -7 --fail-on-skipped\n");

    assertThat(args.profile()).isEqualTo(Path.of("p.yaml"));
    assertThat(args.baseUrl()).isEqualTo("http://127.0.0.1:1");
    assertThat(args.contactsBaseUrl()).isEqualTo("http://c");
    assertThat(args.lmsBaseUrl()).isEqualTo("http://l");
    assertThat(args.only()).containsExactlyInAnyOrder("A", "B", "C");
    assertThat(args.skip()).containsExactly("D");
    assertThat(args.mode()).isEqualTo(Mode.LENIENT);
    assertThat(args.concurrency()).isEqualTo(3);
    assertThat(args.maxWait()).isEqualTo(Duration.ofMinutes(2));
    assertThat(args.seed()).isEqualTo(-7L);
    assertThat(args.failOnSkipped()).isTrue();
  }

  @Test
  void theExplorationBudgetIsReadAsTheJarReadsIt() {
    assertThat(RunArguments.parse("--explore-budget 500ms").exploreBudget())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(RunArguments.parse("--explore-sequences 40").exploreSequences()).isEqualTo(40);
  }

  @Test
  void optionsNotGivenAreNullOrEmpty() {
    RunArguments args = RunArguments.none();

    assertThat(args)
        .isEqualTo(
            new RunArguments(
                null,
                null,
                null,
                null,
                java.util.Set.of(),
                java.util.Set.of(),
                null,
                null,
                null,
                null,
                false,
                null,
                null));
    assertThat(RunArguments.parse(" \n ")).isEqualTo(args);
  }

  @Test
  void aValueTheJarRefusesIsRefusedWithTheJarsMessage() {
    assertThatThrownBy(() -> RunArguments.parse("--max-wait soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'soon' is not a duration; write 30, 30s, 2m or 500ms");
    assertThatThrownBy(() -> RunArguments.parse("--mode sloppy"))
        .hasMessageContaining("'sloppy' is not a mode; use strict or lenient");
    assertThatThrownBy(() -> RunArguments.parse("--colour")).hasMessageContaining("--colour");
  }

  @Test
  void optionsOfTheJarThatATestRunDoesNotTakeAreRefusedByName() {
    assertThatThrownBy(() -> RunArguments.parse("--report-dir r --no-color"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--report-dir, --no-color is an option of the jar that a test run does not take"
                + " (Surefire writes the reports of a test run)");
    for (String option :
        new String[] {"--list-checks", "--write-check-reference x", "--help", "--version"}) {
      assertThatThrownBy(() -> RunArguments.parse(option))
          .as(option)
          .hasMessageStartingWith(option.split(" ")[0] + " is an option of the jar");
    }
  }
}
