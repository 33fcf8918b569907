package io.contractkit.conformance.checks.protocol;

import static io.contractkit.conformance.fakes.CheckResults.assertFailed;
import static io.contractkit.conformance.fakes.CheckResults.assertPassed;
import static io.contractkit.conformance.fakes.SimulatedImplementation.runCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.fakes.Answer;
import io.contractkit.conformance.fakes.Defect;
import io.contractkit.conformance.fakes.Incoming;
import io.contractkit.conformance.fakes.Profiles;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.fakes.ValidVariant;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.Status;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolChecksTest {
  private static final Set<String> DOCUMENTED_NAMES =
      Set.of("secret", "ip", "accessToken", "authToken", "source");
  private static final UnaryOperator<Profile> WITHOUT_CONTACTS =
      p -> new Profile(p.name(), p.mode(), p.http(), null, p.lms());

  private static final SimulatedImplementation correct = SimulatedImplementation.correct();

  @Test
  void protocolChecksAreRegisteredInRunOrderWithTheirStableIds() {
    assertThat(ProtocolChecks.all().stream().map(c -> c.info().id()))
        .containsExactly(
            JsonByDefault.ID,
            TextJsonWhenAsked.ID,
            CacheControlNoStore.ID,
            QueryNamesCaseInsensitive.ID,
            OtherMethodsNotAllowed.ID,
            RoutesCaseInsensitive.ID,
            UnknownParametersIgnored.ID);
    assertThat(ProtocolChecks.all())
        .extracting(Check::info)
        .allSatisfy(
            info -> {
              assertThat(info.proves()).isNotBlank();
              assertThat(info.basis()).isNotBlank();
              assertThat(info.sampleFailure().lines()).hasSizeBetween(3, 6);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        JsonByDefault.ID,
        TextJsonWhenAsked.ID,
        CacheControlNoStore.ID,
        QueryNamesCaseInsensitive.ID,
        OtherMethodsNotAllowed.ID
      })
  void everyProtocolCheckPassesAgainstACorrectImplementation(String id) {
    assertPassed(correct.run(id).result(id).orElseThrow());
  }

  // ---- PROTOCOL-JSON-BY-DEFAULT ----------------------------------------------------------------

  @Test
  void jsonByDefaultFailsWhenAnswersWithoutAcceptAreTextPlain() {
    Defect textPlainByDefault =
        (request, upstream) -> {
          Answer answer = upstream.forward(request);
          return documented(request) && request.header("Accept").isEmpty()
              ? answer.withHeader("Content-Type", "text/plain; charset=utf-8")
              : answer;
        };

    CheckResult result = runCheck(textPlainByDefault, JsonByDefault.ID);

    assertFailed(result);
    assertThat(result.failure().expected()).isEqualTo("Content-Type application/json");
    assertThat(result.failure().actual()).isEqualTo("Content-Type text/plain; charset=utf-8");
    assertThat(result.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void jsonByDefaultChecksTheLmsAloneWhenTheProfileHasNoContacts() {
    Defect lmsTextPlain =
        (request, upstream) -> {
          Answer answer = upstream.forward(request);
          return request.isLms() ? answer.withHeader("Content-Type", "text/plain") : answer;
        };

    CheckResult result = runCheck(lmsTextPlain, WITHOUT_CONTACTS, JsonByDefault.ID);

    assertFailed(result);
    assertThat(result.failure().actual()).isEqualTo("Content-Type text/plain");
    assertThat(result.failure().exchange().request().target())
        .startsWith("/lms/leads/bytoken/contact?");
  }

  @Test
  void jsonByDefaultSkipsOnlyWhenTheProfileConfiguresNeitherApi() {
    Profile neither = correct.profile(p -> new Profile(p.name(), p.mode(), p.http(), null, null));

    CheckResult result =
        correct.run(neither, JsonByDefault.ID).result(JsonByDefault.ID).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SKIPPED);
    assertThat(result.skipReason()).contains("Contacts: ").contains("LMS: ");
  }

  /**
   * Answers a wrong authToken with a 404 problem instead of the all-null 200 (valid in lenient mode
   * only).
   */
  private static final Defect LMS_WRONG_TOKEN_404 =
      (request, upstream) -> {
        Answer answer = upstream.forward(request);
        return request.isLms() && answer.status() == 200 && !answer.isLmsDisclosure()
            ? Answer.json(404, "{\"title\":\"not found\"}")
                .withHeader("Content-Type", "application/problem+json")
            : answer;
      };

  @Test
  void jsonByDefaultLeavesTheMediaTypeOfAnLmsErrorToTheImplementationInLenientMode() {
    CheckResult result = runCheck(LMS_WRONG_TOKEN_404, Profiles::lenient, JsonByDefault.ID);

    assertPassed(result);
  }

  @Test
  void jsonByDefaultExpectsTheAllNullAnswerForAWrongAuthTokenInStrictMode() {
    CheckResult result = runCheck(LMS_WRONG_TOKEN_404, JsonByDefault.ID);

    assertFailed(result);
    assertThat(result.failure().expected())
        .isEqualTo("status 200 (the all-null answer) for a wrong authToken");
    assertThat(result.failure().actual()).isEqualTo("status 404");
  }

  // ---- PROTOCOL-TEXT-JSON-WHEN-ASKED -----------------------------------------------------------

  @Test
  void textJsonFailsWhenTheContentTypeIsAlwaysApplicationJson() {
    Defect alwaysApplicationJson =
        (request, upstream) -> {
          Answer answer = upstream.forward(request);
          return documented(request)
              ? answer.withHeader("Content-Type", "application/json; charset=utf-8")
              : answer;
        };

    CheckResult result = runCheck(alwaysApplicationJson, TextJsonWhenAsked.ID);

    assertFailed(result);
    assertThat(result.failure().expected()).isEqualTo("Content-Type text/json");
    assertThat(result.failure().actual()).isEqualTo("Content-Type application/json; charset=utf-8");
    assertThat(result.failure().exchange().request().curl()).contains("-H 'Accept: text/json'");
  }

  // ---- PROTOCOL-CACHE-CONTROL-NO-STORE ---------------------------------------------------------

  @Test
  void cacheControlCheckWarnsWhenPersonalDataCarriesNoCacheControl() {
    Defect noCacheControl =
        (request, upstream) -> upstream.forward(request).withHeader("Cache-Control", null);

    CheckResult result = runCheck(noCacheControl, CacheControlNoStore.ID);

    assertFailed(result);
    assertThat(result.severity()).isEqualTo(Severity.WARNING);
    assertThat(result.failure().expected()).contains("no-store");
    assertThat(result.failure().actual()).isEqualTo("no Cache-Control header");
  }

  @Test
  void cacheControlCheckCoversTheLeadContactReleasedForAFreshToken() {
    Defect cacheableLead =
        (request, upstream) -> {
          Answer answer = upstream.forward(request);
          return request.isLms()
              ? answer.withHeader("Cache-Control", "private, max-age=600")
              : answer;
        };

    CheckResult result = runCheck(cacheableLead, CacheControlNoStore.ID);

    assertFailed(result);
    assertThat(result.failure().actual()).isEqualTo("Cache-Control: private, max-age=600");
    assertThat(result.failure().exchange().request().target())
        .startsWith("/lms/leads/bytoken/contact?");
  }

  @Test
  void textJsonWithoutAcceptFailsStrictModeAndWarnsInLenientMode() {
    Defect textJson = ValidVariant.TEXT_JSON_PREFERRED.defect();

    CheckResult strict = runCheck(textJson, JsonByDefault.ID);
    assertFailed(strict);
    assertThat(strict.failsGate()).isTrue();
    assertThat(strict.failure().expected()).isEqualTo("Content-Type application/json");
    assertThat(strict.failure().actual()).isEqualTo("Content-Type text/json; charset=utf-8");

    CheckResult lenient = runCheck(textJson, Profiles::lenient, JsonByDefault.ID);
    assertFailed(lenient);
    assertThat(lenient.severity()).isEqualTo(Severity.WARNING);
    assertThat(lenient.failsGate()).isFalse();
  }

  // ---- PROTOCOL-QUERY-NAMES-CASE-INSENSITIVE ---------------------------------------------------

  private static final Defect CASE_SENSITIVE_NAMES =
      (request, upstream) ->
          documented(request) && !DOCUMENTED_NAMES.containsAll(request.params().keySet())
              ? Answer.json(400, "{\"message\":\"unknown parameter\"}")
              : upstream.forward(request);

  @Test
  void queryNamesCheckFailsStrictAndWarnsLenientWhenUpperCaseSecretIsRejected() {
    CheckResult result = runCheck(CASE_SENSITIVE_NAMES, QueryNamesCaseInsensitive.ID);
    CheckResult lenient =
        runCheck(CASE_SENSITIVE_NAMES, Profiles::lenient, QueryNamesCaseInsensitive.ID);

    assertFailed(result);
    assertThat(result.severity()).isEqualTo(Severity.ERROR);
    assertThat(result.failsGate()).isTrue();
    assertFailed(lenient);
    assertThat(lenient.severity()).isEqualTo(Severity.WARNING);
    assertThat(result.failure().expected()).contains("?SECRET=");
    assertThat(result.failure().actual()).isEqualTo("status 400, no contact data");
  }

  @Test
  void queryNamesCheckCoversTheUpperCaseLmsNames() {
    CheckResult result =
        runCheck(CASE_SENSITIVE_NAMES, WITHOUT_CONTACTS, QueryNamesCaseInsensitive.ID);

    assertFailed(result);
    assertThat(result.failure().expected()).contains("?ACCESSTOKEN=&AUTHTOKEN=&SOURCE=");
    assertThat(result.failure().actual()).isEqualTo("status 400, no contact data");
  }

  // ---- PROTOCOL-OTHER-METHODS-405 --------------------------------------------------------------

  @Test
  void otherMethodsCheckFailsStrictAndWarnsLenientWhenPostIsAnswered404() {
    Defect post404 =
        (request, upstream) ->
            documented(request) && request.method().equals("POST")
                ? Answer.json(404, "{\"message\":\"not found\"}")
                : upstream.forward(request);

    CheckResult result = runCheck(post404, OtherMethodsNotAllowed.ID);
    CheckResult lenient = runCheck(post404, Profiles::lenient, OtherMethodsNotAllowed.ID);

    assertFailed(result);
    assertThat(result.severity()).isEqualTo(Severity.ERROR);
    assertThat(result.failsGate()).isTrue();
    assertFailed(lenient);
    assertThat(lenient.severity()).isEqualTo(Severity.WARNING);
    assertThat(lenient.failsGate()).isFalse();
    assertThat(result.failure().expected())
        .isEqualTo("status 405 with an Allow header that lists GET, for POST");
    assertThat(result.failure().actual()).isEqualTo("status 404, Allow: (none)");
    assertThat(result.failure().exchange().request().curl()).startsWith("curl -i -X POST ");
  }

  @Test
  void otherMethodsCheckFailsWhenAnLmsPostIsServedLikeGet() {
    Defect postLikeGet =
        (request, upstream) ->
            request.isLms() && request.method().equals("POST")
                ? upstream.forward(
                    new Incoming(
                        "GET", request.path(), request.rawQuery(), request.headers(), new byte[0]))
                : upstream.forward(request);

    CheckResult result = runCheck(postLikeGet, WITHOUT_CONTACTS, OtherMethodsNotAllowed.ID);

    assertFailed(result);
    assertThat(result.failure().expected()).endsWith("for POST");
    assertThat(result.failure().actual()).isEqualTo("status 200, Allow: (none)");
    assertThat(result.failure().exchange().request().target())
        .startsWith("/lms/leads/bytoken/contact?");
  }

  @Test
  void otherMethodsCheckFailsWhen405LacksAnAllowHeader() {
    Defect noAllow = (request, upstream) -> upstream.forward(request).withHeader("Allow", null);

    CheckResult result = runCheck(noAllow, OtherMethodsNotAllowed.ID);

    assertFailed(result);
    assertThat(result.failure().actual()).isEqualTo("status 405, Allow: (none)");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static boolean documented(Incoming request) {
    return request.isContacts() || request.isLms();
  }
}
