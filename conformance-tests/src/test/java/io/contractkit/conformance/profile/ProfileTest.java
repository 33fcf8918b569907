package io.contractkit.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunListener;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import io.contractkit.mock.MockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles: parsing, the errors a vendor sees, and the three ways to get fresh authTokens. */
class ProfileTest {
  private static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";
  private static final MockServer mock = SimulatedImplementation.sharedMock();

  private static String base() {
    return mock.baseUri().toString();
  }

  private static Profile lmsProfile(Profile.AuthTokens tokens) {
    return new Profile(
        "tokens",
        Mode.STRICT,
        null,
        null,
        new Profile.Lms(
            base(), "web", List.of(new Profile.KnownLead(LEAD, null)), null, null, tokens));
  }

  private static Status runSuccessCheck(Profile profile) {
    RunResult result =
        new ConformanceSuite(profile, null, null)
            .run(Set.of("LMS-SUCCESS-SCHEMA"), Set.of(), RunListener.NONE);
    return result.result("LMS-SUCCESS-SCHEMA").orElseThrow().status();
  }

  @Test
  void theExampleProfileLoadsWithLowerCaseMode() {
    Profile profile = ProfileLoader.load(Path.of("profiles", "mock.yaml"));

    assertThat(profile.mode()).isEqualTo(Mode.STRICT);
    assertThat(profile.contacts().secrets()).isNotEmpty();
    assertThat(profile.contacts().throttle().maxFailures()).isEqualTo(10);
    assertThat(profile.lms().authTokens().http().pointer()).isEqualTo("/authToken");
  }

  @Test
  void aJsonProfileIsReadToo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.json");
    Files.writeString(
        file,
        "{\"name\":\"json\",\"mode\":\"lenient\",\"contacts\":{\"baseUrl\":\"http://127.0.0.1:9\",\"secrets\":[{\"secret\":\"abc\"}]}}");

    Profile profile = ProfileLoader.load(file);

    assertThat(profile.mode()).isEqualTo(Mode.LENIENT);
    assertThat(profile.contacts().secrets().get(0).secret()).isEqualTo("abc");
  }

  @Test
  void anUnknownFieldIsRefusedNamingIt() {
    assertThatThrownBy(() -> ProfileLoader.parse("contacts:\n  secretz: []\n", false, "p.yaml"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("p.yaml")
        .hasMessageContaining("secretz");
  }

  @Test
  void twoAuthTokenSourcesAtOnceAreRefused() {
    String yaml =
        "lms:\n  baseUrl: http://127.0.0.1:9\n  authTokens:\n    staticTokens: {a: [x]}\n    command: [echo, x]\n";
    assertThatThrownBy(() -> ProfileLoader.parse(yaml, false, "p.yaml"))
        .hasMessageContaining("exactly one of 'staticTokens', 'http', 'command'");
  }

  @Test
  void aProfileWithNothingToCheckIsRefused() {
    assertThatThrownBy(() -> ProfileLoader.parse("name: empty\n", false, "p.yaml"))
        .hasMessageContaining("nothing to check");
  }

  @Test
  void staticAuthTokensAreHandedOutOnceEach() {
    StaticAuthTokens tokens = new StaticAuthTokens(Map.of(LEAD, List.of("650342")));

    assertThat(tokens.fresh(LEAD)).isEqualTo("650342");
    assertThatThrownBy(() -> tokens.fresh(LEAD))
        .isInstanceOf(AuthTokenSource.AuthTokenUnavailable.class)
        .hasMessageContaining("no unused authToken left for lead " + LEAD);
  }

  @Test
  void aStaticListOfUnusedAuthTokensFeedsTheChecks() {
    mock.state().reset();

    Status status =
        runSuccessCheck(
            lmsProfile(new Profile.AuthTokens(Map.of(LEAD, List.of("650342")), null, null)));

    assertThat(status).isEqualTo(Status.PASSED);
  }

  @Test
  void anExternalCommandThatPrintsATokenFeedsTheChecks() {
    mock.state().reset();

    Status status =
        runSuccessCheck(
            lmsProfile(new Profile.AuthTokens(null, null, List.of("sh", "-c", "echo 118276"))));

    assertThat(status).isEqualTo(Status.PASSED);
  }

  @Test
  void aCommandThatFailsWhenFirstUsedIsAProfileErrorWithItsError() {
    ConformanceSuite suite =
        new ConformanceSuite(
            lmsProfile(
                new Profile.AuthTokens(
                    null, null, List.of("sh", "-c", "echo no token >&2; exit 3"))),
            null,
            null);

    assertThatThrownBy(() -> suite.run(Set.of("LMS-SUCCESS-SCHEMA"), Set.of(), RunListener.NONE))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("authToken source fails when the suite first uses it")
        .hasMessageContaining("lms.authTokens.command")
        .hasMessageContaining("exited 3")
        .hasMessageContaining("no token");
  }

  @Test
  void anHttpCallWithPlaceholdersFeedsTheChecks() {
    Profile.HttpSource http =
        new Profile.HttpSource(
            "POST",
            "{baseUrl}/__admin/authtokens",
            Map.of("Content-Type", "application/json"),
            "{\"accessToken\": \"{accessToken}\"}",
            "/authToken");

    assertThat(runSuccessCheck(lmsProfile(new Profile.AuthTokens(null, http, null))))
        .isEqualTo(Status.PASSED);
  }

  @Test
  void anHttpCallThatFailsWhenFirstUsedIsAProfileErrorNamingTheRequestAndTheAnswer() {
    Profile.HttpSource http =
        new Profile.HttpSource("POST", "{baseUrl}/__admin/nope", Map.of(), null, "/authToken");
    ConformanceSuite suite =
        new ConformanceSuite(lmsProfile(new Profile.AuthTokens(null, http, null)), null, null);

    assertThatThrownBy(() -> suite.run(Set.of("LMS-SUCCESS-SCHEMA"), Set.of(), RunListener.NONE))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("lms.authTokens.http: POST " + base() + "/__admin/nope answered 404")
        .hasMessageContaining("No such resource");
  }

  @Test
  void anHttpAnswerWithoutTheTokenAtThePointerIsAProfileErrorShowingTheAnswer() {
    Profile.HttpSource http =
        new Profile.HttpSource(
            "POST",
            "{baseUrl}/__admin/authtokens",
            Map.of(),
            "{\"accessToken\": \"{accessToken}\"}",
            "/token");
    ConformanceSuite suite =
        new ConformanceSuite(lmsProfile(new Profile.AuthTokens(null, http, null)), null, null);

    assertThatThrownBy(() -> suite.run(Set.of("LMS-SUCCESS-SCHEMA"), Set.of(), RunListener.NONE))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("has no string at /token (lms.authTokens.http.pointer)")
        .hasMessageContaining("\"authToken\":");
  }

  @Test
  void aStaticListWithoutTokensForTheFirstLeadIsAProfileErrorAndTakesNoToken() {
    StaticAuthTokens tokens = new StaticAuthTokens(Map.of("lead-other", List.of("650342")));
    ConformanceSuite suite =
        new ConformanceSuite(lmsProfile(new Profile.AuthTokens(Map.of(), null, null)), null, null);

    assertThatThrownBy(() -> suite.run(Set.of("LMS-SUCCESS-SCHEMA"), Set.of(), RunListener.NONE))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("no unused authToken left for lead " + LEAD);
    tokens.check("lead-other");
    assertThat(tokens.fresh("lead-other")).isEqualTo("650342");
  }

  @Test
  void aSourceThatRunsOutAfterItsFirstUseSkipsTheChecksThatFindItEmpty() {
    mock.state().reset();
    Profile profile =
        lmsProfile(new Profile.AuthTokens(Map.of(LEAD, List.of("650342")), null, null));

    RunResult result =
        new ConformanceSuite(profile, null, null)
            .run(
                Set.of("LMS-SUCCESS-SCHEMA", "LMS-AUTHTOKEN-ONE-TIME"), Set.of(), RunListener.NONE);

    assertThat(result.count(Status.PASSED)).isEqualTo(1);
    assertThat(result.count(Status.SKIPPED)).isEqualTo(1);
    assertThat(
            result.results().stream()
                .filter(r -> r.status() == Status.SKIPPED)
                .findFirst()
                .orElseThrow()
                .skipReason())
        .contains("no unused authToken left for lead " + LEAD);
  }

  @Test
  void aBrokenSourceIsNoErrorWhenNoSelectedCheckNeedsIt() {
    Profile profile = lmsProfile(new Profile.AuthTokens(null, null, List.of("sh", "-c", "exit 1")));

    RunResult result =
        new ConformanceSuite(profile, null, null)
            .run(Set.of("LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE"), Set.of(), RunListener.NONE);

    assertThat(result.results()).extracting(r -> r.status()).containsExactly(Status.PASSED);
  }
}
