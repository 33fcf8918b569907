package io.contractkit.conformance.checks.contacts;

import static io.contractkit.conformance.fakes.CheckResults.assertFailed;
import static io.contractkit.conformance.fakes.CheckResults.assertPassed;
import static io.contractkit.conformance.fakes.SimulatedImplementation.runCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.fakes.Answer;
import io.contractkit.conformance.fakes.CheckResults;
import io.contractkit.conformance.fakes.Defect;
import io.contractkit.conformance.fakes.Incoming;
import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.Profiles;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each Contacts check passes against the real mock and fails, under its own id and with a message
 * that says what went wrong, against a simulated implementation with one planted defect.
 */
class ContactsChecksTest {
  private static final String FOUND_SCHEMA = "CONTACTS-FOUND-SCHEMA";
  private static final String FOUND_EQUALS_PROFILE = "CONTACTS-FOUND-EQUALS-PROFILE";
  private static final String FOUND_NO_EXTRA = "CONTACTS-FOUND-NO-EXTRA-PROPERTIES";
  private static final String UNKNOWN_SECRET = "CONTACTS-UNKNOWN-SECRET-404";
  private static final String MISSING_SECRET = "CONTACTS-MISSING-SECRET-400";
  private static final String EMPTY_SECRET = "CONTACTS-EMPTY-SECRET-400";
  private static final String MALFORMED_IP = "CONTACTS-MALFORMED-IP-400";
  private static final String THROTTLE_BLOCKS = "CONTACTS-THROTTLE-BLOCKS";
  private static final String THROTTLE_VALID_SECRET = "CONTACTS-THROTTLE-BLOCKS-VALID-SECRET";
  private static final String THROTTLE_PER_IP = "CONTACTS-THROTTLE-PER-IP";
  private static final String THROTTLE_RETRY_AFTER = "CONTACTS-THROTTLE-RETRY-AFTER";
  private static final String THROTTLE_SUCCESSES = "CONTACTS-THROTTLE-SUCCESSES-DO-NOT-BLOCK";
  private static final String THROTTLE_LIFTS = "CONTACTS-THROTTLE-BLOCK-LIFTS";
  private static final String THROTTLE_COUNTS_DOWN = "CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN";

  /** The example profile's first secret, and what it holds. */
  private static final String FIRST_SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";

  private static final int MAX_FAILURES = 10;

  private static final SimulatedImplementation correct = SimulatedImplementation.correct();

  @BeforeEach
  void forgetEveryBlockOfTheCorrectImplementation() {
    correct.mock().state().reset();
  }

  static List<String> contactsCheckIds() {
    return ContactsChecks.all().stream().map(c -> c.info().id()).toList();
  }

  // ---- registration and the correct implementation -------------------------------------------

  @Test
  void registersTheContactsChecksInRunOrder() {
    assertThat(contactsCheckIds())
        .containsExactly(
            FOUND_SCHEMA,
            FOUND_EQUALS_PROFILE,
            FOUND_NO_EXTRA,
            UNKNOWN_SECRET,
            MISSING_SECRET,
            EMPTY_SECRET,
            MALFORMED_IP,
            THROTTLE_BLOCKS,
            THROTTLE_VALID_SECRET,
            THROTTLE_PER_IP,
            THROTTLE_RETRY_AFTER,
            THROTTLE_SUCCESSES,
            "CONTACTS-THROTTLE-REFUSALS-DO-NOT-COUNT",
            "CONTACTS-THROTTLE-NOT-WITHOUT-IP",
            "CONTACTS-THROTTLE-ONE-BUDGET-PER-ADDRESS",
            THROTTLE_LIFTS,
            "CONTACTS-THROTTLE-WINDOW-ENDS",
            THROTTLE_COUNTS_DOWN);
  }

  @Test
  void everyCheckIsDocumentedForTheCheckReference() {
    for (Check check : ContactsChecks.all()) {
      var info = check.info();
      assertThat(info.category()).as(info.id()).isEqualTo(Category.CONTACTS);
      assertThat(info.title()).as(info.id()).isNotBlank();
      assertThat(info.proves()).as(info.id()).isNotBlank();
      assertThat(info.basis()).as(info.id()).isNotBlank();
      assertThat(info.sampleFailure().lines().count()).as(info.id()).isBetween(3L, 6L);
      assertThat(info.sampleFailure()).as(info.id()).contains("expected", "actual", "curl ");
    }
  }

  @Test
  void extraPropertiesWarnInBothModesAndMalformedIpOnlyInLenientMode() {
    Map<String, Severity> lenient =
        ContactsChecks.all().stream()
            .collect(Collectors.toMap(c -> c.info().id(), c -> c.info().severity(Mode.LENIENT)));
    assertThat(
            lenient.entrySet().stream()
                .filter(e -> e.getValue() == Severity.WARNING)
                .map(Map.Entry::getKey))
        .containsExactlyInAnyOrder(FOUND_NO_EXTRA, MALFORMED_IP);
    assertThat(ContactsChecks.all())
        .filteredOn(c -> c.info().severity(Mode.STRICT) == Severity.WARNING)
        .extracting(c -> c.info().id())
        .containsExactly(FOUND_NO_EXTRA);
  }

  @ParameterizedTest(name = "{0} passes against a correct implementation")
  @MethodSource("contactsCheckIds")
  void passesAgainstACorrectImplementation(String id) {
    CheckResult result = correct.run(id).result(id).orElseThrow();

    assertPassed(result);
  }

  @Test
  void allContactsChecksPassTogetherInOneRunAgainstACorrectImplementation() {
    String[] ids = contactsCheckIds().toArray(String[]::new);

    RunResult run = correct.run(ids);

    assertThat(run.results()).hasSize(ids.length);
    assertThat(run.results()).allSatisfy(CheckResults::assertPassed);
  }

  @Test
  void throttleChecksMoveOnToAnotherFreshIpWhenOneIsStillBlockedByAnEarlierRun() {
    // the 1st, 3rd, 5th ... ip the implementation sees is blocked from the start
    CopyOnWriteArrayList<String> seen = new CopyOnWriteArrayList<>();
    Defect everyOtherIpStillBlocked =
        (request, upstream) -> {
          String ip = request.isContacts() ? request.param("ip").orElse(null) : null;
          if (ip != null) {
            seen.addIfAbsent(ip);
            if (seen.indexOf(ip) % 2 == 0) {
              return Answer.json(429, "{\"message\":\"too many requests\"}")
                  .withHeader("Retry-After", "120");
            }
          }
          return upstream.forward(request);
        };
    String[] throttleIds = {
      THROTTLE_BLOCKS,
      THROTTLE_VALID_SECRET,
      THROTTLE_PER_IP,
      THROTTLE_RETRY_AFTER,
      THROTTLE_SUCCESSES
    };

    try (SimulatedImplementation impl = SimulatedImplementation.start(everyOtherIpStillBlocked)) {
      // one check after another: each check's ips alternate between blocked and free
      RunResult run = impl.run(impl.profile(), impl.options().withConcurrency(1), throttleIds);

      assertThat(run.results()).allSatisfy(CheckResults::assertPassed);
      assertThat(seen).hasSizeGreaterThanOrEqualTo(2 * throttleIds.length);
    }
  }

  // ---- CONTACTS-FOUND-SCHEMA -----------------------------------------------------------------

  @Test
  void foundSchemaFailsWithPointerAndKeywordWhenRegistrationSourceHas51Characters() {
    Defect longSource = foundContact(body -> body.put("RegistrationSource", "x".repeat(51)));

    CheckFailure failure = failureOf(longSource, FOUND_SCHEMA);

    assertThat(failure.expected()).contains("ReadContactDto.schema.json");
    assertThat(failure.actual()).contains("/RegistrationSource [maxLength]");
    assertThat(failure.violations())
        .anySatisfy(
            v -> {
              assertThat(v.pointer()).isEqualTo("/RegistrationSource");
              assertThat(v.keyword()).isEqualTo("maxLength");
            });
    assertThat(failure.exchange().request().curl()).contains("secret=" + FIRST_SECRET);
  }

  @Test
  void foundSchemaFailsWhenAnExistingSecretIsNotFound() {
    Defect forgetsContacts =
        contacts((request, answer) -> answer.status() == 200 ? Answer.json(404, "{}") : answer);

    CheckFailure failure = failureOf(forgetsContacts, FOUND_SCHEMA);

    assertThat(failure.expected()).contains("status 200", FIRST_SECRET);
    assertThat(failure.actual()).isEqualTo("status 404");
  }

  // ---- CONTACTS-FOUND-EQUALS-PROFILE ---------------------------------------------------------

  @Test
  void equalsProfileFailsAtTheChangedDate() {
    Defect laterModified =
        foundContact(
            body -> {
              if (body.get("Secret").asString().equals(FIRST_SECRET)) {
                body.put("LastModified", "2026-09-03T14:03:11.8285660+02:00");
              }
            });

    CheckFailure failure = failureOf(laterModified, FOUND_EQUALS_PROFILE);

    assertThat(failure.expected())
        .startsWith("/LastModified = \"2026-09-02T14:03:11.8285660+02:00\"")
        .contains(FIRST_SECRET);
    assertThat(failure.actual()).isEqualTo("/LastModified = \"2026-09-03T14:03:11.8285660+02:00\"");
  }

  @Test
  void equalsProfileFailsWhenEmailIsRenamedToLowerCase() {
    CheckFailure failure = failureOf(renamesEmailToLowerCase(), FOUND_EQUALS_PROFILE);

    assertThat(failure.expected()).startsWith("/Email = \"zoe.mueller@example.de\"");
    assertThat(failure.actual()).isEqualTo("/Email = (missing)");
  }

  @Test
  void equalsProfileFailsWhenANumberChanges() {
    Defect otherStore = foundContact(body -> body.put("PreferredStoreId", 28));

    CheckFailure failure = failureOf(otherStore, FOUND_EQUALS_PROFILE);

    assertThat(failure.expected()).startsWith("/PreferredStoreId = 27");
    assertThat(failure.actual()).isEqualTo("/PreferredStoreId = 28");
  }

  @Test
  void equalsProfilePassesWhenDatesHaveThreeFractionalDigitsInUtcAndNumbersAreDecimals() {
    DateTimeFormatter millisUtc = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX");
    Defect otherValidChoices =
        foundContact(
            body -> {
              for (String name : List.copyOf(body.propertyNames())) {
                JsonNode value = body.get(name);
                if (value.isString()) {
                  try {
                    OffsetDateTime date = OffsetDateTime.parse(value.asString());
                    body.put(name, date.withOffsetSameInstant(ZoneOffset.UTC).format(millisUtc));
                  } catch (DateTimeParseException notADate) {
                    // not a date-time: unchanged
                  }
                }
              }
              if (body.get("Id").isNumber()) {
                body.put("Id", body.get("Id").decimalValue().setScale(1));
              }
            });

    CheckResult result = runCheck(otherValidChoices, FOUND_EQUALS_PROFILE);

    assertPassed(result);
  }

  @Test
  void equalsProfileIsSkippedWhenNoSecretHasAnExpectedContact() {
    CheckResult result =
        correct
            .run(correct.profile(ContactsChecksTest::withoutExpectedContacts), FOUND_EQUALS_PROFILE)
            .result(FOUND_EQUALS_PROFILE)
            .orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SKIPPED);
    assertThat(result.skipReason()).contains("expected");
  }

  // ---- CONTACTS-FOUND-NO-EXTRA-PROPERTIES ----------------------------------------------------

  @Test
  void noExtraPropertiesFailsAndListsAnAddedProperty() {
    Defect addsScore = foundContact(body -> body.put("InternalScore", 7));

    CheckFailure failure = failureOf(addsScore, FOUND_NO_EXTRA);

    assertThat(failure.expected()).contains("ReadContactDto");
    assertThat(failure.actual()).contains("/InternalScore", "in 3 of 3 found contacts");
  }

  @Test
  void noExtraPropertiesNamesALowerCaseEmailAsExtra() {
    CheckFailure failure = failureOf(renamesEmailToLowerCase(), FOUND_NO_EXTRA);

    assertThat(failure.actual()).contains("/email");
  }

  @Test
  void extraPropertiesAreAWarningThatDoesNotFailTheRunInLenientMode() {
    try (SimulatedImplementation impl =
        SimulatedImplementation.start(foundContact(body -> body.put("InternalScore", 7)))) {
      RunResult run = impl.run(impl.profile(Profiles::lenient), FOUND_NO_EXTRA);
      CheckResult result = run.result(FOUND_NO_EXTRA).orElseThrow();

      assertFailed(result);
      assertThat(result.severity()).isEqualTo(Severity.WARNING);
      assertThat(run.passed()).isTrue();
    }
  }

  // ---- CONTACTS-UNKNOWN-SECRET-404 -----------------------------------------------------------

  @Test
  void unknownSecretFailsWhenAnsweredWith200AndAnEmptyObject() {
    Defect emptyObject =
        contacts((request, answer) -> answer.status() == 404 ? Answer.json(200, "{}") : answer);

    CheckFailure failure = failureOf(emptyObject, UNKNOWN_SECRET);

    assertThat(failure.expected()).contains("status 404");
    assertThat(failure.actual()).isEqualTo("status 200");
  }

  @Test
  void unknownSecretFailsWhenTheErrorBodyCarriesAKnownContact() {
    Defect leakyError =
        contacts(
            (request, answer) ->
                answer.status() == 404
                    ? answer.withBody(
                        "{\"error\":\"not found\",\"closest\":\"zoe.mueller@example.de\"}")
                    : answer);

    CheckFailure failure = failureOf(leakyError, UNKNOWN_SECRET);

    assertThat(failure.actual()).contains("status 404 with contact data", "zoe.mueller@example.de");
  }

  // ---- CONTACTS-MISSING-SECRET-400 / CONTACTS-EMPTY-SECRET-400 --------------------------------

  @Test
  void missingSecretFailsWhenAnsweredWith500() {
    Defect crashes =
        (request, upstream) ->
            request.isContacts() && request.param("secret").isEmpty()
                ? Answer.json(500, "{\"error\":\"NullReferenceException\"}")
                : upstream.forward(request);

    CheckFailure failure = failureOf(crashes, MISSING_SECRET);

    assertThat(failure.expected()).contains("status 400", "missing");
    assertThat(failure.actual()).isEqualTo("status 500");
    assertThat(failure.exchange().request().curl()).doesNotContain("secret");
  }

  @Test
  void missingSecretFailsWhenAnsweredWithTheFirstContact() {
    Defect firstContact =
        (request, upstream) ->
            request.isContacts() && request.param("secret").isEmpty()
                ? upstream.forward(request.withQuery("secret=" + FIRST_SECRET))
                : upstream.forward(request);

    CheckFailure failure = failureOf(firstContact, MISSING_SECRET);

    assertThat(failure.actual()).contains("status 200 with contact data");
  }

  @Test
  void emptySecretFailsWhenTreatedAsAnUnknownSecret() {
    Defect emptyIsUnknown =
        (request, upstream) ->
            request.isContacts() && request.param("secret").orElse("x").isEmpty()
                ? Answer.json(404, "{\"message\":\"not found\"}")
                : upstream.forward(request);

    CheckFailure failure = failureOf(emptyIsUnknown, EMPTY_SECRET);

    assertThat(failure.expected()).contains("status 400", "empty secret");
    assertThat(failure.actual()).isEqualTo("status 404");
    assertThat(failure.exchange().request().curl()).endsWith("secret='");
  }

  // ---- CONTACTS-MALFORMED-IP-400 -------------------------------------------------------------

  @Test
  void malformedIpFailsWhenTheIpIsIgnoredAndTheContactDisclosed() {
    CheckFailure failure = failureOf(ignoresMalformedIp(), MALFORMED_IP);

    assertThat(failure.expected()).contains("status 400", "ip=not-an-ip");
    assertThat(failure.actual()).contains("status 200 with contact data");
  }

  @Test
  void malformedIpAnswered422PassesInLenientModeAndFailsInStrictMode() {
    try (SimulatedImplementation impl =
        SimulatedImplementation.start(answersMalformedIpWith(422))) {
      CheckResult strict = impl.run(MALFORMED_IP).result(MALFORMED_IP).orElseThrow();
      CheckResult lenient =
          impl.run(impl.profile(Profiles::lenient), MALFORMED_IP)
              .result(MALFORMED_IP)
              .orElseThrow();

      assertFailed(strict);
      assertThat(strict.severity()).isEqualTo(Severity.ERROR);
      assertThat(strict.failure().expected()).startsWith("status 400");
      assertThat(strict.failure().actual()).isEqualTo("status 422");
      assertPassed(lenient);
    }
  }

  @Test
  void malformedIpFailsAsAWarningInLenientModeWhenTheContactIsDisclosed() {
    CheckResult lenient = runCheck(ignoresMalformedIp(), Profiles::lenient, MALFORMED_IP);

    assertFailed(lenient);
    assertThat(lenient.severity()).isEqualTo(Severity.WARNING);
    assertThat(lenient.failure().expected()).startsWith("a 4xx status");
    assertThat(lenient.failure().actual()).contains("contact data");
  }

  @Test
  void malformedIpFailsInLenientModeWhenAnsweredWith500() {
    CheckResult lenient = runCheck(answersMalformedIpWith(500), Profiles::lenient, MALFORMED_IP);

    assertFailed(lenient);
    assertThat(lenient.failure().actual()).isEqualTo("status 500");
  }

  // ---- CONTACTS-THROTTLE-BLOCKS --------------------------------------------------------------

  @Test
  void throttleBlocksFailsWhenTheIpParameterIsIgnored() {
    CheckFailure failure = failureOf(stripsIp(), THROTTLE_BLOCKS);

    assertThat(failure.expected())
        .startsWith("status 429 for wrong secret 11 from ip ")
        .contains("it had 10 failed lookups");
    assertThat(failure.actual()).isEqualTo("status 404");
    assertThat(failure.exchange().request().curl()).contains("&ip=");
  }

  @Test
  void throttleBlocksFailsAndNamesTheAttemptWhenTheBlockComesTooEarly() {
    CheckFailure failure = failureOf(blocksAfterFailures(3), THROTTLE_BLOCKS);

    assertThat(failure.expected()).startsWith("status 404 for each of the 10 wrong secrets");
    // wrong secrets 2 to 9 go at once: which of them the block meets first varies
    assertThat(failure.actual())
        .matches(
            "status 429 already at wrong secret [2-9] of 10: only 3 of the 9 wrong secrets sent so"
                + " far were answered 404");
  }

  // ---- CONTACTS-THROTTLE-BLOCKS-VALID-SECRET -------------------------------------------------

  @Test
  void throttleBlocksValidSecretFailsWhenARefusedLookupIsRetriedWithoutIp() {
    Defect retriesWithoutIp =
        (request, upstream) -> {
          Answer answer = upstream.forward(request);
          return request.isContacts() && answer.status() == 429
              ? upstream.forward(request.withQuery(withoutParam(request.rawQuery(), "ip")))
              : answer;
        };

    CheckFailure failure = failureOf(retriesWithoutIp, THROTTLE_VALID_SECRET);

    assertThat(failure.expected())
        .startsWith("status 429 and no contact data for a correct secret from ip ");
    assertThat(failure.actual()).contains("status 200 with contact data");
    assertThat(failure.exchange().request().curl()).contains("secret=" + FIRST_SECRET, "&ip=");
  }

  @Test
  void throttleBlocksValidSecretFailsWhenOnlyWrongSecretsAreRefused() {
    Defect refusesOnlyMisses =
        contacts(
            (request, answer) ->
                answer.status() == 429
                        && request.param("secret").filter(FIRST_SECRET::equals).isPresent()
                    ? Answer.json(
                        200,
                        "{\"Secret\":\""
                            + FIRST_SECRET
                            + "\",\"Email\":\"zoe.mueller@example.de\"}")
                    : answer);

    CheckFailure failure = failureOf(refusesOnlyMisses, THROTTLE_VALID_SECRET);

    assertThat(failure.actual()).contains("status 200 with contact data");
  }

  // ---- CONTACTS-THROTTLE-PER-IP --------------------------------------------------------------

  @Test
  void throttlePerIpFailsWhenAllIpsShareOneCounter() {
    Defect oneCounter =
        (request, upstream) ->
            request.isContacts() && request.param("ip").isPresent()
                ? upstream.forward(
                    request.withQuery(withoutParam(request.rawQuery(), "ip") + "&ip=203.0.113.250"))
                : upstream.forward(request);

    CheckFailure failure = failureOf(oneCounter, THROTTLE_PER_IP);

    assertThat(failure.expected())
        .startsWith("status 200 for a correct secret from ip ")
        .contains("is blocked");
    assertThat(failure.actual()).isEqualTo("status 429 (from 3 fresh ips in a row)");
  }

  // ---- CONTACTS-THROTTLE-RETRY-AFTER ---------------------------------------------------------

  @Test
  void retryAfterFailsWhenTheHeaderIsMissing() {
    CheckFailure failure = failureOf(retryAfter(null), THROTTLE_RETRY_AFTER);

    assertThat(failure.expected())
        .contains("delta-seconds from 1 to 305", "HTTP-date in the future");
    assertThat(failure.actual()).isEqualTo("no Retry-After header");
  }

  @ParameterizedTest(name = "Retry-After: {0} fails")
  @ValueSource(
      strings = {"0", "3600", "soon", "Tue, 01 Jan 2019 00:00:00 GMT", "2031-01-01T00:00:00Z"})
  void retryAfterFailsAndShowsAValueThatIsNoSensibleDelayOrFutureDate(String value) {
    CheckFailure failure = failureOf(retryAfter(value), THROTTLE_RETRY_AFTER);

    assertThat(failure.actual()).startsWith("Retry-After: " + value + " (");
  }

  @Test
  void retryAfterPassesWithAnHttpDateInTheFuture() {
    String inFiveMinutes =
        ThrottleSendsRetryAfter.IMF_FIXDATE.format(Instant.now().plusSeconds(300));

    CheckResult result = runCheck(retryAfter(inFiveMinutes), THROTTLE_RETRY_AFTER);

    assertPassed(result);
  }

  @ParameterizedTest(name = "Retry-After: {0} fails: {1}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          0                             | (0 seconds: the block has not lifted)
          306                           | (longer than the profile's blockSeconds + 5 = 305)
          soon                          | (neither delta-seconds nor an HTTP-date)
          Tue, 01 Jan 2019 00:00:00 GMT | (not in the future: the answer's Date is
          """)
  void retryAfterSaysWhyTheValueIsNoSensibleDelayOrFutureDate(String value, String reason) {
    CheckFailure failure = failureOf(retryAfter(value), THROTTLE_RETRY_AFTER);

    assertThat(failure.actual()).startsWith("Retry-After: " + value + " " + reason);
  }

  @Test
  void retryAfterPassesWithTheLongestSensibleDelay() {
    assertPassed(runCheck(retryAfter("305"), THROTTLE_RETRY_AFTER));
  }

  // ---- CONTACTS-THROTTLE-SUCCESSES-DO-NOT-BLOCK ----------------------------------------------

  @Test
  void successesDoNotBlockFailsWhenEveryLookupCountsTowardsTheBlock() {
    Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    Defect countsEveryLookup =
        (request, upstream) -> {
          if (request.isContacts()
              && request.param("ip").isPresent()
              && lookups
                      .computeIfAbsent(request.param("ip").get(), ip -> new AtomicInteger())
                      .incrementAndGet()
                  > MAX_FAILURES) {
            return Answer.json(429, "{\"message\":\"too many requests\"}")
                .withHeader("Retry-After", "300");
          }
          return upstream.forward(request);
        };

    CheckFailure failure = failureOf(countsEveryLookup, THROTTLE_SUCCESSES);

    assertThat(failure.expected())
        .startsWith("status 200 for each of the 12 lookups of a correct secret from ip ");
    assertThat(failure.actual()).isEqualTo("status 429 at lookup 11 of 12");
  }

  // ---- null versus missing, by mode ------------------------------------------------------------

  @Test
  void omittedNullsFailTheSchemaInStrictModeNamingEachLeftOutProperty() {
    CheckFailure failure = failureOf(KnownDefect.OMITS_NULL_PROPERTIES.defect(), FOUND_SCHEMA);

    assertThat(failure.actual())
        .isEqualTo(
            "1 schema violation(s): / [required] documented property 'LimitMailsTemporarilyUntil' is"
                + " left out (strict: every documented property is present, null when it has no"
                + " value; lenient accepts an omitted null)");
    assertThat(failure.violations()).hasSize(1);
  }

  @Test
  void omittedNullsDifferFromTheRecordsNullsInStrictModeAndEqualThemInLenientMode() {
    CheckFailure failure =
        failureOf(KnownDefect.OMITS_NULL_PROPERTIES.defect(), FOUND_EQUALS_PROFILE);
    assertThat(failure.expected())
        .isEqualTo(
            "/LimitMailsTemporarilyUntil = null (the profile's expected contact for secret "
                + FIRST_SECRET
                + ")");
    assertThat(failure.actual()).isEqualTo("/LimitMailsTemporarilyUntil = (missing)");

    for (String id : List.of(FOUND_SCHEMA, FOUND_EQUALS_PROFILE)) {
      assertPassed(runCheck(KnownDefect.OMITS_NULL_PROPERTIES.defect(), Profiles::lenient, id));
    }
  }

  @Test
  void aLeftOutRequiredPropertyFailsInLenientModeToo() {
    CheckResult result =
        runCheck(foundContact(body -> body.remove("Version")), Profiles::lenient, FOUND_SCHEMA);

    assertFailed(result);
    assertThat(result.failure().actual()).contains("required property 'Version' not found");
  }

  // ---- defects -------------------------------------------------------------------------------

  /** Forwards everything; changes the answers of the Contacts route. */
  private static Defect contacts(BiFunction<Incoming, Answer, Answer> change) {
    return (request, upstream) -> {
      Answer answer = upstream.forward(request);
      return request.isContacts() ? change.apply(request, answer) : answer;
    };
  }

  /** Changes the body of every found contact. */
  private static Defect foundContact(Consumer<ObjectNode> change) {
    return contacts(
        (request, answer) -> {
          if (answer.status() != 200) {
            return answer;
          }
          ObjectNode body = (ObjectNode) answer.jsonBody().orElseThrow();
          change.accept(body);
          return answer.withBody(body);
        });
  }

  private static Defect renamesEmailToLowerCase() {
    return foundContact(body -> body.set("email", body.remove("Email")));
  }

  /** Accepts any ip value: a malformed one is dropped and the lookup goes on. */
  private static Defect ignoresMalformedIp() {
    return (request, upstream) ->
        request.isContacts() && request.param("ip").filter("not-an-ip"::equals).isPresent()
            ? upstream.forward(request.withQuery(withoutParam(request.rawQuery(), "ip")))
            : upstream.forward(request);
  }

  private static Defect answersMalformedIpWith(int status) {
    return contacts(
        (request, answer) ->
            answer.status() == 400 && request.param("ip").isPresent()
                ? Answer.json(status, "{\"message\":\"ip is not valid\"}")
                : answer);
  }

  /** Never throttles: the ip parameter does not reach the implementation. */
  private static Defect stripsIp() {
    return (request, upstream) ->
        request.isContacts()
            ? upstream.forward(request.withQuery(withoutParam(request.rawQuery(), "ip")))
            : upstream.forward(request);
  }

  /** Blocks an ip after {@code failures} failed lookups instead of the promised ten. */
  private static Defect blocksAfterFailures(int failures) {
    Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    return (request, upstream) -> {
      String ip = request.isContacts() ? request.param("ip").orElse(null) : null;
      if (ip == null) {
        return upstream.forward(request);
      }
      // every lookup from the ip is a wrong secret here: count them all, atomically
      AtomicInteger count = failed.computeIfAbsent(ip, k -> new AtomicInteger());
      if (count.getAndIncrement() >= failures) {
        return Answer.json(429, "{\"message\":\"too many requests\"}")
            .withHeader("Retry-After", "300");
      }
      return upstream.forward(request);
    };
  }

  /** Replaces the Retry-After header of every 429 (null: removes it). */
  private static Defect retryAfter(String value) {
    return contacts(
        (request, answer) ->
            answer.status() == 429 ? answer.withHeader("Retry-After", value) : answer);
  }

  private static String withoutParam(String rawQuery, String name) {
    if (rawQuery == null) {
      return "";
    }
    return Arrays.stream(rawQuery.split("&"))
        .filter(pair -> !pair.split("=", 2)[0].equalsIgnoreCase(name))
        .collect(Collectors.joining("&"));
  }

  // ---- profiles and results ------------------------------------------------------------------

  private static Profile withoutExpectedContacts(Profile p) {
    Profile.Contacts c = p.contacts();
    List<Profile.KnownContact> secrets =
        c.secrets().stream().map(k -> new Profile.KnownContact(k.secret(), null)).toList();
    return new Profile(
        p.name(),
        p.mode(),
        p.http(),
        new Profile.Contacts(c.baseUrl(), secrets, c.throttle()),
        p.lms());
  }

  /**
   * Runs one check (strict, example profile) against a fresh implementation with the defect; it
   * must fail.
   */
  private static CheckFailure failureOf(Defect defect, String id) {
    CheckResult result = runCheck(defect, id);
    assertFailed(result);
    assertThat(result.failure().exchange()).as("the exchange that shows the failure").isNotNull();
    return result.failure();
  }
}
