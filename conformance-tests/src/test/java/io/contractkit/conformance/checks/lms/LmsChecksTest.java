package io.contractkit.conformance.checks.lms;

import static io.contractkit.conformance.fakes.CheckResults.assertFailed;
import static io.contractkit.conformance.fakes.SimulatedImplementation.exampleProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.fakes.Answer;
import io.contractkit.conformance.fakes.CheckResults;
import io.contractkit.conformance.fakes.Defect;
import io.contractkit.conformance.fakes.Incoming;
import io.contractkit.conformance.fakes.Profiles;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The LMS checks against the real mock behind a proxy: each passes on a correct implementation and
 * fails, under its own id and with a telling message, on a planted defect.
 */
class LmsChecksTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String NULL_VALUES =
      "{\"accessToken\":null,\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,"
          + "\"email\":null,\"phone\":null,\"fax\":null,\"notice\":null,\"company\":null}";
  private static final String LEAD_0 = "lead-7Gk2mQ9xWp4tR8vZ";
  private static final String EXPIRED_LEAD = "lead-expiredLm5Vt2Kq8W";

  private static final SimulatedImplementation correct = SimulatedImplementation.correct();

  static Stream<String> ids() {
    return LmsChecks.all().stream().map(c -> c.info().id());
  }

  private static String[] allIds() {
    return ids().toArray(String[]::new);
  }

  // ---- the registry
  // ------------------------------------------------------------------------------

  @Test
  void registersTheLmsChecksInTheirRunOrder() {
    assertThat(ids())
        .containsExactly(
            "LMS-SUCCESS-SCHEMA",
            "LMS-SUCCESS-EQUALS-PROFILE",
            "LMS-SUCCESS-NO-EXTRA-PROPERTIES",
            "LMS-AUTHTOKEN-ONE-TIME",
            "LMS-AUTHTOKEN-CONCURRENT-ONE-TIME",
            "LMS-AUTHTOKEN-EXPIRES",
            "LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE",
            "LMS-OTHER-LEAD-AUTHTOKEN-NO-DISCLOSURE",
            "LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE",
            "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE",
            "LMS-MISSING-ACCESSTOKEN-400",
            "LMS-MISSING-AUTHTOKEN-400",
            "LMS-MISSING-SOURCE-400",
            "LMS-FAILURES-INDISTINGUISHABLE");
  }

  @Test
  void everyCheckDocumentsWhatItProvesItsBasisAndASampleFailure() {
    for (Check check : LmsChecks.all()) {
      var info = check.info();
      assertThat(info.title()).as(info.id()).isNotBlank();
      assertThat(info.proves()).as(info.id()).isNotBlank();
      assertThat(info.basis()).as(info.id()).isNotBlank();
      assertThat(info.sampleFailure().lines().count()).as(info.id()).isBetween(3L, 6L);
      assertThat(info.sampleFailure()).as(info.id()).contains("expected", "actual", "curl -i");
    }
  }

  // ---- a correct implementation passes
  // -------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void passesAgainstACorrectImplementation(String id) {
    assertPassed(run(correct, id), id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void passesAgainstACorrectImplementationInLenientMode(String id) {
    assertPassed(run(correct, Profiles.lenient(exampleProfile()), id), id);
  }

  @Test
  void allLmsChecksPassTogetherInOneRun() {
    RunResult result = run(correct, allIds());
    ids().forEach(id -> assertPassed(result, id));
  }

  @Test
  void successChecksAcceptTheSameInstantWithThreeFractionalDigitsInUtc() {
    Defect utcMillis =
        disclosedBody(
            body -> {
              ObjectNode token = (ObjectNode) body.get("accessToken");
              OffsetDateTime at = OffsetDateTime.parse(token.get("expiration").asString());
              token.put(
                  "expiration",
                  at.withOffsetSameInstant(ZoneOffset.UTC)
                      .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")));
            });
    try (var impl = SimulatedImplementation.start(utcMillis)) {
      RunResult result = run(impl, "LMS-SUCCESS-SCHEMA", "LMS-SUCCESS-EQUALS-PROFILE");
      assertPassed(result, "LMS-SUCCESS-SCHEMA");
      assertPassed(result, "LMS-SUCCESS-EQUALS-PROFILE");
    }
  }

  @Test
  void textJsonAnswersPassEveryLmsCheck() {
    Defect textJson =
        (request, upstream) -> {
          Answer a = upstream.forward(request);
          return request.isLms() ? a.withHeader("Content-Type", "text/json; charset=utf-8") : a;
        };
    try (var impl = SimulatedImplementation.start(textJson)) {
      RunResult result = run(impl, allIds());
      ids().forEach(id -> assertPassed(result, id));
    }
  }

  // ---- skips
  // -----------------------------------------------------------------------------------------

  @Test
  void equalsProfileIsSkippedWhenNoLeadHasAnExpectedRecord() {
    Profile profile =
        correct.profile(
            withLms(
                l ->
                    lms(
                        l,
                        l.leads().stream()
                            .map(k -> new Profile.KnownLead(k.accessToken(), null))
                            .toList(),
                        l.expiredLead())));
    CheckResult r =
        only(run(correct, profile, "LMS-SUCCESS-EQUALS-PROFILE"), "LMS-SUCCESS-EQUALS-PROFILE");
    assertThat(r.status()).isEqualTo(Status.SKIPPED);
    assertThat(r.skipReason()).contains("expected");
  }

  @Test
  void otherLeadCheckIsSkippedWhenTheProfileListsOnlyOneLeadWhileFailuresAreStillCompared() {
    Profile profile = edited(withLms(l -> lms(l, l.leads().subList(0, 1), l.expiredLead())));
    RunResult result =
        run(
            correct,
            profile,
            "LMS-OTHER-LEAD-AUTHTOKEN-NO-DISCLOSURE",
            "LMS-FAILURES-INDISTINGUISHABLE");
    CheckResult r = only(result, "LMS-OTHER-LEAD-AUTHTOKEN-NO-DISCLOSURE");
    assertThat(r.status()).isEqualTo(Status.SKIPPED);
    assertThat(r.skipReason()).contains("needs 2");
    assertPassed(result, "LMS-FAILURES-INDISTINGUISHABLE");
  }

  @Test
  void expiredCheckIsSkippedWhenTheProfileNamesNoExpiredLead() {
    Profile profile = edited(withLms(l -> lms(l, l.leads(), null)));
    CheckResult r =
        only(
            run(correct, profile, "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE"),
            "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE");
    assertThat(r.status()).isEqualTo(Status.SKIPPED);
    assertThat(r.skipReason()).contains("lms.expiredLead");
  }

  @Test
  void expiredCheckUsesARandomAuthTokenWhenTheProfileGivesNone() {
    Profile profile =
        edited(withLms(l -> lms(l, l.leads(), new Profile.ExpiredLead(EXPIRED_LEAD, null))));
    assertPassed(
        run(correct, profile, "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE"),
        "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE");
  }

  // ---- the success path
  // ----------------------------------------------------------------------------

  @Test
  void pascalCasePropertiesFailTheSchemaTheProfileAndTheExtraPropertyChecks() {
    try (var impl =
        SimulatedImplementation.start(disclosedBodyReplacedBy(LmsChecksTest::pascalCase))) {
      RunResult result =
          run(
              impl,
              "LMS-SUCCESS-SCHEMA",
              "LMS-SUCCESS-EQUALS-PROFILE",
              "LMS-SUCCESS-NO-EXTRA-PROPERTIES");
      assertThat(failureText(result, "LMS-SUCCESS-SCHEMA"))
          .contains("a body valid against LmsContactInfo.schema.json", "accessToken");
      assertThat(failureText(result, "LMS-SUCCESS-EQUALS-PROFILE"))
          .contains("at /accessToken: expected {", "got (absent)");
      assertThat(failureText(result, "LMS-SUCCESS-NO-EXTRA-PROPERTIES"))
          .contains("/AccessToken", "/Name", "/Company");
    }
  }

  @Test
  void aMalformedExpirationFailsTheSchemaAndTheProfileChecksAtItsPointer() {
    Defect malformed =
        disclosedBody(
            body ->
                ((ObjectNode) body.get("accessToken")).put("expiration", "31.12.2031 23:59:59"));
    try (var impl = SimulatedImplementation.start(malformed)) {
      RunResult result = run(impl, "LMS-SUCCESS-SCHEMA", "LMS-SUCCESS-EQUALS-PROFILE");
      failureText(result, "LMS-SUCCESS-SCHEMA");
      assertThat(only(result, "LMS-SUCCESS-SCHEMA").failure().violations())
          .anySatisfy(
              v -> {
                assertThat(v.pointer()).isEqualTo("/accessToken/expiration");
                assertThat(v.keyword()).isEqualTo("format");
              });
      assertThat(failureText(result, "LMS-SUCCESS-EQUALS-PROFILE"))
          .contains(
              "at /accessToken/expiration: expected \"2031-12-31T23:59:59.0000000+01:00\","
                  + " got \"31.12.2031 23:59:59\"");
    }
  }

  @Test
  void anAccessTokenCodeOtherThanTheLeadsFailsTheSchemaCheck() {
    Defect codeIsAuthToken =
        (request, upstream) -> {
          Answer a = upstream.forward(request);
          if (!request.isLms() || !a.isLmsDisclosure()) {
            return a;
          }
          JsonNode body = a.jsonBody().orElseThrow();
          ((ObjectNode) body.get("accessToken"))
              .put("code", request.param("authToken").orElseThrow());
          return a.withBody(body);
        };
    try (var impl = SimulatedImplementation.start(codeIsAuthToken)) {
      assertThat(failureText(run(impl, "LMS-SUCCESS-SCHEMA"), "LMS-SUCCESS-SCHEMA"))
          .contains("accessToken.code \"" + LEAD_0 + "\"");
    }
  }

  @Test
  void aWronglyEncodedNameFailsTheProfileCheckAtItsPointer() {
    Defect lostUmlauts = disclosedBody(body -> ((ObjectNode) body).put("name", "J?rgen Wei?"));
    try (var impl = SimulatedImplementation.start(lostUmlauts)) {
      assertThat(failureText(run(impl, "LMS-SUCCESS-EQUALS-PROFILE"), "LMS-SUCCESS-EQUALS-PROFILE"))
          .contains("lead " + LEAD_0)
          .contains("at /name: expected \"Jürgen Weiß\", got \"J?rgen Wei?\"");
    }
  }

  @Test
  void aRefusedFreshAuthTokenFailsTheSuccessCheckWithAHintAtTheProfile() {
    try (var impl = SimulatedImplementation.start(refusesEveryAuthToken())) {
      assertThat(failureText(run(impl, "LMS-SUCCESS-SCHEMA"), "LMS-SUCCESS-SCHEMA"))
          .contains("null values: the fresh authToken was refused");
    }
  }

  @Test
  void anAddedPropertyIsAWarningOfTheExtraPropertyCheckInBothModesAndNothingElse() {
    Defect added = disclosedBody(body -> ((ObjectNode) body).put("leadScore", 42));
    try (var impl = SimulatedImplementation.start(added)) {
      String[] checks = {
        "LMS-SUCCESS-SCHEMA", "LMS-SUCCESS-EQUALS-PROFILE", "LMS-SUCCESS-NO-EXTRA-PROPERTIES"
      };
      RunResult strict = run(impl, checks);
      assertThat(failureText(strict, "LMS-SUCCESS-NO-EXTRA-PROPERTIES"))
          .contains("1 undescribed property: /leadScore");
      assertThat(only(strict, "LMS-SUCCESS-NO-EXTRA-PROPERTIES").severity())
          .isEqualTo(Severity.WARNING);
      assertThat(strict.passed()).isTrue();
      assertPassed(strict, "LMS-SUCCESS-SCHEMA");
      assertPassed(strict, "LMS-SUCCESS-EQUALS-PROFILE");

      RunResult lenient = run(impl, Profiles.lenient(exampleProfile()), checks);
      CheckResult warned = only(lenient, "LMS-SUCCESS-NO-EXTRA-PROPERTIES");
      assertFailed(warned);
      assertThat(warned.severity()).isEqualTo(Severity.WARNING);
      assertThat(lenient.passed()).isTrue();
    }
  }

  @Test
  void aRecordThatListsTheSameUndocumentedPropertyAsTheAnswerEqualsItInBothModes() {
    Defect links = disclosedBody(body -> ((ObjectNode) body).putObject("links"));
    Profile withLinks = Profiles.withExpectedRecords(exampleProfile(), r -> r.putObject("links"));
    try (var impl = SimulatedImplementation.start(links)) {
      assertPassed(
          run(impl, withLinks, "LMS-SUCCESS-EQUALS-PROFILE"), "LMS-SUCCESS-EQUALS-PROFILE");
      assertPassed(
          run(impl, Profiles.lenient(withLinks), "LMS-SUCCESS-EQUALS-PROFILE"),
          "LMS-SUCCESS-EQUALS-PROFILE");
    }
  }

  @Test
  void aRecordThatListsAnUndocumentedValueTheAnswerLacksFailsSayingWhere() {
    Defect links = disclosedBody(body -> ((ObjectNode) body).putObject("links"));
    Profile withSelf =
        Profiles.withExpectedRecords(
            exampleProfile(), r -> r.putObject("links").put("self", "/leads/1"));
    try (var impl = SimulatedImplementation.start(links)) {
      assertThat(
              failureText(
                  run(impl, withSelf, "LMS-SUCCESS-EQUALS-PROFILE"), "LMS-SUCCESS-EQUALS-PROFILE"))
          .isEqualTo(
              "the profile's expected LmsContactInfo for lead lead-7Gk2mQ9xWp4tR8vZ"
                  + " | at /links/self: expected \"/leads/1\", got (absent)");
    }
  }

  @Test
  void anOmittedNullFailsSchemaAndRecordInStrictModeAndIsAValidChoiceInLenientMode() {
    Defect noFax = disclosedBody(body -> ((ObjectNode) body).remove("fax"));
    String[] checks = {"LMS-SUCCESS-SCHEMA", "LMS-SUCCESS-EQUALS-PROFILE"};
    try (var impl = SimulatedImplementation.start(noFax)) {
      RunResult strict = run(impl, checks);
      assertThat(failureText(strict, "LMS-SUCCESS-SCHEMA"))
          .contains("1 schema violation(s): / [required] required property 'fax' not found");
      assertThat(failureText(strict, "LMS-SUCCESS-EQUALS-PROFILE"))
          .endsWith("at /fax: expected null, got (absent)");

      RunResult lenient = run(impl, Profiles.lenient(exampleProfile()), checks);
      assertPassed(lenient, "LMS-SUCCESS-SCHEMA");
      assertPassed(lenient, "LMS-SUCCESS-EQUALS-PROFILE");
    }
  }

  @Test
  void anOmittedAccessTokenIsNoOmittedNullAndFailsInLenientModeToo() {
    Defect noAccessToken = disclosedBody(body -> ((ObjectNode) body).remove("accessToken"));
    try (var impl = SimulatedImplementation.start(noAccessToken)) {
      assertThat(
              failureText(
                  run(impl, Profiles.lenient(exampleProfile()), "LMS-SUCCESS-SCHEMA"),
                  "LMS-SUCCESS-SCHEMA"))
          .contains("required property 'accessToken' not found");
    }
  }

  // ---- one-time authTokens
  // ---------------------------------------------------------------------------

  @Test
  void aReusableAuthTokenFailsTheOneTimeCheck() {
    try (var impl = SimulatedImplementation.start(reusableAuthToken())) {
      assertThat(failureText(run(impl, "LMS-AUTHTOKEN-ONE-TIME"), "LMS-AUTHTOKEN-ONE-TIME"))
          .contains("no contact data for a reused authToken")
          .contains("contact data: property");
    }
  }

  @Test
  void aRaceThatGivesEveryConcurrentRequestTheFirstAnswerFailsTheConcurrentOneTimeCheck() {
    int n = exampleProfile().lms().concurrency();
    try (var impl = SimulatedImplementation.start(coalescingConcurrentRequests(n))) {
      assertThat(
              failureText(
                  run(impl, "LMS-AUTHTOKEN-CONCURRENT-ONE-TIME"),
                  "LMS-AUTHTOKEN-CONCURRENT-ONE-TIME"))
          .contains("exactly 1 of " + n + " concurrent requests")
          .contains(n + " of " + n + " disclosed it (statuses: 200×" + n + ")");
    }
  }

  @Test
  void concurrentCheckReportsNoDisclosureWhenTheRacingRequestsAllGetNullValues() {
    try (var impl = SimulatedImplementation.start(refusesEveryAuthToken())) {
      assertThat(
              failureText(
                  run(impl, "LMS-AUTHTOKEN-CONCURRENT-ONE-TIME"),
                  "LMS-AUTHTOKEN-CONCURRENT-ONE-TIME"))
          .contains("0 of 20 disclosed it (statuses: 200×20)");
    }
  }

  // ---- no disclosure on failure paths
  // -----------------------------------------------------------------

  @Test
  void aWrongAuthTokenAnsweredWithTheLastReleasedContactFailsTheWrongAuthTokenCheck() {
    try (var impl = SimulatedImplementation.start(lastReleasedContactLeaks())) {
      // in order: the wrong authToken comes after a released contact
      RunResult result =
          impl.run(
              exampleProfile(),
              impl.options().withConcurrency(1),
              "LMS-SUCCESS-SCHEMA",
              "LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE");
      assertPassed(result, "LMS-SUCCESS-SCHEMA");
      assertThat(failureText(result, "LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE"))
          .contains("no contact data for a wrong authToken")
          .contains("contact data: property");
    }
  }

  @Test
  void
      findingTheLeadByTheAuthTokenAloneFailsTheOtherLeadUnknownAccessTokenAndMissingAccessTokenChecks() {
    try (var impl = SimulatedImplementation.start(leadFoundByAuthTokenAlone())) {
      RunResult result =
          run(
              impl,
              "LMS-OTHER-LEAD-AUTHTOKEN-NO-DISCLOSURE",
              "LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE",
              "LMS-MISSING-ACCESSTOKEN-400");
      assertThat(failureText(result, "LMS-OTHER-LEAD-AUTHTOKEN-NO-DISCLOSURE"))
          .contains(
              "no contact data for an authToken issued for another lead", "contact data: property");
      assertThat(failureText(result, "LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE"))
          .contains("no contact data for an unknown accessToken", "contact data: property");
      assertThat(failureText(result, "LMS-MISSING-ACCESSTOKEN-400"))
          .contains(
              "status 400 and no contact data for a request without accessToken",
              "contact data: property");
    }
  }

  @Test
  void anIgnoredExpirationFailsTheExpiredAccessTokenCheck() {
    Defect ignoresExpiration =
        (request, upstream) ->
            request.isLms() && request.param("accessToken").orElse("").equals(EXPIRED_LEAD)
                ? Answer.json(
                    200, NULL_VALUES.replace("\"name\":null", "\"name\":\"Expired Lead\""))
                : upstream.forward(request);
    try (var impl = SimulatedImplementation.start(ignoresExpiration)) {
      assertThat(
              failureText(
                  run(impl, "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE"),
                  "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE"))
          .contains("no contact data for an expired accessToken", "property 'name' is not null");
    }
  }

  @Test
  void
      anUnknownAccessTokenAnswered404FailsInStrictModeButPassesTheNoDisclosureCheckInLenientMode() {
    Set<String> known = knownAccessTokens();
    Defect notFound =
        (request, upstream) ->
            request.isLms()
                    && request.param("accessToken").isPresent()
                    && !known.contains(request.param("accessToken").get())
                ? Answer.json(404, "{\"message\":\"Lead not found\"}")
                : upstream.forward(request);
    try (var impl = SimulatedImplementation.start(notFound)) {
      String[] checks = {"LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE", "LMS-FAILURES-INDISTINGUISHABLE"};
      RunResult strict = run(impl, checks);
      assertThat(failureText(strict, "LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE"))
          .contains("status 200 for an unknown accessToken (strict: the all-null LmsContactInfo")
          .contains("| status 404");
      assertThat(failureText(strict, "LMS-FAILURES-INDISTINGUISHABLE"))
          .contains(
              "the answer to an unknown accessToken differs from the answer to a reused authToken: status 404 vs 200");
      assertThat(only(strict, "LMS-FAILURES-INDISTINGUISHABLE").severity())
          .isEqualTo(Severity.ERROR);

      RunResult lenient = run(impl, Profiles.lenient(exampleProfile()), checks);
      assertPassed(lenient, "LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE");
      CheckResult warned = only(lenient, "LMS-FAILURES-INDISTINGUISHABLE");
      assertFailed(warned);
      assertThat(warned.severity()).isEqualTo(Severity.WARNING);
    }
  }

  @Test
  void aServerErrorForAWrongAuthTokenFailsInLenientModeToo() {
    Defect crashes =
        (request, upstream) -> {
          Answer a = upstream.forward(request);
          return request.isLms() && !a.isLmsDisclosure()
              ? Answer.json(500, "{\"error\":\"NullReferenceException\"}")
              : a;
        };
    try (var impl = SimulatedImplementation.start(crashes)) {
      RunResult result =
          run(impl, Profiles.lenient(exampleProfile()), "LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE");
      assertThat(failureText(result, "LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE"))
          .contains("no 5xx", "for a wrong authToken", "status 500");
    }
  }

  // ---- required parameters
  // ----------------------------------------------------------------------------

  @Test
  void aMissingSourceThatDefaultsToWebFailsTheMissingSourceCheck() {
    Defect defaultsSource =
        (request, upstream) ->
            request.isLms() && request.param("source").isEmpty()
                ? upstream.forward(request.withQuery(withParam(request, "source", "web")))
                : upstream.forward(request);
    try (var impl = SimulatedImplementation.start(defaultsSource)) {
      assertThat(failureText(run(impl, "LMS-MISSING-SOURCE-400"), "LMS-MISSING-SOURCE-400"))
          .contains(
              "status 400 and no contact data for a request without source",
              "contact data: property");
    }
  }

  @Test
  void aMissingAuthTokenAnsweredWithNullValuesFailsTheMissingAuthTokenCheckOnItsStatus() {
    Defect nullValues =
        (request, upstream) ->
            request.isLms() && request.param("authToken").isEmpty()
                ? Answer.json(200, NULL_VALUES)
                : upstream.forward(request);
    try (var impl = SimulatedImplementation.start(nullValues)) {
      RunResult result = run(impl, Profiles.lenient(exampleProfile()), "LMS-MISSING-AUTHTOKEN-400");
      assertThat(failureText(result, "LMS-MISSING-AUTHTOKEN-400"))
          .isEqualTo("status 400 | status 200");
    }
  }

  // ---- failures look alike
  // ----------------------------------------------------------------------------

  @Test
  void anExpiredAccessTokenFlaggedInTheBodyFailsTheIndistinguishableCheckAtThatPointer() {
    Defect flagsExpiry =
        (request, upstream) -> {
          Answer a = upstream.forward(request);
          return request.isLms() && request.param("accessToken").orElse("").equals(EXPIRED_LEAD)
              ? a.withBody(NULL_VALUES.replace("}", ",\"expired\":true}"))
              : a;
        };
    try (var impl = SimulatedImplementation.start(flagsExpiry)) {
      RunResult result =
          run(impl, "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE", "LMS-FAILURES-INDISTINGUISHABLE");
      assertThat(failureText(result, "LMS-FAILURES-INDISTINGUISHABLE"))
          .contains(
              "the answer to an expired accessToken differs from the answer to a reused authToken")
          .contains("the body differs at /expired: expected (absent), got true");
    }
  }

  @Test
  void aCacheableAnswerOnlyForAnotherLeadsAuthTokenFailsTheIndistinguishableCheck() {
    Set<String> mintedForLead0 = ConcurrentHashMap.newKeySet();
    Defect header =
        (request, upstream) -> {
          Answer a = upstream.forward(request);
          if (request.path().equals("/__admin/authtokens") && a.status() == 201) {
            JsonNode minted = a.jsonBody().orElseThrow();
            if (minted.get("accessToken").asString().equals(LEAD_0)) {
              mintedForLead0.add(minted.get("authToken").asString());
            }
            return a;
          }
          boolean othersToken =
              request.isLms()
                  && !a.isLmsDisclosure()
                  && request.param("accessToken").orElse("").equals(LEAD_0)
                  && request.param("authToken").orElse("").matches("\\d{6}")
                  && !mintedForLead0.contains(request.param("authToken").get());
          return othersToken ? a.withHeader("Cache-Control", "private, max-age=60") : a;
        };
    try (var impl = SimulatedImplementation.start(header)) {
      assertThat(
              failureText(
                  run(impl, "LMS-FAILURES-INDISTINGUISHABLE"), "LMS-FAILURES-INDISTINGUISHABLE"))
          .contains(
              "the answer to an authToken issued for another lead differs from the answer to a reused authToken")
          .contains("Cache-Control \"private, max-age=60\" vs ");
    }
  }

  // ---- planted defects
  // ----------------------------------------------------------------------------------

  /** Every LMS request gets the null values: no authToken is ever accepted. */
  private static Defect refusesEveryAuthToken() {
    return (request, upstream) ->
        request.isLms() ? Answer.json(200, NULL_VALUES) : upstream.forward(request);
  }

  /** Caches every answer that disclosed a contact per (accessToken, authToken) and replays it. */
  private static Defect reusableAuthToken() {
    Map<String, Answer> served = new ConcurrentHashMap<>();
    return (request, upstream) -> {
      if (!request.isLms()) {
        return upstream.forward(request);
      }
      String key =
          request.param("accessToken").orElse("") + "\n" + request.param("authToken").orElse("");
      Answer cached = served.get(key);
      if (cached != null) {
        return cached;
      }
      Answer a = upstream.forward(request);
      if (a.isLmsDisclosure()) {
        served.put(key, a);
      }
      return a;
    };
  }

  /**
   * Coalesces identical LMS requests that are in flight together and gives every waiter the first
   * answer. The first of a burst waits (bounded) until the whole burst has arrived, so the race is
   * lost every time rather than by chance.
   */
  private static Defect coalescingConcurrentRequests(int burstSize) {
    final class Burst {
      final CountDownLatch arrived = new CountDownLatch(burstSize);
      final AtomicBoolean led = new AtomicBoolean();
      final CompletableFuture<Answer> answer = new CompletableFuture<>();
    }
    Map<String, Burst> inFlight = new ConcurrentHashMap<>();
    return (request, upstream) -> {
      if (!request.isLms()) {
        return upstream.forward(request);
      }
      Burst burst = inFlight.computeIfAbsent(request.target(), t -> new Burst());
      burst.arrived.countDown();
      if (!burst.led.compareAndSet(false, true)) {
        return burst.answer.join();
      }
      try {
        burst.arrived.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.remove(request.target(), burst);
      try {
        Answer a = upstream.forward(request);
        burst.answer.complete(a);
        return a;
      } catch (RuntimeException e) {
        burst.answer.completeExceptionally(e);
        throw e;
      }
    };
  }

  /** Remembers the last contact disclosed per accessToken and sends it instead of null values. */
  private static Defect lastReleasedContactLeaks() {
    Map<String, Answer> lastDisclosed = new ConcurrentHashMap<>();
    return (request, upstream) -> {
      Answer a = upstream.forward(request);
      if (!request.isLms() || request.param("accessToken").isEmpty()) {
        return a;
      }
      String accessToken = request.param("accessToken").get();
      if (a.isLmsDisclosure()) {
        lastDisclosed.put(accessToken, a);
        return a;
      }
      return a.status() == 200 ? lastDisclosed.getOrDefault(accessToken, a) : a;
    };
  }

  /**
   * Finds the lead by the authToken alone: learns which lead each minted authToken belongs to and
   * sends that lead's accessToken upstream, whatever accessToken (if any) the caller gave.
   */
  private static Defect leadFoundByAuthTokenAlone() {
    Map<String, String> owners = new ConcurrentHashMap<>();
    return (request, upstream) -> {
      if (request.isLms() && request.param("authToken").isPresent()) {
        String owner = owners.get(request.param("authToken").get());
        return upstream.forward(
            owner == null ? request : request.withQuery(withParam(request, "accessToken", owner)));
      }
      Answer a = upstream.forward(request);
      if (request.path().equals("/__admin/authtokens") && a.status() == 201) {
        JsonNode minted = a.jsonBody().orElseThrow();
        owners.put(minted.get("authToken").asString(), minted.get("accessToken").asString());
      }
      return a;
    };
  }

  /** Changes the body of every LMS answer that discloses a contact. */
  private static Defect disclosedBody(Consumer<JsonNode> change) {
    return disclosedBodyReplacedBy(
        body -> {
          change.accept(body);
          return body;
        });
  }

  private static Defect disclosedBodyReplacedBy(UnaryOperator<JsonNode> replace) {
    return (request, upstream) -> {
      Answer a = upstream.forward(request);
      return request.isLms() && a.isLmsDisclosure()
          ? a.withBody(replace.apply(a.jsonBody().orElseThrow()))
          : a;
    };
  }

  private static JsonNode pascalCase(JsonNode node) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode renamed = JSON.createObjectNode();
    for (String name : node.propertyNames()) {
      renamed.set(
          Character.toUpperCase(name.charAt(0)) + name.substring(1), pascalCase(node.get(name)));
    }
    return renamed;
  }

  /** The raw query with {@code name} set to {@code value} (replacing any value, in any case). */
  private static String withParam(Incoming request, String name, String value) {
    String kept =
        request.rawQuery() == null
            ? ""
            : Arrays.stream(request.rawQuery().split("&"))
                .filter(pair -> !pair.split("=", 2)[0].equalsIgnoreCase(name))
                .collect(Collectors.joining("&"));
    String added = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    return kept.isEmpty() ? added : kept + "&" + added;
  }

  // ---- helpers
  // -----------------------------------------------------------------------------------------

  private static Profile edited(UnaryOperator<Profile> edit) {
    return edit.apply(exampleProfile());
  }

  /** Runs the named checks with the example profile. */
  private static RunResult run(SimulatedImplementation impl, String... ids) {
    return impl.run(exampleProfile(), ids);
  }

  private static RunResult run(SimulatedImplementation impl, Profile profile, String... ids) {
    return impl.run(profile, ids);
  }

  private static Set<String> knownAccessTokens() {
    Profile.Lms lms = exampleProfile().lms();
    Set<String> known =
        lms.leads().stream()
            .map(Profile.KnownLead::accessToken)
            .collect(Collectors.toCollection(java.util.HashSet::new));
    known.add(lms.expiredLead().accessToken());
    return known;
  }

  private static UnaryOperator<Profile> withLms(UnaryOperator<Profile.Lms> edit) {
    return p -> new Profile(p.name(), p.mode(), p.http(), p.contacts(), edit.apply(p.lms()));
  }

  private static Profile.Lms lms(
      Profile.Lms l, List<Profile.KnownLead> leads, Profile.ExpiredLead expired) {
    return new Profile.Lms(
        l.baseUrl(), l.source(), leads, expired, l.concurrency(), l.authTokens());
  }

  private static CheckResult only(RunResult result, String id) {
    return result.result(id).orElseThrow(() -> new AssertionError(id + " did not run"));
  }

  private static void assertPassed(RunResult result, String id) {
    CheckResults.assertPassed(only(result, id));
  }

  /** "expected | actual" of a failed check; fails the test when the check did not fail. */
  private static String failureText(RunResult result, String id) {
    CheckResult r = only(result, id);
    assertFailed(r);
    return r.failure().expected() + " | " + r.failure().actual();
  }
}
