package io.contractkit.conformance.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.fakes.Answer;
import io.contractkit.conformance.fakes.Defect;
import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.fakes.Upstreams;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunOptions;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The exploration checks against simulated implementations: the planted defects that only a
 * sequence shows are found and shrunk to a short sequence printed as curl lines, a seed replays the
 * same sequence, the budget and the number of sequences bound the run, and a correct implementation
 * passes. Runs are bounded by a number of sequences (with a budget long enough to reach it on a
 * busy machine), so that each sends the same requests wherever it runs.
 */
class ExplorationTest {
  private static final Duration BUDGET = Duration.ofSeconds(1);
  private static final Duration LONG_BUDGET = Duration.ofSeconds(20);
  private static final int SEQUENCES = 30;
  private static final String NULL_VALUES =
      "{\"accessToken\":null,\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,"
          + "\"email\":null,\"phone\":null,\"fax\":null,\"notice\":null,\"company\":null}";

  private static CheckResult run(Defect defect, String id, RunOptions options) {
    try (SimulatedImplementation impl = SimulatedImplementation.start(defect)) {
      return impl.run(impl.profile(), options(impl, options), id).result(id).orElseThrow();
    }
  }

  /** The implementation's suite clock with the test's seed and budget. */
  private static RunOptions options(SimulatedImplementation impl, RunOptions options) {
    return impl.options()
        .withSeed(options.seed())
        .withExploreBudget(options.exploreBudget())
        .withExploreSequences(options.exploreSequences());
  }

  private static RunOptions seeded(long seed) {
    return RunOptions.defaults()
        .withSeed(seed)
        .withExploreBudget(LONG_BUDGET)
        .withExploreSequences(SEQUENCES);
  }

  /**
   * For a run that finds a failure: it ends when the shrinking does, and a budget this long keeps a
   * busy machine from cutting the shrinking short.
   */
  private static RunOptions failing(long seed) {
    return seeded(seed).withExploreSequences(200);
  }

  @Test
  void aSuccessThatWipesTheFailuresIsFoundAndShrunkToCurlLines() {
    CheckResult r =
        run(KnownDefect.SUCCESS_RESETS_FAILURES.defect(), ExploreContactsThrottle.ID, failing(7));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.failure().expected())
        .startsWith("status 429 (ip ")
        .endsWith("(the contract's reference model)");
    assertThat(r.failure().actual())
        .startsWith(
            "status 404 at step 12 of this sequence, the shortest found (replay it with --seed 7"
                + " --only EXPLORE-CONTACTS-THROTTLE")
        .contains("this check's own seed is " + Exploration.seed(7, ExploreContactsThrottle.ID))
        .contains("correct secret from ip A: expected status 200")
        .contains("curl -i '");
  }

  @Test
  void aUsedAuthTokenThatWorksAgainIsFoundAndShrunkToCurlLines() {
    CheckResult r =
        run(KnownDefect.USED_AUTH_TOKEN_REVIVED.defect(), ExploreLmsAuthTokens.ID, failing(7));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.failure().expected()).startsWith("no contact data for authToken 1");
    assertThat(r.failure().actual())
        .startsWith("the lead's contact at step 4 of this sequence, the shortest found")
        .contains("--seed 7 --only EXPLORE-LMS-AUTHTOKENS")
        .contains("# 1. authToken 1 (")
        .contains("# 3. authToken 2 (")
        .contains("curl -i '");
  }

  @Test
  void theSameSeedReplaysTheSameShortestSequence() {
    String first = replayable(failing(42));
    String again = replayable(failing(42));

    assertThat(again).isEqualTo(first);
    assertThat(first)
        .contains("--seed 42 ")
        .contains("--explore-sequences 200 and a budget that reaches it")
        .contains("# 4. ");
  }

  /**
   * The failure of a run, without what the target chose: its port and the authTokens it minted (the
   * mock mints random ones).
   */
  private static String replayable(RunOptions options) {
    try (SimulatedImplementation impl =
        SimulatedImplementation.start(KnownDefect.USED_AUTH_TOKEN_REVIVED.defect())) {
      CheckResult r =
          impl.run(impl.profile(), options(impl, options), ExploreLmsAuthTokens.ID)
              .result(ExploreLmsAuthTokens.ID)
              .orElseThrow();
      return (r.failure().expected() + "\n" + r.failure().actual())
          .replace(impl.baseUrl(), "BASE")
          .replaceAll("authToken=[0-9]+", "authToken=N")
          .replaceAll("\\([0-9]+\\) sent", "(N) sent");
    }
  }

  @Test
  void aCorrectImplementationPassesWithinTheBudget() {
    long start = System.nanoTime();
    CheckResult contacts =
        run(
            Defect.NONE,
            ExploreContactsThrottle.ID,
            RunOptions.defaults().withSeed(3).withExploreBudget(BUDGET));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(contacts.status()).isEqualTo(Status.PASSED);
    assertThat(took).isBetween(BUDGET, BUDGET.plusSeconds(3));
    assertThat(run(Defect.NONE, ExploreLmsAuthTokens.ID, seeded(3)).status())
        .isEqualTo(Status.PASSED);
  }

  @Test
  void aNumberOfSequencesBoundsTheRunAndTheSameSeedSendsTheSameRequests() {
    List<String> five = requests(seeded(9).withExploreSequences(5));
    List<String> fiveAgain = requests(seeded(9).withExploreSequences(5));
    List<String> ten = requests(seeded(9).withExploreSequences(10));

    assertThat(fiveAgain).isEqualTo(five);
    assertThat(ten).hasSizeGreaterThan(five.size()).startsWith(five.toArray(String[]::new));
  }

  /** The API requests of a passing throttle exploration, in order, without the target's port. */
  private static List<String> requests(RunOptions options) {
    List<String> sent = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Defect recording =
        (request, upstream) -> {
          if (request.isContacts()) {
            sent.add(request.param("secret").orElse("") + " " + request.param("ip").orElse(""));
          }
          return upstream.forward(request);
        };
    assertThat(run(recording, ExploreContactsThrottle.ID, options).status())
        .isEqualTo(Status.PASSED);
    return List.copyOf(sent);
  }

  @Test
  void aBudgetOfZeroLeavesTheCategoryOutAsSkipWould() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      RunResult result =
          impl.run(
              impl.profile(),
              options(impl, seeded(1).withExploreBudget(Duration.ZERO)),
              ExploreLmsAuthTokens.ID,
              ExploreContactsThrottle.ID,
              "CONTACTS-FOUND-SCHEMA");

      // not run, not reported, not a skip that --fail-on-skipped would count
      assertThat(result.results())
          .extracting(r -> r.info().id())
          .containsExactly("CONTACTS-FOUND-SCHEMA");
      assertThat(result.results()).allMatch(r -> r.status() == Status.PASSED);
    }
  }

  @Test
  void anImplementationThatDropsEarlierAuthTokensOrOnesTriedWithAnotherLeadPasses() {
    Map<String, String> latestOf = new ConcurrentHashMap<>();
    Set<String> triedElsewhere = ConcurrentHashMap.newKeySet();
    Defect choosy =
        (request, upstream) -> {
          Answer answer = upstream.forward(request);
          if (request.lowerPath().equals("/__admin/authtokens")) {
            answer
                .jsonBody()
                .ifPresent(
                    j ->
                        latestOf.put(
                            j.path("accessToken").asString(""), j.path("authToken").asString("")));
            return answer;
          }
          if (!request.isLms()) {
            return answer;
          }
          String lead = request.param("accessToken").orElse("");
          String token = request.param("authToken").orElse("");
          if (!token.equals(latestOf.get(lead)) && latestOf.containsValue(token)) {
            triedElsewhere.add(token);
          }
          boolean dropped = !token.equals(latestOf.get(lead)) || triedElsewhere.contains(token);
          return dropped && answer.isLmsDisclosure() ? Answer.json(200, NULL_VALUES) : answer;
        };

    CheckResult r = run(choosy, ExploreLmsAuthTokens.ID, seeded(11));

    assertThat(r.status()).as("%s", r.failure()).isEqualTo(Status.PASSED);
    assertThat(triedElsewhere).isNotEmpty();
  }

  @Test
  void anotherLeadHoldingTheSameCodeIsNotAFalseAlarm() {
    // codes are issued per lead: make the other lead hold the very code of each fresh authToken
    // the first time it is tried with that lead, as if the target had sent it the same six digits
    Map<String, String> leadOf = new ConcurrentHashMap<>();
    Set<String> collided = ConcurrentHashMap.newKeySet();
    Defect collisions =
        (request, upstream) -> {
          if (request.isLms()) {
            String lead = request.param("accessToken").orElse("");
            String token = request.param("authToken").orElse("");
            String own = leadOf.get(token);
            if (own != null && !own.equals(lead) && collided.add(token)) {
              assertThat(Upstreams.mint(upstream, lead, token).status()).isEqualTo(201);
            }
          }
          Answer answer = upstream.forward(request);
          if (request.lowerPath().equals("/__admin/authtokens")) {
            answer
                .jsonBody()
                .ifPresent(
                    j ->
                        leadOf.put(
                            j.path("authToken").asString(""), j.path("accessToken").asString("")));
          }
          return answer;
        };

    CheckResult r = run(collisions, ExploreLmsAuthTokens.ID, seeded(13));

    assertThat(r.status()).as("%s", r.failure()).isEqualTo(Status.PASSED);
    assertThat(collided).isNotEmpty();
  }

  @Test
  void anIpLeftBlockedByAnEarlierRunIsReplacedByAFreshOne() {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Set<String> blocked = ConcurrentHashMap.newKeySet();
    Defect leftBlocked =
        (request, upstream) -> {
          String ip = request.isContacts() ? request.param("ip").orElse(null) : null;
          if (ip != null && seen.add(ip) && seen.size() % 2 == 1) {
            blocked.add(ip);
          }
          return ip != null && blocked.contains(ip)
              ? Answer.json(429, "{}").withHeader("Retry-After", "300")
              : upstream.forward(request);
        };

    CheckResult r = run(leftBlocked, ExploreContactsThrottle.ID, seeded(5));

    assertThat(r.status()).as("%s", r.failure()).isEqualTo(Status.PASSED);
    assertThat(blocked).isNotEmpty();
  }

  @Test
  void aBlockThatNeverLiftsIsFoundWithTheClockMoveInTheSequence() {
    CheckResult r =
        run(KnownDefect.BLOCK_NEVER_LIFTS.defect(), ExploreContactsThrottle.ID, failing(7));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.failure().actual())
        .contains(
            "the target's clock moved forward by 361 s (profile clock.advance): past the window")
        .contains("(ip A has 0 failure(s) counted), got status 429");
  }

  @Test
  void anAuthTokenSourceThatGivesOutLaterEndsTheExplorationWithWhatItFound() {
    AtomicInteger issued = new AtomicInteger();
    Defect runsDry =
        (request, upstream) ->
            request.lowerPath().equals("/__admin/authtokens") && issued.incrementAndGet() > 6
                ? Answer.json(503, "{\"title\":\"no more\"}")
                : upstream.forward(request);

    CheckResult r = run(runsDry, ExploreLmsAuthTokens.ID, seeded(3));

    assertThat(r.status()).isEqualTo(Status.PASSED);
    assertThat(issued).hasValue(7);
  }

  @Test
  void aUsedCodeIssuedAgainEndsTheSequenceInsteadOfAFalseAlarm() {
    Map<String, String> lastUsedOf = new ConcurrentHashMap<>();
    AtomicInteger sends = new AtomicInteger();
    AtomicInteger reissued = new AtomicInteger();
    Defect reissues =
        (request, upstream) -> {
          String lead = request.param("accessToken").orElse("");
          if (request.lowerPath().equals("/__admin/authtokens")) {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            String mine = body.replaceAll("(?s).*\"accessToken\":\\s*\"([^\"]*)\".*", "$1");
            String used = lastUsedOf.remove(mine);
            if (used == null || sends.incrementAndGet() % 2 == 0) {
              return upstream.forward(request);
            }
            reissued.incrementAndGet();
            return Upstreams.mint(upstream, mine, used);
          }
          Answer answer = upstream.forward(request);
          if (request.isLms() && answer.isLmsDisclosure()) {
            lastUsedOf.put(lead, request.param("authToken").orElse(""));
          }
          return answer;
        };

    CheckResult r = run(reissues, ExploreLmsAuthTokens.ID, seeded(3));

    assertThat(r.status()).as("%s", r.failure()).isEqualTo(Status.PASSED);
    assertThat(reissued.get()).isGreaterThan(1);
  }

  @Test
  void aStaticListOfAuthTokensIsNotUsedUp() {
    try (SimulatedImplementation impl = SimulatedImplementation.start(Defect.NONE)) {
      Profile p = impl.profile();
      Profile.Lms l = p.lms();
      Profile withList =
          new Profile(
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
                  new Profile.AuthTokens(
                      Map.of(l.leads().get(0).accessToken(), List.of("111111")), null, null),
                  l.authTokenLifetimeSeconds()),
              p.clock());

      CheckResult r =
          impl.run(withList, options(impl, seeded(1)), ExploreLmsAuthTokens.ID)
              .result(ExploreLmsAuthTokens.ID)
              .orElseThrow();

      assertThat(r.status()).isEqualTo(Status.SKIPPED);
      assertThat(r.skipReason()).contains("lms.authTokens.staticTokens is a list");
    }
  }
}
