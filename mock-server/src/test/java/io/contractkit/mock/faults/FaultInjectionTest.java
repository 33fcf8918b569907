package io.contractkit.mock.faults;

import static io.contractkit.mock.support.Requests.addAcceptedRule;
import static io.contractkit.mock.support.Requests.answer;
import static io.contractkit.mock.support.Requests.get;
import static io.contractkit.mock.support.Requests.getLater;
import static io.contractkit.mock.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import io.contractkit.mock.support.SchemaAssertions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault rules as a frontend's tests use them, over real HTTP: what a client sees, and that a fault
 * answers before the API (no authToken consumed, no failed lookup counted). Delays pass when the
 * test lets them ({@link RunningMock#delays()}), never by waiting.
 */
class FaultInjectionTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONTACT = "/api/v1/Contacts?secret=" + Fixture.SECRET;
  private static final String IP = "203.0.113.77";

  private static String rule(String json) {
    return addAcceptedRule(mock.port(), json);
  }

  private static RawHttp.Response get(String target) {
    return io.contractkit.mock.support.Requests.get(mock.port(), target);
  }

  private static String release(String accessToken, String authToken) {
    return "/lms/leads/bytoken/contact?accessToken="
        + accessToken
        + "&authToken="
        + authToken
        + "&source=web";
  }

  private static JsonNode rules() {
    return JSON.readTree(get("/__admin/faults").body()).path("rules");
  }

  // --- times, and which rule fires --------------------------------------------------------------

  @Test
  void timesThreeGivesExactlyThreeFaultsAndThenTheRealAnswer() {
    rule("{\"route\":\"contacts\",\"fault\":{\"status\":503},\"times\":3}");

    for (int i = 1; i <= 3; i++) {
      assertThat(get(CONTACT).status()).as("request %d", i).isEqualTo(503);
    }
    RawHttp.Response real = get(CONTACT);

    assertThat(real.status()).isEqualTo(200);
    assertThat(real.body()).contains("\"Secret\":\"" + Fixture.SECRET + "\"");
    assertThat(rules().get(0).path("fired").asInt()).isEqualTo(3);
    assertThat(rules().get(0).path("remaining").asInt()).isZero();
  }

  @Test
  void aRuleWithoutTimesFiresForEveryRequestAndCountsThem() {
    rule("{\"route\":\"contacts\",\"fault\":{\"status\":500}}");

    for (int i = 0; i < 4; i++) {
      assertThat(get(CONTACT).status()).isEqualTo(500);
    }

    assertThat(rules().get(0).path("fired").asInt()).isEqualTo(4);
    assertThat(rules().get(0).path("remaining").isNull()).isTrue();
  }

  @Test
  void theNewestRuleThatAppliesWinsAndAUsedUpRuleStepsAside() {
    rule("{\"route\":\"contacts\",\"fault\":{\"status\":503}}");
    rule("{\"route\":\"*\",\"fault\":{\"status\":502},\"times\":1}");

    assertThat(get(CONTACT).status()).isEqualTo(502);
    assertThat(get(CONTACT).status()).isEqualTo(503);
  }

  @Test
  void aRuleAppliesOnlyToItsRouteAndStarToAllThreeButNeverToTheAdminApi() {
    rule("{\"route\":\"lead-contact\",\"fault\":{\"status\":503}}");

    assertThat(get(CONTACT).status()).isEqualTo(200);
    assertThat(get(release(Fixture.LEAD, "000000")).status()).isEqualTo(503);

    rule("{\"route\":\"*\",\"fault\":{\"status\":502}}");
    assertThat(get(CONTACT).status()).isEqualTo(502);
    assertThat(
            send(
                    mock.port(),
                    "POST",
                    "/lms/leads/bytoken/authtoken?accessToken="
                        + Fixture.LEAD
                        + "&channel=email&source=web",
                    "",
                    "")
                .status())
        .isEqualTo(502);
    assertThat(get("/__admin/health").status()).isEqualTo(200);
    assertThat(get("/__admin/outbox").status()).isEqualTo(200);
  }

  @Test
  void deletingTheRuleOrAResetBringsBackTheRealAnswer() {
    String id = rule("{\"route\":\"contacts\",\"fault\":{\"status\":503}}");
    assertThat(send(mock.port(), "DELETE", "/__admin/faults/" + id, "", null).status())
        .isEqualTo(204);
    assertThat(get(CONTACT).status()).isEqualTo(200);

    rule("{\"route\":\"contacts\",\"fault\":{\"status\":503}}");
    mock.reset();
    assertThat(get(CONTACT).status()).isEqualTo(200);
  }

  // --- a fault answers before the API
  // -------------------------------------------------------------

  @Test
  void aFaultConsumesNoAuthToken() {
    rule("{\"route\":\"lead-contact\",\"fault\":{\"status\":500,\"body\":\"down\"},\"times\":1}");

    assertThat(get(release(Fixture.LEAD, Fixture.LEAD_TOKEN)).status()).isEqualTo(500);
    RawHttp.Response released = get(release(Fixture.LEAD, Fixture.LEAD_TOKEN));

    assertThat(released.status()).isEqualTo(200);
    assertThat(JSON.readTree(released.body()).path("accessToken").path("code").asString())
        .isEqualTo(Fixture.LEAD);
  }

  @Test
  void aFaultCountsNoFailedLookup() {
    // The test throttle blocks an ip after 3 failed lookups; 5 faulted lookups do not count.
    rule("{\"route\":\"contacts\",\"fault\":{\"status\":404},\"times\":5}");
    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/v1/Contacts?secret=wrong-" + i + "&ip=" + IP).status()).isEqualTo(404);
    }

    assertThat(get(CONTACT + "&ip=" + IP).status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(get("/api/v1/Contacts?secret=wrong-" + i + "&ip=" + IP).status()).isEqualTo(404);
    }
    assertThat(get(CONTACT + "&ip=" + IP).status()).as("blocked by real failures").isEqualTo(429);
  }

  @Test
  void aFaultSendsNoAuthTokenToTheOutbox() {
    rule("{\"route\":\"send-authtoken\",\"fault\":{\"status\":503}}");

    RawHttp.Response sent =
        send(
            mock.port(),
            "POST",
            "/lms/leads/bytoken/authtoken?accessToken=" + Fixture.LEAD + "&channel=sms&source=web",
            "",
            "");

    assertThat(sent.status()).isEqualTo(503);
    assertThat(get("/__admin/outbox").body()).isEqualTo("{\"messages\":[]}");
  }

  // --- match ------------------------------------------------------------------------------------

  @Test
  void aSecretMatchesExactlyAndCaseSensitivelyAsTheLookupDoes() {
    rule(
        "{\"route\":\"contacts\",\"match\":{\"secret\":\""
            + Fixture.SECRET
            + "\"},\"fault\":{\"status\":503}}");

    assertThat(get(CONTACT).status()).isEqualTo(503);
    assertThat(get("/api/v1/Contacts?SECRET=" + Fixture.SECRET).status())
        .as("parameter names are case-insensitive")
        .isEqualTo(503);
    assertThat(get("/api/v1/Contacts?secret=" + Fixture.SECRET.toLowerCase()).status())
        .as("values are not")
        .isEqualTo(404);
    assertThat(get("/api/v1/Contacts?secret=" + Fixture.SPARSE_SECRET).status()).isEqualTo(200);
  }

  @Test
  void anIpMatchesAnySpellingOfTheSameAddress() {
    rule("{\"route\":\"contacts\",\"match\":{\"ip\":\"2001:DB8::7\"},\"fault\":{\"status\":503}}");

    assertThat(get(CONTACT + "&ip=2001:db8:0:0:0:0:0:7").status()).isEqualTo(503);
    assertThat(get(CONTACT + "&ip=2001:0db8::0007").status()).isEqualTo(503);
    assertThat(get(CONTACT + "&ip=2001:db8::8").status()).isEqualTo(200);
    assertThat(get(CONTACT).status()).as("no ip").isEqualTo(200);
    assertThat(rules().get(0).path("match").path("ip").asString())
        .isEqualTo("2001:db8:0:0:0:0:0:7");
  }

  @Test
  void anIpv4MappedAddressMatchesItsIpv4Rule() {
    rule("{\"route\":\"contacts\",\"match\":{\"ip\":\"192.0.2.7\"},\"fault\":{\"status\":503}}");

    assertThat(get(CONTACT + "&ip=::ffff:192.0.2.7").status()).isEqualTo(503);
    assertThat(get(CONTACT + "&ip=192.0.2.70").status()).isEqualTo(200);
  }

  @Test
  void anAccessTokenMatchesOnBothLmsRoutesWithAStarRoute() {
    rule(
        "{\"route\":\"*\",\"match\":{\"accessToken\":\""
            + Fixture.OTHER_LEAD
            + "\"},\"fault\":{\"status\":503}}");

    assertThat(get(release(Fixture.OTHER_LEAD, "1")).status()).isEqualTo(503);
    assertThat(
            send(
                    mock.port(),
                    "POST",
                    "/lms/leads/bytoken/authtoken?accessToken="
                        + Fixture.OTHER_LEAD
                        + "&channel=sms&source=web",
                    "",
                    "")
                .status())
        .isEqualTo(503);
    assertThat(get(release(Fixture.LEAD, "1")).status()).isEqualTo(200);
    assertThat(get(CONTACT).status()).as("contacts has no accessToken").isEqualTo(200);
  }

  @Test
  void everyMatchFieldMustAgree() {
    rule(
        "{\"route\":\"contacts\",\"match\":{\"secret\":\""
            + Fixture.SECRET
            + "\",\"ip\":\""
            + IP
            + "\"},\"fault\":{\"status\":503}}");

    assertThat(get(CONTACT + "&ip=" + IP).status()).isEqualTo(503);
    assertThat(get(CONTACT + "&ip=203.0.113.78").status()).isEqualTo(200);
    assertThat(get("/api/v1/Contacts?secret=" + Fixture.SPARSE_SECRET + "&ip=" + IP).status())
        .isEqualTo(200);
  }

  @Test
  void aValueTheApiRefusesMatchesNoRuleAndGetsTheApisOwn400() {
    rule(
        "{\"route\":\"contacts\",\"match\":{\"secret\":\""
            + Fixture.SECRET
            + "\"},\"fault\":{\"status\":503}}");
    rule("{\"route\":\"contacts\",\"match\":{\"ip\":\"" + IP + "\"},\"fault\":{\"status\":503}}");

    assertThat(get(CONTACT + "&secret=" + Fixture.SECRET).status())
        .as("given twice")
        .isEqualTo(400);
    assertThat(get("/api/v1/Contacts?secret=%zz").status()).as("bad encoding").isEqualTo(400);
    assertThat(get("/api/v1/Contacts?secret=x&ip=" + IP + "&ip=" + IP).status()).isEqualTo(400);
    assertThat(get("/api/v1/Contacts?secret=x&ip=not-an-ip").status()).isEqualTo(400);
    assertThat(rules().get(0).path("fired").asInt()).isZero();
    assertThat(rules().get(1).path("fired").asInt()).isZero();
  }

  @Test
  void aRuleWithoutMatchAppliesEvenToARequestTheApiWouldRefuse() {
    rule("{\"route\":\"contacts\",\"fault\":{\"status\":503}}");

    assertThat(get("/api/v1/Contacts").status()).isEqualTo(503);
  }

  // --- the rule's own answer
  // ----------------------------------------------------------------------

  @Test
  void aJsonBodyIsSentAsJsonWithTheNegotiatedTypeAndTheRulesHeaders() {
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"status\":500,"
            + "\"headers\":{\"X-Trace\":\"abc 123\",\"Retry-After\":\"7\"},"
            + "\"body\":{\"Message\":\"An error has occurred.\",\"Codes\":[1,2]}}}");

    RawHttp.Response json = get(CONTACT);
    RawHttp.Response textJson = send(mock.port(), "GET", CONTACT, "Accept: text/json\r\n", null);

    assertThat(json.status()).isEqualTo(500);
    assertThat(json.header("Content-Type")).isEqualTo("application/json;charset=utf-8");
    assertThat(json.header("X-Trace")).isEqualTo("abc 123");
    assertThat(json.header("Retry-After")).isEqualTo("7");
    assertThat(json.header("Cache-Control")).isEqualTo("no-store");
    assertThat(json.body()).isEqualTo("{\"Message\":\"An error has occurred.\",\"Codes\":[1,2]}");
    assertThat(textJson.header("Content-Type")).isEqualTo("text/json;charset=utf-8");
  }

  @Test
  void aStringBodyIsSentAsItIsAsPlainTextUnlessAHeaderSaysOtherwise() {
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"status\":502,\"body\":\"<h1>Bad gateway</h1>\"},"
            + "\"times\":1}");
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"status\":503,\"body\":\"<h1>Down</h1>\","
            + "\"headers\":{\"content-type\":\"text/html\"}},\"times\":1}");

    RawHttp.Response html = get(CONTACT);
    RawHttp.Response text = get(CONTACT);

    assertThat(html.status()).isEqualTo(503);
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body()).isEqualTo("<h1>Down</h1>");
    assertThat(text.status()).isEqualTo(502);
    assertThat(text.header("Content-Type")).isEqualTo("text/plain;charset=utf-8");
    assertThat(text.body()).isEqualTo("<h1>Bad gateway</h1>");
  }

  @Test
  void aBodyWithoutStatusIsA200AndAStatusWithoutBodyHasAnEmptyBody() {
    rule("{\"route\":\"contacts\",\"fault\":{\"body\":[]},\"times\":1}");
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"status\":429,\"headers\":{\"Retry-After\":\"2\"}},"
            + "\"times\":1}");

    RawHttp.Response status = get(CONTACT);
    RawHttp.Response body = get(CONTACT);

    assertThat(status.status()).isEqualTo(429);
    assertThat(status.header("Retry-After")).isEqualTo("2");
    assertThat(status.body()).isEmpty();
    assertThat(body.status()).isEqualTo(200);
    assertThat(body.body()).isEqualTo("[]");
  }

  // --- broken answers ---------------------------------------------------------------------------

  @Test
  void aConnectionResetIsSeenByTheClientAsAReset() {
    rule("{\"route\":\"contacts\",\"fault\":{\"kind\":\"connection-reset\"},\"times\":1}");

    assertThatThrownBy(() -> RawHttp.get(mock.port(), CONTACT))
        .isInstanceOf(SocketException.class)
        .hasMessageContaining("reset");
    assertThat(get("/__admin/journal").body())
        .as("no answer, nothing journaled")
        .doesNotContain("/api/v1/Contacts");
    assertThat(get(CONTACT).status()).isEqualTo(200);
    assertThat(rules().get(0).path("fired").asInt()).isEqualTo(1);
  }

  @Test
  void anEmptyResponseClosesTheConnectionWithoutAByte() throws IOException {
    rule("{\"route\":\"contacts\",\"fault\":{\"kind\":\"empty-response\"},\"times\":1}");

    assertThat(rawAnswer(CONTACT)).isEmpty();
    assertThat(get("/__admin/journal").body()).doesNotContain("/api/v1/Contacts");
    assertThat(get(CONTACT).status()).isEqualTo(200);
  }

  @Test
  void malformedJsonIsA200WithTheJsonTypeAndABodyCutInHalf() {
    rule("{\"route\":\"contacts\",\"fault\":{\"kind\":\"malformed-json\"},\"times\":1}");
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"kind\":\"malformed-json\",\"status\":201,"
            + "\"body\":{\"Id\":1001,\"FirstName\":\"Zoë\"}},\"times\":1}");

    RawHttp.Response given = send(mock.port(), "GET", CONTACT, "Accept: text/json\r\n", null);
    RawHttp.Response standard = get(CONTACT);

    assertThat(given.status()).isEqualTo(201);
    assertThat(given.header("Content-Type")).isEqualTo("text/json;charset=utf-8");
    assertThat(given.body()).isEqualTo("{\"Id\":1001,\"Fi");
    assertThat(standard.status()).isEqualTo(200);
    assertThat(standard.header("Content-Type")).isEqualTo("application/json;charset=utf-8");
    assertThat(FaultInjector.DEFAULT_MALFORMED_BODY).startsWith(standard.body());
    assertThatThrownBy(() -> JSON.readTree(standard.body())).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> JSON.readTree(given.body())).isInstanceOf(JacksonException.class);
  }

  @Test
  void theFirstHalfNeverSplitsACharacter() {
    assertThat(FaultInjector.firstHalf("[\"😀\"]")).isEqualTo("[\"");
    assertThat(FaultInjector.firstHalf("[\"a😀\"]")).isEqualTo("[\"a");
    assertThat(FaultInjector.firstHalf("{}")).isEqualTo("{");
  }

  /** Everything the mock sends for a GET before it closes the connection. */
  private static String rawAnswer(String target) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  // --- delays -----------------------------------------------------------------------------------

  @Test
  void aDelayOnlyRuleDelaysTheRealAnswer() {
    rule("{\"route\":\"contacts\",\"fault\":{\"delay\":\"300ms\"}}");

    CompletableFuture<RawHttp.Response> later = getLater(mock.port(), CONTACT);
    mock.delays().awaitWaiting(1);
    assertThat(later).as("answered before the delay passed").isNotDone();
    assertThat(mock.delays().runNext()).isEqualTo(Duration.ofMillis(300));
    RawHttp.Response answer = answer(later);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("\"Secret\":\"" + Fixture.SECRET + "\"");
    assertThat(get("/__admin/journal?limit=1").body())
        .contains("\"path\":\"/api/v1/Contacts\"")
        .contains("\"status\":200");
  }

  @Test
  void aRangeDelayIsDrawnWithinTheRangeAndAFaultAnswersAfterItsDelay() {
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"status\":504,"
            + "\"delay\":{\"min\":\"100ms\",\"max\":\"2s\"}}}");

    CompletableFuture<RawHttp.Response> later = getLater(mock.port(), CONTACT);
    Duration delay = mock.delays().awaitAndRunNext();

    assertThat(delay).isBetween(Duration.ofMillis(100), Duration.ofSeconds(2));
    assertThat(answer(later).status()).isEqualTo(504);
  }

  @Test
  void aResetDuringADelayDoesNotWaitForItAndTheRealAnswerComesAfterTheReset() {
    rule("{\"route\":\"lead-contact\",\"fault\":{\"delay\":\"10m\"}}");
    CompletableFuture<RawHttp.Response> later =
        getLater(mock.port(), release(Fixture.LEAD, Fixture.LEAD_TOKEN));
    mock.delays().awaitWaiting(1);

    mock.reset(); // would block for ten minutes if the waiting request held the reset lock
    mock.delays().runNext();

    assertThat(answer(later).body()).contains("\"code\":\"" + Fixture.LEAD + "\"");
    assertThat(rules()).isEmpty();
  }

  @Test
  void aConnectionResetCanComeAfterADelay() {
    rule("{\"route\":\"contacts\",\"fault\":{\"kind\":\"connection-reset\",\"delay\":\"5s\"}}");

    CompletableFuture<RawHttp.Response> later = getLater(mock.port(), CONTACT);
    assertThat(mock.delays().awaitAndRunNext()).isEqualTo(Duration.ofSeconds(5));

    assertThatThrownBy(() -> answer(later)).hasRootCauseInstanceOf(SocketException.class);
  }

  @Test
  void aDelayedProblemIsStillAProblem() {
    rule("{\"route\":\"contacts\",\"fault\":{\"delay\":\"1s\"}}");

    CompletableFuture<RawHttp.Response> later = getLater(mock.port(), "/api/v1/Contacts");
    mock.delays().awaitAndRunNext();
    RawHttp.Response answer = answer(later);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    SchemaAssertions.assertValid("Problem.schema.json", answer.body());
  }

  // --- slow body ---------------------------------------------------------------------------------

  @Test
  void aSlowBodySendsTheHeadAtOnceAndTheRealBodyInTenPiecesOverTheDelay() throws IOException {
    byte[] expected = get(CONTACT).body().getBytes(StandardCharsets.UTF_8);
    rule("{\"route\":\"contacts\",\"fault\":{\"kind\":\"slow-body\",\"delay\":\"2s\"}}");

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + CONTACT + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      String head = readHead(in); // arrives before any delay passed
      mock.delays().awaitWaiting(1); // the first piece waits (it is scheduled after the head)
      assertThat(mock.delays().asked()).containsExactly(Duration.ofMillis(200));
      assertThat(head).startsWith("HTTP/1.1 200 ").contains("Content-Length: " + expected.length);

      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int piece = 1; piece <= 10; piece++) {
        mock.delays().awaitAndRunNext();
        int end = expected.length * piece / 10;
        body.write(in.readNBytes(end - body.size()));
      }
      assertThat(in.read()).as("the end of the stream").isEqualTo(-1);
      assertThat(body.toByteArray()).isEqualTo(expected);
      assertThat(mock.delays().asked()).hasSize(10).containsOnly(Duration.ofMillis(200));
    }
  }

  @Test
  void aSlowBodyOfTheRulesOwnAnswerWithFewerBytesThanPiecesSendsOneBytePerPiece() {
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"kind\":\"slow-body\",\"delay\":\"3s\","
            + "\"status\":503,\"body\":\"abc\"}}");

    CompletableFuture<RawHttp.Response> later = getLater(mock.port(), CONTACT);
    for (int piece = 0; piece < 3; piece++) {
      assertThat(mock.delays().awaitAndRunNext()).isEqualTo(Duration.ofSeconds(1));
    }
    RawHttp.Response answer = answer(later);

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).isEqualTo("abc");
    assertThat(mock.delays().waiting()).isZero();
  }

  @Test
  void aSlowBodyOfAProblemTheApiAnswersIsAProblemToo() {
    rule("{\"route\":\"contacts\",\"fault\":{\"kind\":\"slow-body\",\"delay\":\"1s\"}}");

    CompletableFuture<RawHttp.Response> later = getLater(mock.port(), "/api/v1/Contacts");
    for (int piece = 0; piece < 10; piece++) {
      mock.delays().awaitAndRunNext();
    }
    RawHttp.Response answer = answer(later);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    SchemaAssertions.assertValid("Problem.schema.json", answer.body());
  }

  @Test
  void aClientThatLeavesDuringASlowBodyFreesItsPlace() throws IOException {
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"kind\":\"slow-body\",\"delay\":\"1s\","
            + "\"body\":\""
            + "x".repeat(60_000)
            + "\"}}");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
      socket.setSoLinger(true, 0); // the close resets the connection: the next write fails
      socket
          .getOutputStream()
          .write(
              ("GET " + CONTACT + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      readHead(socket.getInputStream());
    }

    long deadline = System.nanoTime() + 10_000_000_000L;
    while (JSON.readTree(get("/__admin/faults").body()).path("delayedNow").asInt() > 0) {
      assertThat(System.nanoTime()).as("the place is freed").isLessThan(deadline);
      if (mock.delays().waiting() > 0) {
        mock.delays().runNext();
      }
    }
    assertThat(mock.delays().asked().size()).as("pieces written").isLessThan(10);
  }

  @Test
  void aSlowBodyWithoutABodyEndsAtOnce() {
    rule(
        "{\"route\":\"contacts\",\"fault\":{\"kind\":\"slow-body\",\"delay\":\"1s\","
            + "\"status\":204}}");

    RawHttp.Response answer = get(CONTACT);

    assertThat(answer.status()).isEqualTo(204);
    assertThat(mock.delays().asked()).isEmpty();
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the stream ended in the head: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
