package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contractkit.mock.MockServer;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.FixtureFiles;
import io.contractkit.mock.support.RedisServerExtension;
import io.contractkit.mock.support.Replicas;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Steering three replicas on one Redis, over real HTTP: the clock, the test data put at run time
 * and the fault rules changed through one replica are what every replica serves, a reset through
 * any clears them everywhere, and a replica started later starts from them.
 */
class SharedSteeringTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final int REPLICAS = 3;
  private static final String LEAD_NAME = "Jürgen Weiß";
  private static final String NEW_SECRET = "Run7imeC0ntact5ecretX";
  private static final String NEW_LEAD = "lead-runTime4Xq9Lm2Vb";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Replicas replicas;

  @BeforeAll
  static void startReplicas() {
    replicas = Replicas.start(REPLICAS, REDIS.freshConfig());
  }

  @AfterAll
  static void stopReplicas() {
    replicas.close();
  }

  @BeforeEach
  void reset() throws Exception {
    assertThat(replicas.send(0, "POST", "/__admin/reset", "").statusCode()).isEqualTo(204);
    for (int i = 0; i < REPLICAS; i++) {
      int replica = i;
      propagated().untilAsserted(() -> assertThat(rules(replica)).isEmpty());
      propagated().untilAsserted(() -> assertThat(offsetSeconds(replica)).isZero());
      propagated().untilAsserted(() -> assertThat(lookup(replica, NEW_SECRET)).isEqualTo(404));
    }
  }

  private static JsonNode clock(int replica) throws Exception {
    HttpResponse<String> clock = replicas.send(replica, "GET", "/__admin/clock", "");
    assertThat(clock.statusCode()).isEqualTo(200);
    return JSON.readTree(clock.body());
  }

  private static long offsetSeconds(int replica) throws Exception {
    return clock(replica).path("offsetSeconds").asLong();
  }

  private static JsonNode rules(int replica) throws Exception {
    return JSON.readTree(replicas.send(replica, "GET", "/__admin/faults", "").body()).path("rules");
  }

  private static int lookup(int replica, String secret) throws Exception {
    return replicas
        .send(replica, "GET", "/api/v1/Contacts?secret=" + secret + "&ip=198.51.100.4", "")
        .statusCode();
  }

  private static String release(int replica, String accessToken, String authToken)
      throws Exception {
    return replicas
        .send(
            replica,
            "GET",
            "/lms/leads/bytoken/contact?accessToken="
                + accessToken
                + "&authToken="
                + authToken
                + "&source=web",
            "")
        .body();
  }

  private static ObjectNode contact(String secret) {
    ObjectNode contact = (ObjectNode) FixtureFiles.contact(Fixture.SECRET).deepCopy();
    contact.put("Secret", secret);
    return contact;
  }

  /** A valid lead: the contact of {@link Fixture#LEAD} with {@code accessToken}, one authToken. */
  private static String lead(String accessToken, String authToken) {
    ObjectNode lead = JSON.createObjectNode();
    ObjectNode contact = (ObjectNode) FixtureFiles.leadContact(Fixture.LEAD).deepCopy();
    ((ObjectNode) contact.path("accessToken")).put("code", accessToken);
    lead.set("contact", contact);
    lead.putArray("authTokens").addObject().put("code", authToken).putNull("expiresAt");
    return lead.toString();
  }

  @Test
  void theClockSetOnOneReplicaIsTheClockOfEvery() throws Exception {
    HttpResponse<String> set =
        replicas.send(0, "POST", "/__admin/clock", "{\"set\":\"2150-01-01T09:00:00Z\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(clock(0).path("now").asString()).startsWith("2150-01-01T09:0");

    for (int replica = 1; replica < REPLICAS; replica++) {
      int r = replica;
      propagated()
          .untilAsserted(() -> assertThat(clock(r).path("now").asString()).startsWith("2150-"));
      // the leads' accessTokens have expired on every replica's clock: no disclosure
      assertThat(release(r, Fixture.LEAD, Fixture.LEAD_TOKEN)).doesNotContain(LEAD_NAME);
    }

    replicas.send(1, "POST", "/__admin/clock", "{\"freeze\":true}");
    propagated().untilAsserted(() -> assertThat(clock(2).path("frozen").asBoolean()).isTrue());
    assertThat(clock(0).path("frozen").asBoolean()).isTrue();
  }

  @Test
  void testDataPutOrDeletedThroughOneReplicaIsServedByEvery() throws Exception {
    ObjectNode contact = contact(NEW_SECRET);
    assertThat(
            replicas
                .send(0, "PUT", "/__admin/contacts/" + NEW_SECRET, contact.toString())
                .statusCode())
        .isEqualTo(201);
    assertThat(replicas.send(1, "DELETE", "/__admin/contacts/" + Fixture.SECRET, "").statusCode())
        .isEqualTo(204);
    assertThat(
            replicas
                .send(2, "PUT", "/__admin/leads/" + NEW_LEAD, lead(NEW_LEAD, "555001"))
                .statusCode())
        .isEqualTo(201);

    for (int replica = 0; replica < REPLICAS; replica++) {
      int r = replica;
      propagated().untilAsserted(() -> assertThat(lookup(r, NEW_SECRET)).isEqualTo(200));
      propagated().untilAsserted(() -> assertThat(lookup(r, Fixture.SECRET)).isEqualTo(404));
      propagated()
          .untilAsserted(
              () ->
                  assertThat(replicas.send(r, "GET", "/__admin/leads/" + NEW_LEAD, "").statusCode())
                      .isEqualTo(200));
      assertThat(
              JSON.readTree(
                  replicas.send(r, "GET", "/api/v1/Contacts?secret=" + NEW_SECRET, "").body()))
          .isEqualTo(contact);
    }

    // the lead's seeded token works once, on any replica; a later change elsewhere keeps it used
    assertThat(release(0, NEW_LEAD, "555001")).contains(LEAD_NAME);
    assertThat(
            replicas
                .send(1, "PUT", "/__admin/contacts/" + NEW_SECRET, contact.toString())
                .statusCode())
        .isEqualTo(200);
    for (int replica = 0; replica < REPLICAS; replica++) {
      assertThat(release(replica, NEW_LEAD, "555001")).doesNotContain(LEAD_NAME);
    }

    assertThat(replicas.send(0, "DELETE", "/__admin/contacts/" + NEW_SECRET, "").statusCode())
        .isEqualTo(204);
    for (int replica = 0; replica < REPLICAS; replica++) {
      int r = replica;
      propagated().untilAsserted(() -> assertThat(lookup(r, NEW_SECRET)).isEqualTo(404));
    }
  }

  @Test
  void fixturesReloadedOnAReplicaThatHeardOfALeadPutElsewhereKeepItsUsedTokenUsed()
      throws Exception {
    assertThat(
            replicas
                .send(0, "PUT", "/__admin/leads/" + NEW_LEAD, lead(NEW_LEAD, "555002"))
                .statusCode())
        .isEqualTo(201);
    propagated()
        .untilAsserted(
            () ->
                assertThat(replicas.send(2, "GET", "/__admin/leads/" + NEW_LEAD, "").statusCode())
                    .isEqualTo(200));
    assertThat(release(1, NEW_LEAD, "555002")).contains(LEAD_NAME);

    assertThat(replicas.send(2, "POST", "/__admin/fixtures/reload", "").statusCode())
        .isEqualTo(200);

    for (int replica = 0; replica < REPLICAS; replica++) {
      assertThat(release(replica, NEW_LEAD, "555002")).doesNotContain(LEAD_NAME);
    }
  }

  @Test
  void aRuleWithTimesThreeFiresExactlyThreeTimesOverEveryReplica() throws Exception {
    HttpResponse<String> added =
        replicas.send(
            0,
            "POST",
            "/__admin/faults",
            "{\"route\":\"contacts\",\"fault\":{\"status\":503,\"headers\":{\"X-B\":\"b\",\"X-A\":\"a\"},"
                + "\"body\":{\"m\":1}},\"times\":3}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    for (int replica = 0; replica < REPLICAS; replica++) {
      int r = replica;
      propagated().untilAsserted(() -> assertThat(rules(r)).hasSize(1));
      assertThat(rules(r).get(0).path("fault").toString())
          .isEqualTo(
              "{\"status\":503,\"headers\":{\"X-B\":\"b\",\"X-A\":\"a\"},\"body\":{\"m\":1}}");
    }

    int faulted = 0;
    for (int i = 0; i < 12; i++) {
      int status = lookup(i % REPLICAS, Fixture.SECRET);
      assertThat(status).isIn(200, 503);
      faulted += status == 503 ? 1 : 0;
    }

    assertThat(faulted).isEqualTo(3);
    for (int replica = 0; replica < REPLICAS; replica++) {
      JsonNode rule = rules(replica).get(0);
      assertThat(rule.path("fired").asLong()).isEqualTo(3);
      assertThat(rule.path("remaining").asLong()).isZero();
    }
  }

  @Test
  void aRuleRemovedOnOneReplicaFiresOnNone() throws Exception {
    replicas.send(
        1, "POST", "/__admin/faults", "{\"route\":\"contacts\",\"fault\":{\"status\":503}}");
    String id =
        replicas
            .send(0, "POST", "/__admin/faults", "{\"route\":\"*\",\"fault\":{\"status\":500}}")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    propagated().untilAsserted(() -> assertThat(rules(2)).hasSize(2));

    assertThat(replicas.send(2, "DELETE", id, "").statusCode()).isEqualTo(204);
    assertThat(replicas.send(2, "DELETE", id, "").statusCode()).isEqualTo(404);

    for (int replica = 0; replica < REPLICAS; replica++) {
      int r = replica;
      propagated().untilAsserted(() -> assertThat(rules(r)).hasSize(1));
      assertThat(lookup(r, Fixture.SECRET)).isEqualTo(503);
    }
    assertThat(replicas.send(0, "DELETE", "/__admin/faults", "").statusCode()).isEqualTo(204);
    for (int replica = 0; replica < REPLICAS; replica++) {
      int r = replica;
      propagated().untilAsserted(() -> assertThat(lookup(r, Fixture.SECRET)).isEqualTo(200));
    }
  }

  @Test
  void aResetOnAnyReplicaClearsTheClockTheDataAndTheRulesOfEvery() throws Exception {
    steerEverything(0);
    for (int replica = 0; replica < REPLICAS; replica++) {
      int r = replica;
      propagated().untilAsserted(() -> assertThat(lookup(r, NEW_SECRET)).isEqualTo(200));
      propagated().untilAsserted(() -> assertThat(rules(r)).hasSize(1));
      propagated().untilAsserted(() -> assertThat(offsetSeconds(r)).isPositive());
    }

    assertThat(replicas.send(2, "POST", "/__admin/reset", "").statusCode()).isEqualTo(204);

    for (int replica = 0; replica < REPLICAS; replica++) {
      int r = replica;
      propagated().untilAsserted(() -> assertThat(lookup(r, NEW_SECRET)).isEqualTo(404));
      propagated().untilAsserted(() -> assertThat(rules(r)).isEmpty());
      propagated().untilAsserted(() -> assertThat(offsetSeconds(r)).isZero());
    }
    // the seeded token is fresh again, once
    assertThat(release(1, Fixture.LEAD, Fixture.LEAD_TOKEN)).contains(LEAD_NAME);
    assertThat(release(0, Fixture.LEAD, Fixture.LEAD_TOKEN)).doesNotContain(LEAD_NAME);
  }

  private static void steerEverything(int replica) throws Exception {
    assertThat(
            replicas.send(replica, "POST", "/__admin/clock", "{\"advance\":\"2h\"}").statusCode())
        .isEqualTo(200);
    assertThat(
            replicas
                .send(
                    replica,
                    "PUT",
                    "/__admin/contacts/" + NEW_SECRET,
                    contact(NEW_SECRET).toString())
                .statusCode())
        .isEqualTo(201);
    assertThat(
            replicas
                .send(
                    replica,
                    "POST",
                    "/__admin/faults",
                    "{\"route\":\"lead-contact\",\"fault\":{\"status\":502}}")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void aReplicaStartedLaterStartsFromTheSharedState() throws Exception {
    steerEverything(1);

    MockServer later = replicas.startAnother();
    try {
      assertThat(
              replicas.send(later, "GET", "/api/v1/Contacts?secret=" + NEW_SECRET, "").statusCode())
          .isEqualTo(200);
      assertThat(
              JSON.readTree(replicas.send(later, "GET", "/__admin/faults", "").body())
                  .path("rules"))
          .hasSize(1);
      assertThat(
              JSON.readTree(replicas.send(later, "GET", "/__admin/clock", "").body())
                  .path("offsetSeconds")
                  .asLong())
          .isBetween(7190L, 7210L);
      assertThat(
              replicas
                  .send(later, "GET", "/lms/leads/bytoken/contact?accessToken=" + Fixture.LEAD, "")
                  .statusCode())
          .isEqualTo(502);
    } finally {
      later.close();
    }
  }

  @Test
  void withoutRedisAChangeIsA503AndReadsServeWhatTheReplicaHolds() throws Exception {
    steerEverything(0);
    propagated().untilAsserted(() -> assertThat(lookup(2, NEW_SECRET)).isEqualTo(200));
    REDIS.stop();
    try {
      HttpResponse<String> refused =
          replicas.send(2, "POST", "/__admin/clock", "{\"advance\":\"1h\"}");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("State store unavailable");
      assertThat(
              replicas
                  .send(
                      1, "POST", "/__admin/faults", "{\"route\":\"*\",\"fault\":{\"status\":500}}")
                  .statusCode())
          .isEqualTo(503);
      assertThat(replicas.send(0, "DELETE", "/__admin/contacts/" + NEW_SECRET, "").statusCode())
          .isEqualTo(503);

      assertThat(offsetSeconds(2)).isBetween(7190L, 7210L);
      assertThat(
              JSON.readTree(replicas.send(2, "GET", "/__admin/contacts/" + NEW_SECRET, "").body()))
          .isEqualTo(contact(NEW_SECRET));
    } finally {
      REDIS.start();
    }
    // Redis came back empty (no persistence): every replica reads it again, and serves that
    for (int replica = 0; replica < REPLICAS; replica++) {
      int r = replica;
      propagated()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(offsetSeconds(r)).isZero());
      propagated().untilAsserted(() -> assertThat(rules(r)).isEmpty());
    }
  }

  /**
   * Waits for a change to reach another replica: milliseconds normally, so a short bound (a change
   * that never arrives fails fast).
   */
  private static org.awaitility.core.ConditionFactory propagated() {
    return await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10));
  }
}
