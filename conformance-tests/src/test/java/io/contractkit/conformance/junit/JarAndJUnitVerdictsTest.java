package io.contractkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.contractkit.conformance.Main;
import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One engine, two entry points: the same target, profile and options through the jar's runner
 * ({@link Main}, its {@code results.json}) and through JUnit (a vendor's {@link ConformanceTest}
 * class, run by JUnit's engine) give every check the same verdict, and a failure the same expected
 * and actual text. The target has a planted defect and the profile no clock hook, so that the run
 * has passes, errors, a failed warning and skips.
 */
@Tag("slow") // two whole runs; the entry point's logic is held by ConformanceTestTest and
// VerdictsTest
class JarAndJUnitVerdictsTest {
  @TempDir Path tmp;

  @Test
  void everyCheckGetsTheSameVerdictThroughTheJarAndThroughJUnit() throws Exception {
    try (SimulatedImplementation target =
        SimulatedImplementation.start(KnownDefect.CAMEL_CASE_CONTACT.defect())) {
      String example = Files.readString(SimulatedImplementation.EXAMPLE_PROFILE);
      Path profile = tmp.resolve("without-clock-hook.yaml");
      Files.writeString(profile, example.substring(0, example.indexOf("\nclock:")) + "\n");
      List<String> options =
          List.of(
              "--profile",
              profile.toString(),
              "--base-url",
              target.baseUrl(),
              "--seed",
              "20261206",
              "--max-wait",
              "0s");

      Map<String, String> jar = throughTheJar(options);
      target.mock().state().reset();
      EngineExecutionResults junit = throughJUnit(options);

      assertThat(verdicts(junit)).containsExactlyEntriesOf(jar);
      assertThat(jar).hasSizeGreaterThanOrEqualTo(30);
      assertThat(jar.values()).contains("FAILED", "ABORTED", "SUCCESSFUL");
      assertThat(results.at("/counts/failedWarnings").asInt()).isPositive();
      for (JsonNode check : results.get("checks")) {
        if (check.has("failure") && check.get("severity").asString().equals("error")) {
          AssertionFailedError error = (AssertionFailedError) throwable(junit, check);
          assertThat(error.getExpected().getValue())
              .isEqualTo(check.at("/failure/expected").asString());
          assertThat(error.getActual().getValue())
              .isEqualTo(check.at("/failure/actual").asString());
        } else if (check.has("skipReason")) {
          assertThat(throwable(junit, check).getMessage())
              .isEqualTo(check.get("skipReason").asString());
        }
      }
    }
  }

  private JsonNode results;

  /** Each check's verdict as JUnit would give it, read from the jar's results.json. */
  private Map<String, String> throughTheJar(List<String> options) throws Exception {
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("--no-color", "--report-dir", tmp.resolve("report").toString()));
    CommandLine cmd = new CommandLine(new Main());
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(out, true));

    assertThat(cmd.execute(args.toArray(String[]::new))).as(out.toString()).isEqualTo(1);

    results = JsonMapper.builder().build().readTree(tmp.resolve("report/results.json").toFile());
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (JsonNode check : results.get("checks")) {
      String status = check.get("status").asString();
      boolean error = check.get("severity").asString().equals("error");
      verdicts.put(
          check.get("id").asString(),
          switch (status) {
            case "passed" -> "SUCCESSFUL";
            case "failed" -> error ? "FAILED" : "SUCCESSFUL";
            default -> "ABORTED";
          });
    }
    return verdicts;
  }

  private static EngineExecutionResults throughJUnit(List<String> options) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(ConformanceTestSamples.SAMPLES, "true")
        .configurationParameter(ConformanceTestExtension.ARGS, String.join(" ", options))
        .selectors(selectClass(ConformanceTestSamples.ProfileFromTheCommandLineOnly.class))
        .execute();
  }

  private static Map<String, String> verdicts(EngineExecutionResults results) {
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (Event e : results.testEvents().finished().list()) {
      verdicts.put(
          e.getTestDescriptor().getDisplayName(),
          e.getRequiredPayload(TestExecutionResult.class).getStatus().name());
    }
    return verdicts;
  }

  private static Throwable throwable(EngineExecutionResults results, JsonNode check) {
    return results.testEvents().finished().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().equals(check.get("id").asString()))
        .findFirst()
        .orElseThrow()
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .orElseThrow();
  }
}
