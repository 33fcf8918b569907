package io.contractkit.conformance.checks.contacts;

import static io.contractkit.conformance.fakes.CheckResults.assertFailed;
import static io.contractkit.conformance.fakes.CheckResults.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.fakes.Answer;
import io.contractkit.conformance.fakes.Defect;
import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.Profiles;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.fakes.ValidVariant;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * CONTACTS-THROTTLE-BLOCK-LIFTS and CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN: time passes on the
 * target by the profile's clock hook (the simulated implementation's POST /__admin/clock), by a
 * real wait (here: the implementation's clock moved by the suite's clock), or the check is skipped.
 */
class ThrottleOverTimeTest {
  private static final String LIFTS = "CONTACTS-THROTTLE-BLOCK-LIFTS";
  private static final String COUNTS_DOWN = "CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN";

  private static CheckResult run(Defect defect, Profile profile, String id) {
    try (SimulatedImplementation impl = SimulatedImplementation.start(defect)) {
      return impl.run(profile, impl.options(), id).result(id).orElseThrow();
    }
  }

  private static CheckResult run(Defect defect, String id) {
    try (SimulatedImplementation impl = SimulatedImplementation.start(defect)) {
      return impl.run(impl.profile(), impl.options(), id).result(id).orElseThrow();
    }
  }

  /** The example profile without its clock hook. */
  private static Profile noHook() {
    Profile p = SimulatedImplementation.exampleProfile();
    return new Profile(p.name(), p.mode(), p.http(), p.contacts(), p.lms(), null);
  }

  private static Profile withBlockSeconds(Profile p, int blockSeconds) {
    Profile.Contacts c = p.contacts();
    return new Profile(
        p.name(),
        p.mode(),
        p.http(),
        new Profile.Contacts(
            c.baseUrl(),
            c.secrets(),
            new Profile.Throttle(
                c.throttle().maxFailures(), c.throttle().windowSeconds(), blockSeconds)),
        p.lms(),
        p.clock());
  }

  // ---- CONTACTS-THROTTLE-BLOCK-LIFTS ----------------------------------------------------------

  @Test
  void aBlockLiftsOnceTheHookHasMovedTheClockPastBlockSeconds() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      CheckResult result =
          impl.run(impl.profile(), impl.options(), LIFTS).result(LIFTS).orElseThrow();

      assertPassed(result);
      assertThat(impl.clock().offset()).isEqualTo(Duration.ofSeconds(301));
    }
  }

  @Test
  void withoutAHookTheSuiteWaitsTheBlockOutWhenMaxWaitAllows() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      CheckResult result =
          impl.run(noHook(), impl.options().withMaxWait(Duration.ofSeconds(301)), LIFTS)
              .result(LIFTS)
              .orElseThrow();

      assertPassed(result);
      assertThat(impl.clock().offset()).isEqualTo(Duration.ofSeconds(301));
    }
  }

  @Test
  void withoutAHookABlockLongerThanMaxWaitIsSkippedBeforeAnyRequestSayingWhy() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      CheckResult result = impl.run(noHook(), impl.options(), LIFTS).result(LIFTS).orElseThrow();

      assertThat(result.status()).isEqualTo(Status.SKIPPED);
      assertThat(result.skipReason())
          .isEqualTo(
              "waiting for the 300 s block to lift takes 301 s, more than --max-wait (30 s), and"
                  + " the profile gives no way to move the target's clock (clock.advance)");
      assertThat(impl.mock().state().journal().newest(1000))
          .noneMatch(entry -> entry.path().toLowerCase(java.util.Locale.ROOT).contains("contacts"));
    }
  }

  @Test
  void aBlockThatNeverLiftsFailsSayingWhatTheIpGotAfterBlockSeconds() {
    CheckResult result = run(KnownDefect.BLOCK_NEVER_LIFTS.defect(), LIFTS);

    assertFailed(result);
    assertThat(result.severity()).isEqualTo(Severity.ERROR);
    assertThat(result.failure().expected())
        .matches(
            "status 200 with the contact for a correct secret from ip [0-9.]+, 301 s after it was"
                + " blocked \\(the profile promises blocks of 300 s\\)");
    assertThat(result.failure().actual()).isEqualTo("status 429 (Retry-After: 1)");
    assertThat(result.failure().exchange().request().target())
        .contains("secret=8Qm3vT7kLp2XwZ9rBn4Y");
  }

  @Test
  void aLiftedBlockThatAnswersWithoutTheContactFails() {
    Defect emptyAfterTheBlock =
        (request, upstream) -> {
          Answer answer = upstream.forward(request);
          return request.isContacts()
                  && answer.status() == 200
                  && SimulatedImplementation.sharedClock().offset().toSeconds() > 0
              ? Answer.json(200, "{}")
              : answer;
        };

    CheckResult result = run(emptyAfterTheBlock, LIFTS);

    assertFailed(result);
    assertThat(result.failure().actual()).isEqualTo("status 200 without contact data");
  }

  // ---- CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN -----------------------------------------------

  @Test
  void retryAfterCountsDownByWhatTheHookMoved() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      assertPassed(
          impl.run(impl.profile(), impl.options(), COUNTS_DOWN).result(COUNTS_DOWN).orElseThrow());
      assertThat(impl.clock().offset()).isEqualTo(Duration.ofSeconds(150));
    }
  }

  @Test
  void retryAfterCountsDownOverARealWaitWithoutAHook() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      assertPassed(
          impl.run(noHook(), impl.options(), COUNTS_DOWN).result(COUNTS_DOWN).orElseThrow());
      assertThat(impl.clock().offset()).isEqualTo(Duration.ofSeconds(5));
    }
  }

  @Test
  void anHttpDateRetryAfterCountsDownWhenItNamesTheSameEnd() {
    assertPassed(run(ValidVariant.RETRY_AFTER_AS_HTTP_DATE.defect(), COUNTS_DOWN));
  }

  @Test
  void anHttpDateThatMovesOnWithTheClockFails() {
    Defect movingDate =
        (request, upstream) -> {
          Answer answer = ValidVariant.RETRY_AFTER_AS_HTTP_DATE.handle(request, upstream);
          return answer.status() == 429
              ? answer.withHeader(
                  "Retry-After",
                  ThrottleSendsRetryAfter.IMF_FIXDATE.format(
                      SimulatedImplementation.sharedClock().instant().plusSeconds(300)))
              : answer;
        };

    CheckResult result = run(movingDate, COUNTS_DOWN);

    assertFailed(result);
    assertThat(result.failure().expected())
        .matches(
            "status 429 with Retry-After about .* GMT from ip [0-9.]+, as on the 429 15[0-9] s"
                + " earlier: the block still ends then");
  }

  @Test
  void aRetryAfterThatAlwaysSaysTheWholeBlockFailsInBothModes() {
    CheckResult strict = run(KnownDefect.FIXED_RETRY_AFTER.defect(), COUNTS_DOWN);

    assertFailed(strict);
    assertThat(strict.severity()).isEqualTo(Severity.ERROR);
    assertThat(strict.failure().expected())
        .matches(
            "status 429 with Retry-After about 1(49|50) s from ip [0-9.]+: 15[01] s after a 429"
                + " that said 300 s, the block has 1(49|50) s left");
    assertThat(strict.failure().actual()).isEqualTo("Retry-After: 300");

    try (SimulatedImplementation impl =
        SimulatedImplementation.start(KnownDefect.FIXED_RETRY_AFTER.defect())) {
      CheckResult lenient =
          impl.run(Profiles.lenient(impl.profile()), impl.options(), COUNTS_DOWN)
              .result(COUNTS_DOWN)
              .orElseThrow();
      assertFailed(lenient);
      assertThat(lenient.severity()).isEqualTo(Severity.ERROR);
    }
  }

  @Test
  void aBlockThatEndsBeforeBlockSecondsFails() {
    CheckResult result = run(KnownDefect.BLOCK_ENDS_EARLY.defect(), COUNTS_DOWN);

    assertFailed(result);
    assertThat(result.failure().actual())
        .isEqualTo("status 200: the block ended before the promised 300 s were up");
  }

  @Test
  void withoutRetryAfterThereIsNothingToCountDown() {
    CheckResult result = run(KnownDefect.NO_RETRY_AFTER.defect(), COUNTS_DOWN);

    assertFailed(result);
    assertThat(result.failure().expected())
        .isEqualTo("a Retry-After (delta-seconds or an HTTP-date) on the first 429 to count down");
    assertThat(result.failure().actual()).isEqualTo("no Retry-After header");
  }

  @Test
  void aSecondRetryAfterThatIsNeitherFormFails() {
    Defect garbledLater =
        (request, upstream) -> {
          Answer answer = upstream.forward(request);
          return answer.status() == 429
                  && SimulatedImplementation.sharedClock().offset().toSeconds() > 0
              ? answer.withHeader("Retry-After", "soon")
              : answer;
        };

    CheckResult result = run(garbledLater, COUNTS_DOWN);

    assertFailed(result);
    assertThat(result.failure().expected()).contains("on the second 429");
    assertThat(result.failure().actual()).isEqualTo("Retry-After: soon");
  }

  @Test
  void aBlockTooShortToTellACountdownIsSkippedSayingWhy() {
    Profile shortBlock = withBlockSeconds(SimulatedImplementation.exampleProfile(), 9);
    CheckResult hooked = run(Defect.NONE, shortBlock, COUNTS_DOWN);
    CheckResult waited = run(Defect.NONE, withBlockSeconds(noHook(), 9), COUNTS_DOWN);
    CheckResult justLongEnough = run(Defect.NONE, withBlockSeconds(noHook(), 10), COUNTS_DOWN);

    assertThat(hooked.status()).isEqualTo(Status.SKIPPED);
    assertThat(hooked.skipReason())
        .isEqualTo(
            "a block of 9 s is too short to tell a Retry-After that counts down from a fixed one");
    assertThat(waited.skipReason())
        .isEqualTo(
            "a block of 9 s is too short to tell a Retry-After that counts down from a fixed one"
                + " without a clock hook (clock.advance)");
    assertPassed(justLongEnough);
  }
}
