package io.contractkit.conformance.checks.lms;

import static io.contractkit.conformance.fakes.CheckResults.assertFailed;
import static io.contractkit.conformance.fakes.CheckResults.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.fakes.Defect;
import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.Profiles;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.profile.ClockHook;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.Status;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * LMS-AUTHTOKEN-EXPIRES: an authToken works until the promised lifetime is nearly up and not after
 * it, with the profile's clock hook, a real wait, or a skip that says why.
 */
class AuthTokenLifetimeTest {
  private static final String EXPIRES = "LMS-AUTHTOKEN-EXPIRES";
  private static final String LAST_LEAD = "lead-sHVcQXPQjWJQh3qb";

  private static CheckResult run(Defect defect, UnaryOperator<Profile> edit) {
    try (SimulatedImplementation impl = SimulatedImplementation.start(defect)) {
      return impl.run(impl.profile(edit), impl.options(), EXPIRES).result(EXPIRES).orElseThrow();
    }
  }

  private static Profile withLifetime(Profile p, Integer seconds) {
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
            l.authTokens(),
            seconds),
        p.clock());
  }

  @Test
  void anAuthTokenWorksJustBeforeItsLifetimeEndsAndNotAfterWithTheHook() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      CheckResult result =
          impl.run(impl.profile(), impl.options(), EXPIRES).result(EXPIRES).orElseThrow();

      assertPassed(result);
      assertThat(impl.clock().offset()).isEqualTo(Duration.ofSeconds(901));
    }
  }

  @Test
  void withoutAHookTheSuiteWaitsALifetimeOutThatFitsInMaxWait() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      Profile twentySeconds =
          Profiles.withTiming(impl.profile(), impl.profile().contacts().throttle(), 20, null);

      CheckResult result =
          impl.run(twentySeconds, impl.options(), EXPIRES).result(EXPIRES).orElseThrow();

      assertPassed(result);
      assertThat(impl.clock().offset()).isEqualTo(Duration.ofSeconds(21));
    }
  }

  @Test
  void anAuthTokenThatOutlivesItsLifetimeFailsNamingItsAge() {
    CheckResult result = run(KnownDefect.AUTH_TOKENS_NEVER_EXPIRE.defect(), p -> p);

    assertFailed(result);
    assertThat(result.failure().expected())
        .startsWith(
            "no contact data for an authToken 901 s old (the profile promises a lifetime of 900 s)");
    assertThat(result.failure().actual()).startsWith("contact data: property ");
    assertThat(result.failure().exchange().request().target()).contains("accessToken=" + LAST_LEAD);
  }

  @Test
  void anAuthTokenThatExpiresEarlyFailsNamingItsAge() {
    CheckResult result = run(KnownDefect.AUTH_TOKENS_EXPIRE_EARLY.defect(), p -> p);

    assertFailed(result);
    assertThat(result.failure().expected())
        .isEqualTo(
            "the lead's contact for an authToken 898 s old (the profile promises a lifetime of 900"
                + " s)");
    assertThat(result.failure().actual())
        .startsWith("null values: the fresh authToken was refused");
  }

  @Test
  void withoutAPromisedLifetimeTheCheckIsSkippedNamingTheField() {
    CheckResult result = run(Defect.NONE, p -> withLifetime(p, null));

    assertThat(result.status()).isEqualTo(Status.SKIPPED);
    assertThat(result.skipReason())
        .isEqualTo("the profile promises no authToken lifetime (lms.authTokenLifetimeSeconds)");
  }

  @Test
  void aLifetimeLongerThanMaxWaitWithoutAHookIsSkippedSayingWhy() {
    CheckResult result =
        run(Defect.NONE, p -> new Profile(p.name(), p.mode(), p.http(), p.contacts(), p.lms()));

    assertThat(result.status()).isEqualTo(Status.SKIPPED);
    assertThat(result.skipReason())
        .isEqualTo(
            "waiting for an authToken's lifetime of 900 s to end takes 901 s, more than --max-wait"
                + " (30 s), and the profile gives no way to move the target's clock"
                + " (clock.advance)");
  }

  @Test
  void aLifetimeOfTwoSecondsOrLessIsOnlyCheckedToEnd() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      Profile twoSeconds =
          Profiles.withTiming(impl.profile(), impl.profile().contacts().throttle(), 2, null);

      assertPassed(impl.run(twoSeconds, impl.options(), EXPIRES).result(EXPIRES).orElseThrow());
      assertThat(impl.clock().offset()).isEqualTo(Duration.ofSeconds(3));
    }
  }

  @Test
  void itTakesTheLastLeadsAuthTokensAndTheClockAloneWhenItMovesIt() {
    Profile profile = SimulatedImplementation.exampleProfile();
    URI base = URI.create("http://127.0.0.1:9");
    ClockHook hook = ClockHook.of(profile.clock(), base.toString(), base.toString(), null);
    CheckContext moving =
        new CheckContext(
            new Target(base, base),
            profile,
            null,
            null,
            null,
            hook,
            CheckContext.Settings.defaults());
    CheckContext waiting = new CheckContext(new Target(base, base), profile, null, null, null);
    CheckContext noLeads =
        new CheckContext(
            new Target(base, base),
            new Profile(
                null, null, null, null, new Profile.Lms(null, null, List.of(), null, null, null)),
            null,
            null,
            null);

    assertThat(new AuthTokenExpires().locks(moving))
        .containsExactlyInAnyOrder(
            ResourceLock.exclusive(ResourceLock.TARGET_CLOCK),
            ResourceLock.authTokensOf(LAST_LEAD));
    assertThat(new AuthTokenExpires().locks(waiting))
        .containsExactly(ResourceLock.authTokensOf(LAST_LEAD));
    assertThat(new AuthTokenExpires().locks(noLeads)).isEmpty();
  }
}
