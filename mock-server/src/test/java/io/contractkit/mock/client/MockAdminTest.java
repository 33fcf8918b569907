package io.contractkit.mock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import io.contractkit.mock.MockConfig;
import io.contractkit.mock.admin.JournalEntry;
import io.contractkit.mock.client.MockAdmin.Journal;
import io.contractkit.mock.client.MockAdmin.MintedAuthToken;
import io.contractkit.mock.client.MockAdmin.SentAuthToken;
import io.contractkit.mock.lms.Channel;
import io.contractkit.mock.lms.OutboxMessage;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MockAdmin} against a running mock: what each call sends and what it reads back. */
class MockAdminTest {
  private static final String ADMIN_TOKEN = "admin-client-test-token";

  @RegisterExtension static final RunningMock mock = new RunningMock();

  @RegisterExtension
  static final RunningMock protectedMock =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withAdminToken(ADMIN_TOKEN));

  /** Lead 2, Łucja Wiśniewska: email and phone. */
  private static final String LEAD = Fixture.OTHER_LEAD;

  private MockAdmin admin() {
    return MockAdmin.connect(mock.server().baseUri());
  }

  private Instant now() {
    return mock.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private String release(String accessToken, String authToken) throws IOException {
    return RawHttp.get(
            mock.port(),
            "/lms/leads/bytoken/contact?accessToken="
                + accessToken
                + "&authToken="
                + authToken
                + "&source=web")
        .body();
  }

  // --- health and reset ------------------------------------------------------------------------

  @Test
  void healthNamesTheFixtureCountsAndTheStartTime() {
    MockAdmin.Health health = admin().health();

    assertThat(health.status()).isEqualTo("UP");
    assertThat(health.contacts()).isEqualTo(30);
    assertThat(health.leads()).isEqualTo(12);
    assertThat(health.startedAt()).isNotNull().isBeforeOrEqualTo(mock.clock().instant());
  }

  @Test
  void resetMakesAUsedSeededAuthTokenValidAgain() throws IOException {
    assertThat(release(Fixture.LEAD, Fixture.LEAD_TOKEN)).contains("Jürgen Weiß");
    assertThat(release(Fixture.LEAD, Fixture.LEAD_TOKEN)).doesNotContain("Jürgen Weiß");

    admin().reset();

    assertThat(release(Fixture.LEAD, Fixture.LEAD_TOKEN)).contains("Jürgen Weiß");
  }

  // --- sending and the outbox ------------------------------------------------------------------

  @Test
  void sendAuthTokenAnswersTheReceiptWithTheMaskedRecipientOnly() {
    SentAuthToken sent = admin().sendAuthToken(LEAD, Channel.SMS, "web");

    assertThat(sent.messageId()).isEqualTo("msg-1");
    assertThat(sent.channel()).isEqualTo(Channel.SMS);
    assertThat(sent.recipient()).isEqualTo("***123");
    assertThat(sent.expiresAt()).isEqualTo(now().plus(Duration.ofMinutes(15)));
  }

  @Test
  void aMessageReadBackCarriesTheCodeTheLeadReceivedAndTheCodeWorksOnce() throws IOException {
    OutboxMessage message = admin().sendAuthTokenAndReadMessage(LEAD, Channel.SMS, "app");

    assertThat(message.id()).isEqualTo("msg-1");
    assertThat(message.channel()).isEqualTo(Channel.SMS);
    assertThat(message.recipient()).isEqualTo("+48 22 555 01 23");
    assertThat(message.accessToken()).isEqualTo(LEAD);
    assertThat(message.source()).isEqualTo("app");
    assertThat(message.subject()).isNull();
    assertThat(message.authToken()).matches("\\d{6}");
    assertThat(message.body()).contains(message.authToken());
    assertThat(message.sentAt()).isEqualTo(now());
    assertThat(message.expiresAt()).isEqualTo(now().plus(Duration.ofMinutes(15)));

    assertThat(release(LEAD, message.authToken())).contains("Łucja Wiśniewska");
    assertThat(release(LEAD, message.authToken())).doesNotContain("Łucja Wiśniewska");
  }

  @Test
  void anEmailHasASubjectAndTheEmailAddress() {
    OutboxMessage message = admin().sendAuthTokenAndReadMessage(LEAD, Channel.EMAIL, "web");

    assertThat(message.channel()).isEqualTo(Channel.EMAIL);
    assertThat(message.recipient()).isEqualTo("lucja.wisniewska@example.com");
    assertThat(message.subject()).isNotBlank();
  }

  @Test
  void theOutboxIsFilteredByLeadChannelAndLimitNewestFirst() {
    MockAdmin admin = admin();
    admin.sendAuthToken(Fixture.LEAD, Channel.EMAIL, "web");
    admin.sendAuthToken(Fixture.LEAD, Channel.SMS, "web");
    admin.sendAuthToken(LEAD, Channel.SMS, "web");

    assertThat(admin.outbox())
        .extracting(OutboxMessage::id)
        .containsExactly("msg-3", "msg-2", "msg-1");
    assertThat(admin.outbox(Fixture.LEAD))
        .extracting(OutboxMessage::id)
        .containsExactly("msg-2", "msg-1");
    assertThat(admin.outbox(Fixture.LEAD, Channel.EMAIL, 0))
        .extracting(OutboxMessage::id)
        .containsExactly("msg-1");
    assertThat(admin.outbox(null, Channel.SMS, 1))
        .extracting(OutboxMessage::id)
        .containsExactly("msg-3");
    assertThat(admin.latestMessage(Fixture.LEAD)).map(OutboxMessage::id).contains("msg-2");
    assertThat(admin.latestMessage(Fixture.SECRET)).isEmpty();
  }

  @Test
  void clearOutboxEmptiesIt() {
    MockAdmin admin = admin();
    admin.sendAuthToken(LEAD, Channel.SMS, "web");

    admin.clearOutbox();

    assertThat(admin.outbox()).isEmpty();
  }

  // --- minting ---------------------------------------------------------------------------------

  @Test
  void aMintedTokenHasTheGivenCodeAndLifetimeAndWorksOnce() throws IOException {
    MintedAuthToken minted = admin().mintAuthToken(LEAD, "code-246810", Duration.ofSeconds(90));

    assertThat(minted.accessToken()).isEqualTo(LEAD);
    assertThat(minted.authToken()).isEqualTo("code-246810");
    assertThat(minted.expiresAt()).isEqualTo(now().plusSeconds(90));
    assertThat(release(LEAD, "code-246810")).contains("Łucja Wiśniewska");
    assertThat(release(LEAD, "code-246810")).doesNotContain("Łucja Wiśniewska");
    assertThat(admin().outbox()).isEmpty();
  }

  @Test
  void aTokenMintedWithoutCodeIsSixRandomDigitsForTheTokenLifetime() {
    MintedAuthToken minted = admin().mintAuthToken(LEAD);

    assertThat(minted.authToken()).matches("\\d{6}");
    assertThat(minted.expiresAt()).isEqualTo(now().plus(Duration.ofMinutes(15)));
  }

  // --- journal ---------------------------------------------------------------------------------

  @Test
  void theJournalListsAnsweredRequestsNewestFirstWithTheTotal() throws IOException {
    MockAdmin admin = admin();
    admin.clearJournal();
    RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + Fixture.SECRET + "&ip=203.0.113.7");
    RawHttp.get(mock.port(), "/api/v1/Contacts?secret=unknown&ip=203.0.113.7");

    Journal journal = admin.journal(1);

    // the clearing DELETE and the two lookups; the admin API's own requests are recorded too
    assertThat(journal.total()).isEqualTo(3);
    assertThat(journal.requests()).hasSize(1);
    JournalEntry newest = journal.requests().get(0);
    assertThat(newest.method()).isEqualTo("GET");
    assertThat(newest.path()).isEqualTo("/api/v1/Contacts");
    assertThat(newest.query()).isEqualTo("secret=unknown&ip=203.0.113.7");
    assertThat(newest.status()).isEqualTo(404);
    assertThat(newest.timestamp()).isEqualTo(now());
    assertThat(newest.durationMillis()).isNotNegative();
    // now with the journal request before: a request is recorded once it is answered
    assertThat(admin.journal().requests())
        .extracting(JournalEntry::path, JournalEntry::status)
        .containsExactly(
            tuple("/__admin/journal", 200),
            tuple("/api/v1/Contacts", 404),
            tuple("/api/v1/Contacts", 200),
            tuple("/__admin/journal", 204));
  }

  @Test
  void clearJournalEmptiesItButForTheClearingRequest() throws IOException {
    RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + Fixture.SECRET);

    admin().clearJournal();

    assertThat(admin().journal().requests())
        .extracting(JournalEntry::method, JournalEntry::path)
        .containsExactly(tuple("DELETE", "/__admin/journal"));
  }

  // --- faults ----------------------------------------------------------------------------------

  @Test
  void aFaultAnswersTheNextRequestsThenTheRealAnswersComeBack() throws IOException {
    MockAdmin admin = admin();
    String lookup = "/api/v1/Contacts?secret=" + Fixture.SECRET + "&ip=203.0.113.9";

    MockAdmin.FaultRule rule = admin.addFault("contacts", 503, 2);

    assertThat(rule.id()).isEqualTo("fault-1");
    assertThat(rule.route()).isEqualTo("contacts");
    assertThat(rule.fault()).isEqualTo(java.util.Map.of("status", 503));
    assertThat(rule.times()).isEqualTo(2);
    assertThat(rule.remaining()).isEqualTo(2);
    assertThat(rule.fired()).isZero();
    assertThat(rule.probability()).isNull();
    assertThat(RawHttp.get(mock.port(), lookup).status()).isEqualTo(503);
    assertThat(RawHttp.get(mock.port(), lookup).status()).isEqualTo(503);
    assertThat(RawHttp.get(mock.port(), lookup).status()).isEqualTo(200);
    assertThat(admin.faults().rules())
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.fired()).isEqualTo(2);
              assertThat(stored.remaining()).isZero();
            });
  }

  @Test
  void aRuleWrittenAsTheReadmeWritesItIsStoredWithItsMatchAndBody() throws IOException {
    MockAdmin.FaultRule rule =
        admin()
            .addFault(
                java.util.Map.of(
                    "route",
                    "lead-contact",
                    "match",
                    java.util.Map.of("accessToken", Fixture.LEAD),
                    "fault",
                    java.util.Map.of(
                        "status", 500, "body", java.util.Map.of("Message", "An error")),
                    "probability",
                    1));

    assertThat(rule.match()).isEqualTo(java.util.Map.of("accessToken", Fixture.LEAD));
    assertThat(rule.fault()).containsEntry("body", java.util.Map.of("Message", "An error"));
    assertThat(rule.probability()).isEqualTo(1.0);
    assertThat(rule.times()).isNull();
    assertThat(release(Fixture.LEAD, Fixture.LEAD_TOKEN)).isEqualTo("{\"Message\":\"An error\"}");
  }

  @Test
  void theFaultListShowsTheRulesNewestFirstWithTheLatencySettings() {
    MockAdmin admin = admin();
    admin.addFault("contacts", 503, 1);
    admin.addFault("*", 502, 1);

    MockAdmin.Faults faults = admin.faults();

    assertThat(faults.rules())
        .extracting(MockAdmin.FaultRule::id)
        .containsExactly("fault-2", "fault-1");
    assertThat(faults.latency()).isNull();
    assertThat(faults.maxDelayed()).isEqualTo(MockConfig.DEFAULT_MAX_DELAYED);
    assertThat(faults.delayedNow()).isZero();
  }

  @Test
  void faultsAreRemovedOneByOneOrAllAtOnce() {
    MockAdmin admin = admin();
    MockAdmin.FaultRule first = admin.addFault("contacts", 503, 1);
    admin.addFault("contacts", 500, 1);

    admin.removeFault(first.id());
    assertThat(admin.faults().rules())
        .extracting(MockAdmin.FaultRule::id)
        .containsExactly("fault-2");
    admin.clearFaults();
    assertThat(admin.faults().rules()).isEmpty();
    assertThatThrownBy(() -> admin.removeFault(first.id()))
        .isInstanceOfSatisfying(
            MockAdminException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  // --- errors ----------------------------------------------------------------------------------

  @Test
  void aRefusedRequestIsAnExceptionWithTheStatusAndTheProblem() {
    assertThatThrownBy(() -> admin().mintAuthToken("lead-unknown"))
        .isInstanceOfSatisfying(
            MockAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.title()).isNotBlank();
              assertThat(e.detail()).isNotBlank();
              assertThat(e.getMessage())
                  .isEqualTo(
                      "POST /__admin/authtokens answered 404: " + e.title() + ": " + e.detail());
            });
  }

  @Test
  void aCodeThatIsAlreadyActiveIsAConflict() {
    admin().mintAuthToken(LEAD, "same-code", null);

    assertThatThrownBy(() -> admin().mintAuthToken(LEAD, "same-code", null))
        .isInstanceOfSatisfying(
            MockAdminException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void anAnswerThatIsNotAProblemGivesTheStatusAlone() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "down for maintenance".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      MockAdmin admin = MockAdmin.connect("http://127.0.0.1:" + server.getAddress().getPort());

      assertThatThrownBy(admin::health)
          .isInstanceOfSatisfying(
              MockAdminException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.title()).isNull();
                assertThat(e.detail()).isNull();
                assertThat(e.getMessage()).isEqualTo("GET /__admin/health answered 503");
              });
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aSentMessageMissingFromTheOutboxIsAnException() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          boolean send = exchange.getRequestMethod().equals("POST");
          byte[] body =
              (send
                      ? "{\"messageId\":\"msg-9\",\"channel\":\"sms\",\"recipient\":\"***123\","
                          + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}"
                      : "{\"messages\":[]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(send ? 202 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      MockAdmin admin = MockAdmin.connect("http://127.0.0.1:" + server.getAddress().getPort());

      assertThatThrownBy(() -> admin.sendAuthTokenAndReadMessage(LEAD, Channel.SMS, "web"))
          .isInstanceOf(MockAdminException.class)
          .hasMessage("message msg-9 was sent but is not in the outbox");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aMockThatCannotBeReachedIsStatusZeroNamingTheUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    MockAdmin admin = MockAdmin.connect("http://127.0.0.1:" + closedPort);

    assertThatThrownBy(admin::reset)
        .isInstanceOfSatisfying(
            MockAdminException.class,
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.getMessage())
                  .startsWith(
                      "POST http://127.0.0.1:"
                          + closedPort
                          + "/__admin/reset: the mock cannot be"
                          + " reached");
            });
  }

  @Test
  void aRequestOverItsTimeoutIsAnException() {
    MockAdmin admin = admin().withTimeout(Duration.ofNanos(1));

    assertThatThrownBy(admin::health)
        .isInstanceOfSatisfying(
            MockAdminException.class,
            e -> assertThat(e.getMessage()).contains("cannot be reached").contains("timed out"));
  }

  // --- where the mock is -----------------------------------------------------------------------

  @Test
  void theBaseUrlMayEndWithASlashOrCarryAPath() {
    String base = mock.server().baseUri().toString();

    assertThat(MockAdmin.connect(base + "/").health().status()).isEqualTo("UP");
    assertThat(MockAdmin.connect(base).baseUri().toString()).isEqualTo(base + "/");
    assertThat(MockAdmin.connect(base + "/behind/a/proxy").baseUri().toString())
        .isEqualTo(base + "/behind/a/proxy/");
  }

  @Test
  void aBaseUrlMustBeAbsolute() {
    assertThatThrownBy(() -> MockAdmin.connect("localhost:8080/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> MockAdmin.connect("/__admin"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- admin token -----------------------------------------------------------------------------

  @Test
  void withTheAdminTokenAProtectedMockAnswers() {
    MockAdmin admin =
        MockAdmin.connect(protectedMock.server().baseUri()).withAdminToken(ADMIN_TOKEN);

    admin.sendAuthToken(LEAD, Channel.SMS, "web");

    assertThat(admin.outbox()).hasSize(1);
  }

  @Test
  void withoutTheAdminTokenAProtectedMockRefusesAllButHealth() {
    MockAdmin admin = MockAdmin.connect(protectedMock.server().baseUri());

    assertThat(admin.health().status()).isEqualTo("UP");
    assertThatThrownBy(admin::outbox)
        .isInstanceOfSatisfying(
            MockAdminException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> admin.withAdminToken("wrong").reset())
        .isInstanceOfSatisfying(
            MockAdminException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void theChannelsHaveTheirWireNames() {
    assertThat(List.of(Channel.values()))
        .extracting(Channel::wireName)
        .containsExactly("email", "sms");
  }

  // --- steering: clock, test data, reload, throttle --------------------------------------------

  @Test
  void advanceClockMovesTheMocksTimeAndClockReadsIt() {
    MockAdmin admin = admin();
    Instant before = admin.clock().now();

    MockAdmin.ClockState moved = admin.advanceClock(Duration.ofMinutes(5));

    assertThat(moved.offsetSeconds()).isEqualTo(300.0);
    assertThat(moved.frozen()).isFalse();
    assertThat(moved.now()).isAfterOrEqualTo(before.plusSeconds(300));
    assertThat(admin.clock().offsetSeconds()).isEqualTo(300.0);
  }

  @Test
  void setClockAndFreezeClockAreWhatTheMockReportsThen() {
    MockAdmin admin = admin();
    Instant newYear = Instant.parse("2031-01-01T09:00:00Z");

    admin.setClock(newYear);
    MockAdmin.ClockState frozen = admin.freezeClock(true);

    assertThat(frozen.frozen()).isTrue();
    assertThat(admin.clock().now()).isEqualTo(frozen.now());
    assertThat(frozen.now()).isBetween(newYear, newYear.plusSeconds(60));
    assertThat(admin.freezeClock(false).frozen()).isFalse();
  }

  @Test
  void aMovedClockExpiresAMintedAuthToken() throws IOException {
    MockAdmin admin = admin();
    MintedAuthToken minted = admin.mintAuthToken(LEAD, "246810", Duration.ofMinutes(1));

    admin.advanceClock(Duration.ofMinutes(2));

    assertThat(release(LEAD, minted.authToken())).doesNotContain("Wiśniewska");
  }

  @Test
  void aContactPutThroughTheClientIsFoundAndDeletedAgain() throws IOException {
    MockAdmin admin = admin();
    String secret = "Zz9ClientPutSecret01";
    var contact = new java.util.LinkedHashMap<String, Object>();
    contact.put("Id", 77);
    contact.put("Secret", secret);
    contact.put("RegistrationDateTime", "2026-01-02T03:04:05+01:00");
    contact.put("RegistrationSource", "client-test");
    contact.put("RegistrationIp", "192.0.2.7");
    contact.put("LastModified", "2026-01-02T03:04:05+01:00");
    contact.put("Version", "AAE=");
    contact.put("FirstName", "Put");

    admin.putContact(secret, contact);

    assertThat(RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + secret).body())
        .contains("\"FirstName\":\"Put\"");
    assertThat(admin.contacts())
        .anySatisfy(c -> assertThat(c.path("Secret").asString()).isEqualTo(secret));

    admin.deleteContact(secret);

    assertThat(RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + secret).status())
        .isEqualTo(404);
    assertThatThrownBy(() -> admin.deleteContact(secret))
        .isInstanceOfSatisfying(
            MockAdminException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void anInvalidContactIsA422WhoseMessageNamesTheViolation() {
    assertThatThrownBy(
            () -> admin().putContact("Zz9Invalid", java.util.Map.of("Secret", "Zz9Invalid")))
        .isInstanceOfSatisfying(
            MockAdminException.class, e -> assertThat(e.status()).isEqualTo(422))
        .hasMessageContaining("answered 422")
        .hasMessageContaining("RegistrationDateTime");
  }

  @Test
  void leadsListsTheFixtureLeadsAndALeadPutThroughTheClientReleasesItsSeededToken()
      throws IOException {
    MockAdmin admin = admin();
    assertThat(admin.leads()).hasSize(12);
    var lead = admin.leads().get(0).deepCopy();
    String accessToken = "lead-clientPutLead0001";
    ((tools.jackson.databind.node.ObjectNode) lead.path("contact").path("accessToken"))
        .put("code", accessToken);
    ((tools.jackson.databind.node.ObjectNode) lead)
        .set(
            "authTokens",
            tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree("[{\"code\":\"135790\"}]"));

    admin.putLead(accessToken, lead);

    assertThat(release(accessToken, "135790")).contains(accessToken);
    admin.deleteLead(accessToken);
    assertThat(admin.leads()).hasSize(12);
  }

  @Test
  void reloadFixturesAnswersTheCountsLoaded() {
    MockAdmin.FixturesReloaded reloaded = admin().reloadFixtures();

    assertThat(reloaded.contacts()).isEqualTo(30);
    assertThat(reloaded.leads()).isEqualTo(12);
    assertThat(reloaded.loadedAt()).isNotNull();
  }

  @Test
  void throttleListsABlockedIpAndUnblockLiftsIt() throws IOException {
    MockAdmin admin = admin();
    String ip = "203.0.113.77";
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
      RawHttp.get(mock.port(), "/api/v1/Contacts?secret=wrong-" + i + "&ip=" + ip);
    }

    MockAdmin.Throttle throttle = admin.throttle();

    assertThat(throttle.maxFailures()).isEqualTo(RunningMock.TEST_THROTTLE.maxFailures());
    assertThat(throttle.ips())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.ip()).isEqualTo(ip);
              assertThat(t.blocked()).isTrue();
              assertThat(t.blockedForSeconds()).isEqualTo(300);
            });

    admin.unblock(ip);

    assertThat(admin.throttle().ips()).isEmpty();
    assertThat(
            RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + Fixture.SECRET + "&ip=" + ip)
                .status())
        .isEqualTo(200);
  }
}
