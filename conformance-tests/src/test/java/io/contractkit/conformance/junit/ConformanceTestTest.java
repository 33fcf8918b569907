package io.contractkit.conformance.junit;

import static io.contractkit.conformance.junit.ConformanceTestSamples.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The suite as JUnit tests, seen from outside: vendors' test classes in miniature ({@link
 * ConformanceTestSamples}) run through JUnit's own engine, against simulated implementations; these
 * tests check which tests JUnit saw, how each ended and what it said.
 */
class ConformanceTestTest {

  @BeforeEach
  void clearTheSamplesRecords() {
    ConformanceTestSamples.clear();
    SimulatedImplementation.correct().mock().state().reset();
    SimulatedImplementation.sharedClock().reset();
  }

  private static EngineExecutionResults run(Class<?> sample, String args) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(ConformanceTestSamples.SAMPLES, "true")
        .configurationParameter(ConformanceTestExtension.ARGS, args)
        .selectors(selectClass(sample))
        .execute();
  }

  private static EngineExecutionResults run(Class<?> sample) {
    return run(sample, "");
  }

  /** Each test's display name and how it ended: SUCCESSFUL, FAILED or ABORTED. */
  private static Map<String, String> outcomes(EngineExecutionResults results) {
    return results.testEvents().finished().stream()
        .collect(
            Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName(),
                e -> result(e).getStatus().name(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  private static TestExecutionResult result(Event e) {
    return e.getRequiredPayload(TestExecutionResult.class);
  }

  private static String message(EngineExecutionResults results, String displayName) {
    return results.allEvents().finished().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().equals(displayName))
        .map(e -> result(e).getThrowable().map(Throwable::getMessage).orElse("(no message)"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test " + displayName));
  }

  /** The failure of the test factory itself (the jar's exit code 2): its message. */
  private static String factoryFailure(EngineExecutionResults results) {
    List<Event> failed =
        results.containerEvents().finished().stream()
            .filter(e -> result(e).getStatus() == TestExecutionResult.Status.FAILED)
            .toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).getTestDescriptor().getDisplayName())
        .startsWith("conformance(ConformanceChecks");
    assertThat(results.testEvents().started().count()).isZero();
    return result(failed.get(0)).getThrowable().orElseThrow().getMessage();
  }

  @Test
  void eachSelectedCheckIsATestNamedByItsIdInTheJarsOrderWithTheJarsVerdict() {
    try (SimulatedImplementation target =
        SimulatedImplementation.start(KnownDefect.CAMEL_CASE_CONTACT.defect())) {
      EngineExecutionResults results =
          run(ConformanceTestSamples.ExampleProfile.class, "--base-url " + target.baseUrl());

      assertThat(outcomes(results))
          .containsExactly(
              Map.entry("CONTACTS-FOUND-EQUALS-PROFILE", "FAILED"),
              Map.entry("CONTACTS-FOUND-NO-EXTRA-PROPERTIES", "SUCCESSFUL"),
              Map.entry("CONTACTS-UNKNOWN-SECRET-404", "SUCCESSFUL"),
              Map.entry("LMS-MISSING-SOURCE-400", "SUCCESSFUL"));
      assertThat(message(results, "CONTACTS-FOUND-EQUALS-PROFILE"))
          .startsWith(
              "CONTACTS-FOUND-EQUALS-PROFILE  An existing secret returns the contact the profile"
                  + " expects  [error]\n  expected:     ")
          .contains("  request:      curl -i '" + target.baseUrl() + "/api/v1/Contacts?secret=");
      assertThat(printed())
          .startsWith(
              "WARN CONTACTS-FOUND-NO-EXTRA-PROPERTIES  A found contact has no undocumented"
                  + " properties  [warning]\n");
    }
  }

  @Test
  void theCommandLinesOnlyReplacesTheCodesAndItsSkipAddsToIt() {
    String base = SimulatedImplementation.correct().baseUrl();

    assertThat(
            outcomes(
                run(
                    ConformanceTestSamples.ExampleProfile.class,
                    "--base-url "
                        + base
                        + " --only CONTACTS-FOUND-SCHEMA,CONTACTS-UNKNOWN-SECRET-404")))
        .as("--only replaces the code's only; the code's skip still applies")
        .containsExactly(Map.entry("CONTACTS-UNKNOWN-SECRET-404", "SUCCESSFUL"));
    assertThat(
            outcomes(
                run(
                    ConformanceTestSamples.ExampleProfile.class,
                    "--base-url " + base + " --skip LMS-MISSING-SOURCE-400")))
        .containsOnlyKeys(
            "CONTACTS-FOUND-EQUALS-PROFILE",
            "CONTACTS-FOUND-NO-EXTRA-PROPERTIES",
            "CONTACTS-UNKNOWN-SECRET-404");
  }

  @Test
  void aProfileAndEveryOptionCanComeFromTheCommandLineWhereEachApisUrlWinsOverTheCommonOne() {
    String good = SimulatedImplementation.correct().baseUrl();
    EngineExecutionResults results =
        run(
            ConformanceTestSamples.ProfileFromTheCommandLineOnly.class,
            "--profile "
                + SimulatedImplementation.EXAMPLE_PROFILE
                + " --base-url http://127.0.0.1:9 --contacts-base-url "
                + good
                + " --lms-base-url "
                + good
                + " --only CONTACTS-UNKNOWN-SECRET-404,LMS-MISSING-SOURCE-400");

    assertThat(outcomes(results))
        .containsExactly(
            Map.entry("CONTACTS-UNKNOWN-SECRET-404", "SUCCESSFUL"),
            Map.entry("LMS-MISSING-SOURCE-400", "SUCCESSFUL"));
  }

  @Test
  void theCommandLinesBaseUrlWinsOverEachApisUrlInCode() {
    EngineExecutionResults results =
        run(
            ConformanceTestSamples.UnreachableUrlsInCode.class,
            "--base-url " + SimulatedImplementation.correct().baseUrl());

    assertThat(outcomes(results))
        .containsExactly(
            Map.entry("CONTACTS-UNKNOWN-SECRET-404", "SUCCESSFUL"),
            Map.entry("LMS-MISSING-SOURCE-400", "SUCCESSFUL"));
  }

  @Test
  void inCodeEachApisOwnUrlWinsOverTheCommonOne() {
    assertThat(outcomes(run(ConformanceTestSamples.SeparateUrlsInCode.class)))
        .containsExactly(
            Map.entry("CONTACTS-UNKNOWN-SECRET-404", "SUCCESSFUL"),
            Map.entry("LMS-MISSING-SOURCE-400", "SUCCESSFUL"));
  }

  @Test
  void aPlainTestFactoryRunsTheChecksWithTheOptionsInCodeAndNoCommandLine() {
    EngineExecutionResults results =
        run(ConformanceTestSamples.PlainTestFactory.class, "--only CONTACTS-UNKNOWN-SECRET-404");

    assertThat(outcomes(results))
        .containsExactly(Map.entry("LMS-MISSING-SOURCE-400", "SUCCESSFUL"));
  }

  @Test
  void aCheckSkippedForLackOfProfileDataIsAJUnitSkipOrAFailureWithFailOnSkipped() {
    String base = "--base-url " + SimulatedImplementation.correct().baseUrl();

    EngineExecutionResults skipping = run(ConformanceTestSamples.NoSecretsInTheProfile.class, base);
    EngineExecutionResults failing =
        run(ConformanceTestSamples.NoSecretsInTheProfile.class, base + " --fail-on-skipped");

    assertThat(outcomes(skipping))
        .containsExactly(
            Map.entry("CONTACTS-FOUND-SCHEMA", "ABORTED"),
            Map.entry("CONTACTS-UNKNOWN-SECRET-404", "SUCCESSFUL"));
    assertThat(message(skipping, "CONTACTS-FOUND-SCHEMA"))
        .isEqualTo("the profile lists no existing secret (contacts.secrets)");
    assertThat(outcomes(failing)).containsEntry("CONTACTS-FOUND-SCHEMA", "FAILED");
  }

  @Test
  void optionsInCodeReachTheRunAndTheCommandLineWinsOverThem() {
    try (SimulatedImplementation target =
        SimulatedImplementation.start(KnownDefect.OTHER_METHODS_NOT_FOUND.defect())) {
      EngineExecutionResults lenient =
          run(ConformanceTestSamples.OptionsInCode.class, "--base-url " + target.baseUrl());

      assertThat(outcomes(lenient))
          .as("lenient: a 404 for other methods is a warning; the 300 s wait exceeds 2 s")
          .containsExactly(
              Map.entry("CONTACTS-THROTTLE-BLOCK-LIFTS", "FAILED"),
              Map.entry("PROTOCOL-OTHER-METHODS-405", "SUCCESSFUL"));
      assertThat(message(lenient, "CONTACTS-THROTTLE-BLOCK-LIFTS"))
          .startsWith("skipped without --skip asking for it, and --fail-on-skipped is set: ")
          .contains("more than --max-wait (2 s)");
      assertThat(printed())
          .startsWith("WARN PROTOCOL-OTHER-METHODS-405")
          .contains("  (this run's --seed 1234: ");

      EngineExecutionResults strict =
          run(
              ConformanceTestSamples.OptionsInCode.class,
              "--base-url " + target.baseUrl() + " --mode strict --seed 99 --max-wait 1s");

      assertThat(outcomes(strict))
          .containsExactly(
              Map.entry("CONTACTS-THROTTLE-BLOCK-LIFTS", "FAILED"),
              Map.entry("PROTOCOL-OTHER-METHODS-405", "FAILED"));
      assertThat(message(strict, "CONTACTS-THROTTLE-BLOCK-LIFTS"))
          .contains("more than --max-wait (1 s)");
      assertThat(message(strict, "PROTOCOL-OTHER-METHODS-405"))
          .contains("[error]", "(this run's --seed 99: ");
    }
  }

  @Test
  void aConcurrencyOutOfRangeFailsTheFactoryFromCodeOrCommandLine() {
    assertThat(factoryFailure(run(ConformanceTestSamples.TooManyAtOnce.class)))
        .isEqualTo("the concurrency must be from 1 to 64, not 65");
    assertThat(factoryFailure(run(ConformanceTestSamples.TooManyAtOnce.class, "--concurrency 0")))
        .isEqualTo("the concurrency must be from 1 to 64, not 0");
  }

  @Test
  void anUnreachableTargetFailsTheFactoryOnceWithTheJarsMessageAndNoCheckRuns() {
    String message =
        factoryFailure(
            run(ConformanceTestSamples.ExampleProfile.class, "--base-url http://127.0.0.1:9"));

    assertThat(message)
        .isEqualTo(
            "cannot reach both APIs at 127.0.0.1:9 (http://127.0.0.1:9): connection refused. Is"
                + " the implementation running there? (The run did not start.)");
  }

  @Test
  void anUnknownCheckIdFailsTheFactoryNamingIt() {
    assertThat(
            factoryFailure(
                run(ConformanceTestSamples.ExampleProfile.class, "--only NO-SUCH-CHECK")))
        .isEqualTo("no check has the id NO-SUCH-CHECK (see --list-checks)");
  }

  @Test
  void aBadCommandLineFailsTheFactoryQuotingIt() {
    assertThat(factoryFailure(run(ConformanceTestSamples.ExampleProfile.class, "--mode sloppy")))
        .startsWith(
            "the configuration parameter contractkit.conformance.args (\"--mode sloppy\"): ")
        .contains("'sloppy' is not a mode; use strict or lenient");
  }

  @Test
  void withoutAProfileTheFactoryFailsSayingHowToGiveOne() {
    assertThat(factoryFailure(run(ConformanceTestSamples.WithoutProfile.class)))
        .isEqualTo(
            "no profile: call profile(Path) or profile(Profile) before tests(), or give --profile"
                + " in contractkit.conformance.args");
    assertThat(
            factoryFailure(
                run(ConformanceTestSamples.WithoutProfile.class, "--profile no-such.yaml")))
        .isEqualTo("profile no-such.yaml not found");
  }

  @Test
  void authTokensAndTheClockFromCodeServeTheChecksThatNeedThem() {
    EngineExecutionResults results = run(ConformanceTestSamples.HooksInCode.class);

    assertThat(outcomes(results))
        .containsExactly(
            Map.entry("CONTACTS-THROTTLE-BLOCK-LIFTS", "SUCCESSFUL"),
            Map.entry("LMS-AUTHTOKEN-ONE-TIME", "SUCCESSFUL"),
            Map.entry("LMS-AUTHTOKEN-EXPIRES", "SUCCESSFUL"));
    assertThat(ConformanceTestSamples.TOKENS_ASKED)
        .isNotEmpty()
        .allMatch(l -> l.startsWith("lead-"));
    assertThat(ConformanceTestSamples.CLOCK_MOVES.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anAuthTokenSourceInCodeThatGivesNoneFailsTheFactoryAsTheJarsProfileError() {
    assertThat(factoryFailure(run(ConformanceTestSamples.AuthTokensInCodeThatGiveNone.class)))
        .isEqualTo(
            "the profile's authToken source fails when the suite first uses it (for lead"
                + " lead-Xc4Nf8Rb1Hs6Jq3D): the authToken source in code gave no authToken for lead"
                + " lead-Xc4Nf8Rb1Hs6Jq3D");
    assertThat(factoryFailure(run(ConformanceTestSamples.AuthTokensInCodeThatThrow.class)))
        .endsWith(
            ": the authToken source in code threw java.lang.IllegalStateException: no outbox for"
                + " lead lead-Xc4Nf8Rb1Hs6Jq3D");
  }

  @Test
  void aClockHookThatFailsStopsTheRunTheFirstCheckLeftFailsWithTheReasonTheRestAreAborted() {
    EngineExecutionResults results = run(ConformanceTestSamples.ClockInCodeThatThrows.class);

    assertThat(outcomes(results))
        .containsExactly(
            Map.entry("CONTACTS-UNKNOWN-SECRET-404", "SUCCESSFUL"),
            Map.entry("CONTACTS-THROTTLE-BLOCK-LIFTS", "FAILED"),
            Map.entry("CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN", "ABORTED"),
            Map.entry("PROTOCOL-OTHER-METHODS-405", "SUCCESSFUL"));
    String reason =
        "the profile's clock hook failed when the suite first used it (to move the target's clock"
            + " forward by ";
    assertThat(message(results, "CONTACTS-THROTTLE-BLOCK-LIFTS"))
        .startsWith("the run stopped before this check finished: " + reason)
        .endsWith(
            "the clock hook in code threw java.lang.IllegalStateException: the clock is fixed at"
                + " 1970-01-01T00:00:00Z");
    assertThat(message(results, "CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN"))
        .startsWith("not run: the run stopped (" + reason);
  }
}
