package io.contractkit.conformance;

import io.contractkit.conformance.checks.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The jar's options that shape a run, read from a command line by the jar's own parser ({@link
 * Main}'s): the JUnit entry point takes them from its {@code contractkit.conformance.args}
 * configuration parameter, so that {@code -Dcontractkit.conformance.args="--only ID --seed 7"}
 * means what it means to {@code java -jar conformance.jar}. A value the jar refuses is refused with
 * the jar's message.
 *
 * @param profile {@code --profile}, or null
 * @param concurrency {@code --concurrency}, or null when not given
 * @param maxWait {@code --max-wait}, or null when not given
 * @param seed {@code --seed}, or null
 * @param exploreBudget {@code --explore-budget}, or null when not given
 * @param exploreSequences {@code --explore-sequences}, or null when not given
 */
public record RunArguments(
    Path profile,
    String baseUrl,
    String contactsBaseUrl,
    String lmsBaseUrl,
    Set<String> only,
    Set<String> skip,
    Mode mode,
    Integer concurrency,
    Duration maxWait,
    Long seed,
    boolean failOnSkipped,
    Duration exploreBudget,
    Integer exploreSequences) {

  /** Options of the jar that do something other than run checks, or only for the jar's reports. */
  private static final List<String> NOT_FOR_A_TEST_RUN =
      List.of(
          "--list-checks",
          "--write-check-reference",
          "--report-dir",
          "--no-color",
          "--help",
          "--version");

  public RunArguments {
    only = Set.copyOf(only);
    skip = Set.copyOf(skip);
  }

  /** No option given. */
  public static RunArguments none() {
    return parse("");
  }

  /**
   * Reads {@code line}, the options separated by white space ({@code --only A,B --seed 7}).
   *
   * @throws IllegalArgumentException naming what is wrong, as the jar says it
   */
  public static RunArguments parse(String line) {
    String[] args =
        Arrays.stream(line.trim().split("\\s+")).filter(a -> !a.isEmpty()).toArray(String[]::new);
    Main main = new Main();
    ParseResult parsed;
    try {
      parsed = new CommandLine(main).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<String> refused = new ArrayList<>();
    for (String option : NOT_FOR_A_TEST_RUN) {
      if (parsed.hasMatchedOption(option)) {
        refused.add(option);
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException(
          String.join(", ", refused)
              + " is an option of the jar that a test run does not take (Surefire writes the"
              + " reports of a test run)");
    }
    return new RunArguments(
        main.profileFile,
        main.baseUrl,
        main.contactsBaseUrl,
        main.lmsBaseUrl,
        Main.ids(main.only),
        Main.ids(main.skip),
        main.mode,
        parsed.hasMatchedOption("--concurrency") ? main.concurrency : null,
        parsed.hasMatchedOption("--max-wait") ? main.maxWait : null,
        main.seed,
        main.failOnSkipped,
        parsed.hasMatchedOption("--explore-budget") ? main.exploreBudget : null,
        main.exploreSequences);
  }
}
