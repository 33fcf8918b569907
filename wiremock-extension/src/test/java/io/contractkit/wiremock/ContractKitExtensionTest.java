package io.contractkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.contractkit.mock.contacts.ThrottlePolicy;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** WireMock with the extension on port 0, over real HTTP (loopback). */
class ContractKitExtensionTest {
  static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";
  static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";
  static final String LEAD_TOKEN = "731904";
  static final String OTHER_LEAD_TOKEN = "402518";
  static final String EXPIRED_LEAD = "lead-expiredLm5Vt2Kq8W";
  static final String EXPIRED_LEAD_TOKEN = "999001";
  static final String NULL_VALUES =
      "{\"accessToken\":null,\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,"
          + "\"email\":null,\"phone\":null,\"fax\":null,\"notice\":null,\"company\":null}";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ContractKitExtension KIT =
      new ContractKitExtension(
          null,
          new ThrottlePolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(120)),
          Duration.ofMinutes(15),
          Clock.systemUTC());
  private static WireMockServer wireMock;

  @BeforeAll
  static void start() {
    wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(KIT));
    wireMock.start();
  }

  @AfterAll
  static void stop() {
    wireMock.stop();
  }

  @BeforeEach
  void reset() throws Exception {
    assertThat(send("POST", "/__admin/contract-kit/reset", null).statusCode()).isEqualTo(204);
    wireMock.resetMappings();
  }

  @Test
  void aFoundContactIsTheFixtureAsJsonNeverCached() throws Exception {
    HttpResponse<String> found = send("GET", "/api/v1/Contacts?secret=" + SECRET, null);

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(found.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode contact = JSON.readTree(found.body());
    assertThat(contact.path("Id").asInt()).isEqualTo(1001);
    assertThat(contact.path("Secret").asString()).isEqualTo(SECRET);
  }

  @Test
  void textJsonWhenTheClientPrefersIt() throws Exception {
    HttpResponse<String> found =
        HTTP.send(
            request("GET", "/api/v1/Contacts?secret=" + SECRET, null)
                .header("Accept", "text/json")
                .build(),
            BodyHandlers.ofString());

    assertThat(found.headers().firstValue("Content-Type")).hasValue("text/json; charset=utf-8");
  }

  @Test
  void anUnknownSecretIsA404ProblemAtTheRequestedPath() throws Exception {
    HttpResponse<String> notFound = send("GET", "/API/v1/contacts/?secret=nope", null);

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(notFound.body());
    assertThat(problem.path("title").asString()).isEqualTo("Contact not found");
    assertThat(problem.path("instance").asString()).isEqualTo("/API/v1/contacts/");
    assertThat(notFound.body()).doesNotContain("nope");
  }

  @Test
  void aMissingOrMalformedParameterIsA400NamingIt() throws Exception {
    JsonNode missing = JSON.readTree(send("GET", "/api/v1/Contacts", null).body());
    HttpResponse<String> malformed =
        send("GET", "/api/v1/Contacts?secret=" + SECRET + "&ip=999.1.1.1", null);

    assertThat(missing.path("status").asInt()).isEqualTo(400);
    assertThat(missing.path("parameter").asString()).isEqualTo("secret");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).path("parameter").asString()).isEqualTo("ip");
  }

  /**
   * WireMock decodes the query of every request before any extension sees it, and answers one it
   * cannot decode with an HTML 500; the extension's server factory answers it on the kit's routes
   * as the mock does.
   */
  @Test
  void aBadPercentEncodingOnTheKitsRoutesIsA400ProblemAsTheMockAnswersIt() throws Exception {
    for (String target :
        List.of(
            "/api/v1/Contacts?secret=ck%zz",
            "/api/v1/contacts/?secret=ck%",
            release(LEAD, "%zz1"),
            "/lms/leads/bytoken/authtoken?accessToken=" + LEAD + "&channel=sms&source=%")) {
      String method = target.contains("/authtoken?") ? "POST" : "GET";
      String answer = raw(method, target);

      assertThat(answer)
          .as(target)
          .startsWith("HTTP/1.1 400 ")
          .containsIgnoringCase("Content-Type: application/problem+json")
          .containsIgnoringCase("Cache-Control: no-store");
      JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("detail").asString())
          .isEqualTo(
              "The query string is not valid: it has a bad percent-encoding or is not UTF-8.");
      assertThat(problem.path("instance").asString()).isEqualTo(target.split("\\?")[0]);
    }
    assertThat(KIT.outbox()).isEmpty();
  }

  @Test
  void aBadPercentEncodingGetsTheKitsAnswerForTheMethod() throws Exception {
    String put = raw("PUT", "/api/v1/Contacts?secret=ck%zz");
    String options = raw("OPTIONS", "/lms/leads/bytoken/contact?authToken=%");

    assertThat(put).startsWith("HTTP/1.1 405 ").containsIgnoringCase("Allow: GET");
    assertThat(options).startsWith("HTTP/1.1 204 ").containsIgnoringCase("Allow: GET, OPTIONS");
  }

  /** WireMock cannot make a journal entry of a query it cannot decode; every other is there. */
  @Test
  void theRequestsWireMockCanDecodeAreInItsJournal() throws Exception {
    wireMock.resetRequests();

    send("GET", "/api/v1/Contacts?secret=" + SECRET, null);
    raw("GET", "/api/v1/Contacts?secret=ck%zz");

    assertThat(wireMock.getAllServeEvents())
        .singleElement()
        .satisfies(
            served ->
                assertThat(served.getRequest().getUrl())
                    .isEqualTo("/api/v1/Contacts?secret=" + SECRET));
  }

  /** Not the kit's to answer: WireMock's own answer, as without the extension. */
  @Test
  void aBadPercentEncodingElsewhereIsWireMocksOwnAnswer() throws Exception {
    wireMock.stubFor(get(urlPathEqualTo("/api/v1/Other")).willReturn(aResponse().withStatus(418)));

    assertThat(raw("GET", "/api/v1/Other?x=%zz"))
        .startsWith("HTTP/1.1 500 ")
        .contains("URLDecoder");
    assertThat(raw("TRACE", "/api/v1/Contacts?secret=%zz")).startsWith("HTTP/1.1 500 ");
    assertThat(raw("GET", "/api/v1/Other?x=%41")).startsWith("HTTP/1.1 418 ");
  }

  /**
   * A request without a body sent byte for byte (java.net.http refuses a bad percent-encoding): the
   * answer's text.
   */
  private static String raw(String method, String target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", wireMock.port())) {
      socket
          .getOutputStream()
          .write(
              (method
                      + " "
                      + target
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void anIpIsBlockedAfterMaxFailuresWithRetryAfterEvenForAValidSecretUntilTheBlockLifts()
      throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(send("GET", "/api/v1/Contacts?secret=wrong&ip=192.0.2.10", null).statusCode())
          .isEqualTo(404);
    }

    HttpResponse<String> blocked =
        send("GET", "/api/v1/Contacts?secret=" + SECRET + "&ip=192.0.2.10", null);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).hasValue("120");
    assertThat(blocked.body()).doesNotContain(SECRET);
    assertThat(
            send("GET", "/api/v1/Contacts?secret=" + SECRET + "&ip=192.0.2.11", null).statusCode())
        .as("another ip")
        .isEqualTo(200);

    HttpResponse<String> advanced =
        send("POST", "/__admin/contract-kit/clock", "{\"advance\": \"120s\"}");
    assertThat(advanced.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(advanced.body()).path("offsetSeconds").asLong()).isEqualTo(120);
    assertThat(
            send("GET", "/api/v1/Contacts?secret=" + SECRET + "&ip=192.0.2.10", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aSeededAuthTokenReleasesTheLeadOnceThenEveryFailureIsAllNull() throws Exception {
    HttpResponse<String> first = send("GET", release(LEAD, LEAD_TOKEN), null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).path("accessToken").path("code").asString())
        .isEqualTo(LEAD);
    assertThat(send("GET", release(LEAD, LEAD_TOKEN), null).body()).isEqualTo(NULL_VALUES);
    assertThat(send("GET", release(LEAD, OTHER_LEAD_TOKEN), null).body()).isEqualTo(NULL_VALUES);
    assertThat(send("GET", release(EXPIRED_LEAD, EXPIRED_LEAD_TOKEN), null).body())
        .isEqualTo(NULL_VALUES);
    assertThat(
            JSON.readTree(
                    send("GET", "/lms/leads/bytoken/contact?accessToken=" + LEAD, null).body())
                .path("parameter")
                .asString())
        .isEqualTo("authToken");
  }

  @Test
  void aMintedAuthTokenIsConsumedExactlyOnceUnderARace() throws Exception {
    HttpResponse<String> minted =
        send("POST", "/__admin/contract-kit/authtokens", "{\"accessToken\": \"" + LEAD + "\"}");
    assertThat(minted.statusCode()).isEqualTo(201);
    String authToken = JSON.readTree(minted.body()).path("authToken").asString();
    assertThat(authToken).matches("[0-9]{6}");

    int racers = 16;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> bodies = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      for (int i = 0; i < racers; i++) {
        Callable<String> release =
            () -> {
              go.await();
              return send("GET", release(LEAD, authToken), null).body();
            };
        bodies.add(pool.submit(release));
      }
      go.countDown();
      int released = 0;
      for (Future<String> body : bodies) {
        released += body.get().equals(NULL_VALUES) ? 0 : 1;
      }
      assertThat(released).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSendTokenRouteDeliversToTheOutboxAndAnswersTheMaskedRecipient() throws Exception {
    HttpResponse<String> sent =
        send(
            "POST",
            "/lms/leads/bytoken/authtoken?accessToken=" + LEAD + "&channel=sms&source=app",
            null);

    assertThat(sent.statusCode()).isEqualTo(202);
    JsonNode answer = JSON.readTree(sent.body());
    assertThat(answer.path("channel").asString()).isEqualTo("sms");
    assertThat(answer.path("recipient").asString()).isEqualTo("***890");
    JsonNode messages =
        JSON.readTree(send("GET", "/__admin/contract-kit/outbox", null).body()).path("messages");
    assertThat(messages.size()).isEqualTo(1);
    JsonNode message = messages.get(0);
    assertThat(message.path("id").asString()).isEqualTo(answer.path("messageId").asString());
    assertThat(message.path("recipient").asString()).isEqualTo("+49 351 4567890");
    assertThat(KIT.outbox()).hasSize(1);
    String code = message.path("authToken").asString();
    assertThat(
            send(
                    "GET",
                    "/lms/leads/bytoken/contact?source=app&accessToken="
                        + LEAD
                        + "&authToken="
                        + code,
                    null)
                .body())
        .contains("Jürgen");

    assertThat(send("DELETE", "/__admin/contract-kit/outbox", null).statusCode()).isEqualTo(204);
    assertThat(KIT.outbox()).isEmpty();
  }

  @Test
  void theSendTokenRouteRefusesAnUnknownChannelOrLead() throws Exception {
    HttpResponse<String> channel =
        send(
            "POST",
            "/lms/leads/bytoken/authtoken?accessToken=" + LEAD + "&channel=fax&source=app",
            null);
    HttpResponse<String> lead =
        send(
            "POST", "/lms/leads/bytoken/authtoken?accessToken=nobody&channel=sms&source=app", null);

    assertThat(channel.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(channel.body()).path("parameter").asString()).isEqualTo("channel");
    assertThat(lead.statusCode()).isEqualTo(404);
    assertThat(KIT.outbox()).isEmpty();
  }

  @Test
  void otherMethodsAre405WithAllowAndOptionsIs204() throws Exception {
    HttpResponse<String> put = send("PUT", "/api/v1/Contacts?secret=" + SECRET, "{}");
    HttpResponse<String> get = send("GET", "/lms/leads/bytoken/authtoken", null);
    HttpResponse<String> options = send("OPTIONS", "/lms/leads/bytoken/contact", null);

    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("GET");
    assertThat(JSON.readTree(put.body()).path("status").asInt()).isEqualTo(405);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.headers().firstValue("Allow")).hasValue("GET, OPTIONS");
  }

  @Test
  void everyOtherRequestGoesOnToWireMocksStubs() throws Exception {
    wireMock.stubFor(get(urlPathEqualTo("/api/v1/Other")).willReturn(aResponse().withStatus(418)));

    assertThat(send("GET", "/api/v1/Other", null).statusCode()).isEqualTo(418);
    assertThat(send("TRACE", "/api/v1/Contacts", null).statusCode()).isNotEqualTo(405);
    assertThat(send("GET", "/api/v1/Contacts/more?secret=" + SECRET, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void theResetForgetsBlocksTheOutboxAndConsumedTokens() throws Exception {
    for (int i = 0; i < 3; i++) {
      send("GET", "/api/v1/Contacts?secret=wrong&ip=198.51.100.20", null);
    }
    KIT.mintAuthToken(LEAD);
    send(
        "POST",
        "/lms/leads/bytoken/authtoken?accessToken=" + LEAD + "&channel=email&source=a",
        null);
    String release = release(LEAD, LEAD_TOKEN);
    send("GET", release, null);
    KIT.advanceClock(Duration.ofSeconds(30));

    KIT.reset();

    assertThat(send("GET", "/api/v1/Contacts?secret=wrong&ip=198.51.100.20", null).statusCode())
        .isEqualTo(404);
    assertThat(KIT.outbox()).isEmpty();
    assertThat(send("GET", release, null).body()).contains("Jürgen");
  }

  @Test
  void anAuthTokenMintedThroughTheJavaApiReleasesTheLeadOnce() throws Exception {
    String authToken = KIT.mintAuthToken(LEAD);
    String release = release(LEAD, authToken);

    assertThat(authToken).matches("[0-9]{6}");
    assertThat(send("GET", release, null).body()).contains("Jürgen");
    assertThat(send("GET", release, null).body()).isEqualTo(NULL_VALUES);
  }

  /**
   * Every admin route over HTTP, on a server whose extension WireMock builds from the class name
   * (as wiremock-standalone's {@code --extensions} does), so that the routes are registered within
   * the test that uses them.
   */
  @Test
  void everyAdminRouteAnswersOnAServerThatLoadedTheExtensionByName() throws Exception {
    WireMockServer byName =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .extensions(ContractKitExtension.class.getName()));
    byName.start();
    try {
      String base = byName.baseUrl();
      HttpResponse<String> minted =
          sendTo(
              base,
              "POST",
              "/__admin/contract-kit/authtokens",
              "{\"accessToken\": \"" + LEAD + "\"}");
      assertThat(minted.statusCode()).isEqualTo(201);
      String authToken = JSON.readTree(minted.body()).path("authToken").asString();
      assertThat(sendTo(base, "GET", release(LEAD, authToken), null).body()).contains("Jürgen");

      String sendToken = "/lms/leads/bytoken/authtoken?accessToken=" + LEAD + "&channel=email";
      assertThat(sendTo(base, "POST", sendToken + "&source=a", null).statusCode()).isEqualTo(202);
      assertThat(outboxSize(base)).isEqualTo(1);
      assertThat(sendTo(base, "DELETE", "/__admin/contract-kit/outbox", null).statusCode())
          .isEqualTo(204);
      assertThat(outboxSize(base)).isZero();

      HttpResponse<String> clock =
          sendTo(base, "POST", "/__admin/contract-kit/clock", "{\"advance\": \"PT1M\"}");
      assertThat(clock.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(clock.body()).path("offsetSeconds").asLong()).isEqualTo(60);

      assertThat(sendTo(base, "POST", sendToken + "&source=b", null).statusCode()).isEqualTo(202);
      assertThat(sendTo(base, "POST", "/__admin/contract-kit/reset", null).statusCode())
          .isEqualTo(204);
      assertThat(outboxSize(base)).isZero();
    } finally {
      byName.stop();
    }
  }

  @Test
  void adminRequestsWithABadBodyAre400Problems() throws Exception {
    HttpResponse<String> notJson = send("POST", "/__admin/contract-kit/authtokens", "nope");
    HttpResponse<String> noToken = send("POST", "/__admin/contract-kit/authtokens", "{}");
    HttpResponse<String> unknown =
        send("POST", "/__admin/contract-kit/authtokens", "{\"accessToken\": \"nobody\"}");
    HttpResponse<String> badDuration =
        send("POST", "/__admin/contract-kit/clock", "{\"advance\": \"soon\"}");
    HttpResponse<String> tooFar =
        send("POST", "/__admin/contract-kit/clock", "{\"advance\": \"P100000D\"}");
    HttpResponse<String> array = send("POST", "/__admin/contract-kit/clock", "[]");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(noToken.body()).path("detail").asString()).contains("accessToken");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("instance").asString())
        .isEqualTo("/__admin/contract-kit/authtokens");
    assertThat(badDuration.statusCode()).isEqualTo(400);
    assertThat(tooFar.statusCode()).isEqualTo(400);
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(
            JSON.readTree(
                    send("POST", "/__admin/contract-kit/clock", "{\"advance\": \"PT1M\"}").body())
                .path("offsetSeconds")
                .asLong())
        .isEqualTo(60);
  }

  @Test
  void fixturesComeFromAFolderWhenGiven(@TempDir Path folder) throws Exception {
    String renamed = "Zz3vT7kLp2XwZ9rBn4Y8";
    Files.copy(Path.of("../fixtures/leads.json"), folder.resolve("leads.json"));
    Files.writeString(
        folder.resolve("contacts.json"),
        Files.readString(Path.of("../fixtures/contacts.json")).replace(SECRET, renamed));
    System.setProperty(ContractKitExtension.FIXTURES_PROPERTY, folder.toString());
    WireMockServer fromFolder;
    try {
      fromFolder =
          new WireMockServer(
              options()
                  .bindAddress("127.0.0.1")
                  .dynamicPort()
                  .extensions(ContractKitExtension.class.getName()));
    } finally {
      System.clearProperty(ContractKitExtension.FIXTURES_PROPERTY);
    }
    fromFolder.start();
    try {
      for (String secret : List.of(renamed, SECRET)) {
        HttpResponse<String> answer =
            sendTo(fromFolder.baseUrl(), "GET", "/api/v1/Contacts?secret=" + secret, null);
        assertThat(answer.statusCode()).isEqualTo(secret.equals(renamed) ? 200 : 404);
      }
    } finally {
      fromFolder.stop();
    }
    assertThat(new ContractKitExtension().getName()).isEqualTo("contract-kit");
  }

  /** The lead-contact route for a lead and an authToken (source=web). */
  static String release(String accessToken, String authToken) {
    return "/lms/leads/bytoken/contact?source=web&accessToken="
        + accessToken
        + "&authToken="
        + authToken;
  }

  /** How many messages the outbox of the server at {@code base} holds (its GET answers 200). */
  private static int outboxSize(String base) throws IOException, InterruptedException {
    HttpResponse<String> outbox = sendTo(base, "GET", "/__admin/contract-kit/outbox", null);
    assertThat(outbox.statusCode()).isEqualTo(200);
    return JSON.readTree(outbox.body()).path("messages").size();
  }

  static HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return sendTo(wireMock.baseUrl(), method, path, body);
  }

  private static HttpResponse<String> sendTo(String base, String method, String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(request(base, method, path, body).build(), BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String method, String path, String body) {
    return request(wireMock.baseUrl(), method, path, body);
  }

  private static HttpRequest.Builder request(String base, String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
  }
}
