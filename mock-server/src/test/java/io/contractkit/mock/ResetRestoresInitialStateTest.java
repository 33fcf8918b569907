package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.FixtureFiles;
import io.contractkit.mock.support.MutableClock;
import io.contractkit.mock.support.RunningMock;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /__admin/reset} restores exactly the initial state: a mock whose every piece of state
 * was used (seeded authTokens, minted and sent authTokens, outbox and its message ids, throttle
 * failures and blocks, a journal that wrapped around) answers every probe after a reset exactly as
 * a freshly started mock does after the same reset -- same bodies, statuses, message ids, journal
 * ids.
 */
@Tag("slow") // left out of mutation analysis: see the "slow" group in the root pom.xml
class ResetRestoresInitialStateTest {
  private static final MockConfig CONFIG =
      MockConfig.defaults()
          .withPort(0)
          .withThrottle(RunningMock.TEST_THROTTLE)
          .withJournalAndOutboxSizes(5, 3);
  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final String BLOCKED_IP = "203.0.113.50";
  private static final String FAILING_IP = "203.0.113.51";
  private static final String MINTED = "555001";
  private static final String ADDED_SECRET = "AddedAtRunTime5ecret";

  private MockServer fresh;
  private MockServer used;

  @BeforeEach
  void startTwoMocksAtTheSameInstant() {
    fresh = MockServer.start(CONFIG, MutableClock.atFixedStart());
    used = MockServer.start(CONFIG, MutableClock.atFixedStart());
  }

  @AfterEach
  void stopThem() {
    fresh.close();
    used.close();
  }

  @Test
  void aResetMockAnswersEveryProbeLikeAFreshlyStartedOne() {
    useEveryPieceOfState(base(used));
    reset(base(used));
    reset(base(fresh));

    List<String> freshAnswers = probe(base(fresh));
    List<String> resetAnswers = probe(base(used));

    assertThat(resetAnswers).containsExactlyElementsOf(freshAnswers);
  }

  @Test
  void theProbesSeeTheStateThatWasUsed() {
    reset(base(fresh));
    List<String> freshAnswers = probe(base(fresh));

    useEveryPieceOfState(base(used));
    List<String> usedAnswers = probe(base(used));

    // Without the reset, the same probes tell the two mocks apart: they can fail.
    assertThat(usedAnswers).hasSameSizeAs(freshAnswers).isNotEqualTo(freshAnswers);
  }

  // --- using state -----------------------------------------------------------------------------

  private static void useEveryPieceOfState(String base) {
    for (JsonNode lead : FixtureFiles.leads()) {
      String accessToken = lead.get("contact").get("accessToken").get("code").asString();
      for (JsonNode token : lead.path("authTokens")) {
        leadContact(base, accessToken, token.get("code").asString());
      }
    }
    given()
        .baseUri(base)
        .contentType("application/json")
        .body("{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"" + MINTED + "\"}")
        .post("/__admin/authtokens")
        .then()
        .statusCode(201);
    for (int i = 0; i < 4; i++) {
      sendToken(base, i % 2 == 0 ? Fixture.LEAD : Fixture.OTHER_LEAD).then().statusCode(202);
    }
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
      lookup(base, "wrong-" + i, BLOCKED_IP);
    }
    lookup(base, Fixture.SECRET, BLOCKED_IP).then().statusCode(429);
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures() - 1; i++) {
      lookup(base, "wrong-" + i, FAILING_IP).then().statusCode(404);
    }
    // test data changed at run time, and the clock moved and stopped
    ObjectNode renamed = (ObjectNode) FixtureFiles.contact(Fixture.SECRET).deepCopy();
    renamed.put("FirstName", "Renamed");
    admin(base, "PUT", "/__admin/contacts/" + Fixture.SECRET, renamed.toString())
        .then()
        .statusCode(200);
    ObjectNode added = (ObjectNode) FixtureFiles.contact(Fixture.SECRET).deepCopy();
    added.put("Secret", ADDED_SECRET);
    admin(base, "PUT", "/__admin/contacts/" + ADDED_SECRET, added.toString())
        .then()
        .statusCode(201);
    admin(base, "DELETE", "/__admin/leads/" + Fixture.OTHER_LEAD, null).then().statusCode(204);
    admin(base, "POST", "/__admin/clock", "{\"advance\":\"1h\"}").then().statusCode(200);
    admin(base, "POST", "/__admin/clock", "{\"freeze\":true}").then().statusCode(200);
  }

  private static Response admin(String base, String method, String path, String body) {
    var request = given().baseUri(base);
    if (body != null) {
      request = request.contentType("application/json").body(body);
    }
    return request.request(method, path);
  }

  // --- probing ---------------------------------------------------------------------------------

  /** A fixed sequence of requests; each answer as status and normalized body. */
  private static List<String> probe(String base) {
    List<String> answers = new ArrayList<>();
    answers.add(answer(given().baseUri(base).get("/__admin/health")));
    answers.add(answer(given().baseUri(base).get("/__admin/outbox")));
    answers.add(answer(given().baseUri(base).get("/__admin/journal")));
    // real time, and the fixtures as loaded
    answers.add(answer(given().baseUri(base).get("/__admin/clock")));
    answers.add(answer(given().baseUri(base).get("/__admin/contacts")));
    answers.add(answer(given().baseUri(base).get("/__admin/leads")));
    answers.add(answer(lookup(base, ADDED_SECRET, "203.0.113.52")));
    // every seeded authToken releases its lead once more; the minted one is gone
    for (JsonNode lead : FixtureFiles.leads()) {
      String accessToken = lead.get("contact").get("accessToken").get("code").asString();
      for (JsonNode token : lead.path("authTokens")) {
        answers.add(answer(leadContact(base, accessToken, token.get("code").asString())));
      }
    }
    answers.add(answer(leadContact(base, Fixture.LEAD, MINTED)));
    // the blocked ip is free; the failing ip has its whole budget again
    answers.add(answer(lookup(base, Fixture.SECRET, BLOCKED_IP)));
    answers.add(answer(lookup(base, "wrong-again", FAILING_IP)));
    answers.add(answer(lookup(base, Fixture.SECRET, FAILING_IP)));
    // message ids start again at msg-1
    answers.add(answer(sendToken(base, Fixture.OTHER_LEAD)));
    answers.add(answer(given().baseUri(base).get("/__admin/outbox")));
    // journal ids start again at 1
    answers.add(answer(given().baseUri(base).get("/__admin/journal?limit=1000")));
    return answers;
  }

  /**
   * Status and body, without what differs between any two runs: random authToken codes and the
   * measured duration of requests.
   */
  private static String answer(Response response) {
    String body = response.asString();
    if (body.startsWith("{")) {
      JsonNode json = FixtureFiles.parse(body);
      json.path("messages")
          .forEach(
              m -> {
                ((ObjectNode) m).put("authToken", "<random>");
                ((ObjectNode) m).put("body", "<has the random authToken>");
              });
      json.path("requests").forEach(r -> ((ObjectNode) r).put("durationMillis", 0));
      body = json.toString();
    }
    return response.statusCode() + " " + body;
  }

  // --- requests --------------------------------------------------------------------------------

  private static Response leadContact(String base, String accessToken, String authToken) {
    return given()
        .baseUri(base)
        .queryParam("accessToken", accessToken)
        .queryParam("authToken", authToken)
        .queryParam("source", "web")
        .get(LEAD_CONTACT);
  }

  private static Response sendToken(String base, String accessToken) {
    return given()
        .baseUri(base)
        .queryParam("accessToken", accessToken)
        .queryParam("channel", "email")
        .queryParam("source", "web")
        .post("/lms/leads/bytoken/authtoken");
  }

  private static Response lookup(String base, String secret, String ip) {
    return given().baseUri(base).queryParam("secret", secret).queryParam("ip", ip).get(CONTACTS);
  }

  private static void reset(String base) {
    given().baseUri(base).post("/__admin/reset").then().statusCode(204);
  }

  private static String base(MockServer server) {
    return server.baseUri().toString();
  }
}
