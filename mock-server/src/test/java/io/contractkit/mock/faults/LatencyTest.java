package io.contractkit.mock.faults;

import static io.contractkit.mock.support.Requests.addAcceptedRule;
import static io.contractkit.mock.support.Requests.answer;
import static io.contractkit.mock.support.Requests.getLater;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.Requests;
import io.contractkit.mock.support.RunningMock;
import io.contractkit.mock.support.SchemaAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --latency 100ms..200ms --seed 42 --max-delayed 2}: every answer of the APIs waits for a
 * delay drawn from the seed, the same requests draw the same delays and the same rule firings after
 * a reset, and a third waiting request is refused with 503. The delays are the ones the mock asked
 * its scheduler for; none of them is waited out.
 */
class LatencyTest {
  private static final DelayRange LATENCY = DelayRange.parse("100ms..200ms");

  @RegisterExtension
  static final RunningMock mock =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withLatency(LATENCY)
              .withSeed(42L)
              .withMaxDelayed(2));

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONTACT = "/api/v1/Contacts?secret=" + Fixture.SECRET;

  /** A GET whose delay the test lets pass; the answer. */
  private static RawHttp.Response delayedGet(String target) {
    CompletableFuture<RawHttp.Response> later = getLater(mock.port(), target);
    mock.delays().awaitAndRunNext();
    return answer(later);
  }

  private static JsonNode faults() {
    return JSON.readTree(Requests.get(mock.port(), "/__admin/faults").body());
  }

  private static List<Duration> delaysOfSixRequests() {
    mock.delays().forget();
    for (int i = 0; i < 6; i++) {
      assertThat(delayedGet(CONTACT).status()).isEqualTo(200);
    }
    return mock.delays().asked();
  }

  @Test
  void aSeededRandomLatencyRepeatsAfterAReset() {
    List<Duration> first = delaysOfSixRequests();
    mock.reset();
    List<Duration> second = delaysOfSixRequests();

    assertThat(second).isEqualTo(first);
    assertThat(first).allSatisfy(d -> assertThat(d).isBetween(LATENCY.min(), LATENCY.max()));
    assertThat(first.stream().distinct().count()).as("drawn, not fixed").isGreaterThan(1);
  }

  @Test
  void theListShowsTheLatencyTheSeedAndTheBound() {
    JsonNode faults = faults(); // the admin API is never delayed

    assertThat(faults.path("latency").asString()).isEqualTo("100ms..200ms");
    assertThat(faults.path("seed").asLong()).isEqualTo(42);
    assertThat(faults.path("maxDelayed").asInt()).isEqualTo(2);
    assertThat(mock.delays().asked()).isEmpty();
  }

  @Test
  void aRulesDelayAddsToTheLatency() {
    addAcceptedRule(mock.port(), "{\"route\":\"contacts\",\"fault\":{\"delay\":\"1s\"}}");

    delayedGet(CONTACT);

    assertThat(mock.delays().asked())
        .singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(1100), Duration.ofMillis(1200)));
  }

  @Test
  void aSlowBodyStartsAfterTheLatencyAndSpreadsOnlyTheRulesDelay() {
    addAcceptedRule(
        mock.port(),
        "{\"route\":\"contacts\",\"fault\":{\"kind\":\"slow-body\",\"delay\":\"500ms\","
            + "\"body\":\"0123456789\"}}");

    CompletableFuture<RawHttp.Response> later = getLater(mock.port(), CONTACT);
    for (int step = 0; step <= 10; step++) {
      mock.delays().awaitAndRunNext();
    }

    assertThat(answer(later).body()).isEqualTo("0123456789");
    List<Duration> asked = mock.delays().asked();
    assertThat(asked.get(0)).isBetween(LATENCY.min(), LATENCY.max());
    assertThat(asked.subList(1, 11)).containsOnly(Duration.ofMillis(50));
  }

  @Test
  void aThirdDelayedRequestIsRefusedWith503UntilOneOfTheTwoIsAnswered() {
    CompletableFuture<RawHttp.Response> first = getLater(mock.port(), CONTACT);
    CompletableFuture<RawHttp.Response> second = getLater(mock.port(), CONTACT);
    mock.delays().awaitWaiting(2);

    RawHttp.Response third = Requests.get(mock.port(), CONTACT);
    assertThat(faults().path("delayedNow").asInt()).isEqualTo(2);

    assertThat(third.status()).isEqualTo(503);
    assertThat(third.header("Content-Type")).startsWith("application/problem+json");
    SchemaAssertions.assertValid("Problem.schema.json", third.body());
    assertThat(JSON.readTree(third.body()).path("detail").asString())
        .isEqualTo(
            "The mock already holds 2 delayed requests (--max-delayed); this one was refused"
                + " instead of delayed.");

    mock.delays().runNext(); // the first or the second: whichever asked first
    assertThat(answer(CompletableFuture.anyOf(first, second)).status()).isEqualTo(200);
    assertThat(faults().path("delayedNow").asInt()).isEqualTo(1);
    CompletableFuture<RawHttp.Response> fourth = getLater(mock.port(), CONTACT);
    mock.delays().awaitWaiting(2); // delayed, not refused: there is room again
    mock.delays().runNext();
    mock.delays().runNext();
    assertThat(answer(first).status()).isEqualTo(200);
    assertThat(answer(second).status()).isEqualTo(200);
    assertThat(answer(fourth).status()).isEqualTo(200);
    assertThat(faults().path("delayedNow").asInt()).isZero();
  }

  private static List<Integer> statusesOfSixteenRequests(String rule) {
    addAcceptedRule(mock.port(), rule);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      statuses.add(delayedGet(CONTACT).status());
    }
    return statuses;
  }

  @Test
  void aSeededProbabilityFiresForTheSameRequestsAfterAReset() {
    String rule = "{\"route\":\"contacts\",\"fault\":{\"status\":503},\"probability\":0.5}";
    List<Integer> first = statusesOfSixteenRequests(rule);
    int fired = faults().path("rules").get(0).path("fired").asInt();
    mock.reset();
    List<Integer> second = statusesOfSixteenRequests(rule);

    assertThat(second).isEqualTo(first);
    assertThat(first).contains(200, 503).containsOnly(200, 503);
    assertThat(fired).isEqualTo(first.stream().filter(s -> s == 503).count());
  }

  @Test
  void timesAndProbabilityTogetherFireAtRandomUntilTheTimesAreUsedUp() {
    List<Integer> statuses =
        statusesOfSixteenRequests(
            "{\"route\":\"contacts\",\"fault\":{\"status\":503},\"times\":2,\"probability\":0.3}");

    assertThat(statuses.stream().filter(s -> s == 503).count()).isEqualTo(2);
    assertThat(statuses.subList(0, 2))
        .as("not simply the first two")
        .isNotEqualTo(List.of(503, 503));
    JsonNode rule = faults().path("rules").get(0);
    assertThat(rule.path("fired").asInt()).isEqualTo(2);
    assertThat(rule.path("remaining").asInt()).isZero();
  }

  @Test
  void probabilityZeroNeverFiresAndOneAlwaysDoes() {
    assertThat(
            statusesOfSixteenRequests(
                "{\"route\":\"contacts\",\"fault\":{\"status\":503},\"probability\":0}"))
        .containsOnly(200);
    assertThat(
            statusesOfSixteenRequests(
                "{\"route\":\"contacts\",\"fault\":{\"status\":502},\"probability\":1.0}"))
        .containsOnly(502);
  }
}
