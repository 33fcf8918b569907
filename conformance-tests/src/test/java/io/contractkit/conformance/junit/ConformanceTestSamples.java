package io.contractkit.conformance.junit;

import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.profile.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Vendors' test classes in miniature, run through JUnit's engine by {@link ConformanceTestTest} and
 * {@code JarAndJUnitVerdictsTest}; on their own (as Surefire and pitest find them) they are
 * skipped. Their target and profile come from the outer test: the base URL in {@code
 * contractkit.conformance.args}, anything else in the static fields below.
 */
final class ConformanceTestSamples {
  /** The configuration parameter that enables the samples. */
  static final String SAMPLES = "contractkit.samples";

  /** Where the samples print failed warnings. */
  static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

  /** The lead accessTokens the in-code authToken source was asked for. */
  static final List<String> TOKENS_ASKED = new CopyOnWriteArrayList<>();

  /** How often the in-code clock hook was called. */
  static final AtomicInteger CLOCK_MOVES = new AtomicInteger();

  private ConformanceTestSamples() {}

  static void clear() {
    PRINTED.reset();
    TOKENS_ASKED.clear();
    CLOCK_MOVES.set(0);
  }

  static String printed() {
    return PRINTED.toString(StandardCharsets.UTF_8);
  }

  private static PrintStream out() {
    return new PrintStream(PRINTED, true, StandardCharsets.UTF_8);
  }

  /** The example profile without its authToken source and clock hook (they come from code). */
  static Profile exampleWithoutHooks() {
    Profile p = SimulatedImplementation.exampleProfile();
    Profile.Lms l = p.lms();
    return new Profile(
        p.name(),
        p.mode(),
        p.http(),
        p.contacts(),
        new Profile.Lms(
            l.baseUrl(),
            l.source(),
            l.leads(),
            l.expiredLead(),
            l.concurrency(),
            null,
            l.authTokenLifetimeSeconds()));
  }

  /** Runs a sample only inside the tests that run it through the engine. */
  static final class OnlyAsSample implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(SAMPLES).isPresent()
          ? ConditionEvaluationResult.enabled("run through the engine")
          : ConditionEvaluationResult.disabled("a sample that another test runs");
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class ExampleProfile {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks, TestInfo otherParameter) {
      if (!otherParameter.getDisplayName().startsWith("conformance(")) {
        throw new IllegalStateException("JUnit's TestInfo was not given");
      }
      return checks
          .profile(SimulatedImplementation.EXAMPLE_PROFILE)
          .only(
              "LMS-MISSING-SOURCE-400",
              "CONTACTS-UNKNOWN-SECRET-404",
              "CONTACTS-FOUND-SCHEMA",
              "CONTACTS-FOUND-EQUALS-PROFILE",
              "CONTACTS-FOUND-NO-EXTRA-PROPERTIES")
          .skip("CONTACTS-FOUND-SCHEMA")
          .output(out())
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class ProfileFromTheCommandLineOnly {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks.output(out()).tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class NoSecretsInTheProfile {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks
          .profile(
              new Profile(
                  "no secrets",
                  Mode.STRICT,
                  null,
                  new Profile.Contacts(null, List.of(), null),
                  null))
          .only("CONTACTS-FOUND-SCHEMA", "CONTACTS-UNKNOWN-SECRET-404")
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class PlainTestFactory {
    @TestFactory
    Stream<DynamicNode> conformance() {
      return ConformanceChecks.create()
          .profile(SimulatedImplementation.EXAMPLE_PROFILE)
          .baseUrl(SimulatedImplementation.correct().baseUrl())
          .only("LMS-MISSING-SOURCE-400")
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class SeparateUrlsInCode {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      String base = SimulatedImplementation.correct().baseUrl();
      return checks
          .profile(SimulatedImplementation.EXAMPLE_PROFILE)
          .baseUrl("http://127.0.0.1:9")
          .contactsBaseUrl(base)
          .lmsBaseUrl(base)
          .only("LMS-MISSING-SOURCE-400", "CONTACTS-UNKNOWN-SECRET-404")
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class UnreachableUrlsInCode {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks
          .profile(SimulatedImplementation.EXAMPLE_PROFILE)
          .contactsBaseUrl("http://127.0.0.1:9")
          .lmsBaseUrl("http://127.0.0.1:9")
          .only("LMS-MISSING-SOURCE-400", "CONTACTS-UNKNOWN-SECRET-404")
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class WithoutProfile {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks.baseUrl("http://127.0.0.1:9").tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class OptionsInCode {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks
          .profile(exampleWithoutHooks())
          .baseUrl(SimulatedImplementation.correct().baseUrl())
          .mode(Mode.LENIENT)
          .seed(1234)
          .concurrency(2)
          .maxWait(Duration.ofSeconds(2))
          .failOnSkipped()
          .only("PROTOCOL-OTHER-METHODS-405", "CONTACTS-THROTTLE-BLOCK-LIFTS")
          .output(out())
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class TooManyAtOnce {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks.profile(SimulatedImplementation.EXAMPLE_PROFILE).concurrency(65).tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class HooksInCode {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      SimulatedImplementation target = SimulatedImplementation.correct();
      return checks
          .profile(exampleWithoutHooks())
          .baseUrl(target.baseUrl())
          .authTokens(
              lead -> {
                TOKENS_ASKED.add(lead);
                String code = "code-" + System.nanoTime();
                target
                    .mock()
                    .state()
                    .authTokens()
                    .issue(lead, code, target.clock().instant().plus(Duration.ofMinutes(15)));
                return code;
              })
          .clock(
              d -> {
                CLOCK_MOVES.incrementAndGet();
                target.clock().advance(d);
              })
          .only("LMS-AUTHTOKEN-ONE-TIME", "CONTACTS-THROTTLE-BLOCK-LIFTS", "LMS-AUTHTOKEN-EXPIRES")
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class AuthTokensInCodeThatGiveNone {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks
          .profile(exampleWithoutHooks())
          .baseUrl(SimulatedImplementation.correct().baseUrl())
          .authTokens(lead -> null)
          .only("LMS-AUTHTOKEN-ONE-TIME")
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class AuthTokensInCodeThatThrow {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks
          .profile(exampleWithoutHooks())
          .baseUrl(SimulatedImplementation.correct().baseUrl())
          .authTokens(
              lead -> {
                throw new IllegalStateException("no outbox");
              })
          .only("LMS-AUTHTOKEN-ONE-TIME")
          .tests();
    }
  }

  @ExtendWith(OnlyAsSample.class)
  static class ClockInCodeThatThrows {
    @ConformanceTest
    Stream<DynamicNode> conformance(ConformanceChecks checks) {
      return checks
          .profile(exampleWithoutHooks())
          .baseUrl(SimulatedImplementation.correct().baseUrl())
          .clock(
              d -> {
                throw new IllegalStateException("the clock is fixed at " + Instant.EPOCH);
              })
          .only(
              "CONTACTS-UNKNOWN-SECRET-404",
              "CONTACTS-THROTTLE-BLOCK-LIFTS",
              "CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN",
              "PROTOCOL-OTHER-METHODS-405")
          .tests();
    }
  }
}
