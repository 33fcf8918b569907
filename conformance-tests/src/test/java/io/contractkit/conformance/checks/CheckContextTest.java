package io.contractkit.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.profile.ClockHook;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.StaticAuthTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every check relies on: fresh ips are distinct documentation addresses, and the personal
 * values that reveal a disclosure are the profile's and the target's own records, minus the
 * credentials a caller sends itself.
 */
class CheckContextTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final URI BASE = URI.create("http://127.0.0.1:9");

  private static CheckContext context(Profile profile) {
    return new CheckContext(new Target(BASE, BASE), profile, null, null, null);
  }

  private static Profile profile(Profile.Contacts contacts, Profile.Lms lms) {
    return new Profile("p", Mode.STRICT, null, contacts, lms);
  }

  @Test
  void freshIpsAreEveryDocumentationAddressOnceThenTheRunGivesUp() {
    CheckContext context = context(profile(null, null));
    Set<String> all = new HashSet<>();
    for (String net : List.of("192.0.2.", "198.51.100.", "203.0.113.")) {
      for (int host = 1; host <= 254; host++) {
        all.add(net + host);
      }
    }

    Set<String> handedOut = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      assertThat(handedOut.add(context.freshIp())).as("ip %d is new", i + 1).isTrue();
    }

    assertThat(handedOut).isEqualTo(all);
    assertThatThrownBy(context::freshIp)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ran out of documentation ips");
  }

  @Test
  void randomTokensHaveThePrefixAndLengthAndDiffer() {
    CheckContext context = context(profile(null, null));

    String a = context.randomToken("wrong-", 20);
    String b = context.randomToken("wrong-", 20);

    assertThat(a).matches("wrong-[A-Za-z0-9]{20}");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void knownPersonalValuesAreTheRecordsStringsOfFourOrMoreCharactersWithoutCredentials() {
    JsonNode contact =
        JSON.readTree(
            """
            {"Secret":"s3cr3t-value","Email":"zoe@example.de","FirstName":"Zoë","LastName":"Kühn",
             "Id":1001,"Tags":["newsletter","vip"],"Store":{"Name":"Dresden Altmarkt","accessToken":"kept-here"}}
            """);
    JsonNode lead =
        JSON.readTree(
            """
            {"accessToken":{"code":"lead-7Gk2mQ9xWp4tR8vZ","expiration":"2031-12-31T23:59:59+01:00"},
             "name":"Jürgen Weiß","company":{"name":"Weiß & Söhne","fax":null},"Secret":"lead-secret"}
            """);
    Profile profile =
        profile(
            new Profile.Contacts(
                null,
                List.of(
                    new Profile.KnownContact("s3cr3t-value", contact),
                    new Profile.KnownContact("other", null)),
                null),
            new Profile.Lms(
                null,
                null,
                List.of(new Profile.KnownLead("lead-7Gk2mQ9xWp4tR8vZ", lead)),
                null,
                null,
                null));

    assertThat(context(profile).knownPersonalValues())
        .containsExactlyInAnyOrder(
            "zoe@example.de",
            "Kühn",
            "newsletter",
            "Dresden Altmarkt",
            "kept-here",
            "Jürgen Weiß",
            "Weiß & Söhne",
            "lead-secret");
  }

  @Test
  void aProfileWithoutRecordsKnowsNoPersonalValues() {
    assertThat(context(profile(null, null)).knownPersonalValues()).isEmpty();
  }

  @Test
  void aLeadWithAnExpectedRecordIsNotFetched() {
    JsonNode expected = JSON.readTree("{\"name\":\"From The Profile\"}");
    Profile.KnownLead lead = new Profile.KnownLead("lead-profiled", expected);
    // No probe and no token source: asking the target would fail.
    CheckContext context =
        context(profile(null, new Profile.Lms(null, null, List.of(lead), null, null, null)));

    assertThat(context.releasedContact(lead)).isSameAs(expected);
  }

  @Test
  void theReleasedContactIsFetchedOnceAndOnlyASuccessCounts() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          boolean known = exchange.getRequestURI().getQuery().contains("accessToken=lead-known");
          byte[] body =
              (known
                      ? "{\"accessToken\":{\"code\":\"lead-known\"},\"name\":\"Released Name\"}"
                      : "{\"title\":\"Lead not found anywhere\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(known ? 200 : 404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      Profile.KnownLead knownLead = new Profile.KnownLead("lead-known", null);
      Profile.KnownLead unknownLead = new Profile.KnownLead("lead-unknown", null);
      Profile profile =
          profile(null, new Profile.Lms(null, null, List.of(knownLead), null, null, null));
      CheckContext context =
          new CheckContext(
              new Target(base, base),
              profile,
              new HttpProbe(Duration.ofSeconds(5), Map.of()),
              null,
              new StaticAuthTokens(
                  Map.of("lead-known", List.of("111111"), "lead-unknown", List.of("222222"))));

      assertThat(context.releasedContact(knownLead).get("name").asString())
          .isEqualTo("Released Name");
      assertThat(context.releasedContact(knownLead).get("name").asString())
          .isEqualTo("Released Name");
      assertThat(requests).hasValue(1);
      assertThat(context.releasedContact(unknownLead)).isNull();
      assertThat(context.knownPersonalValues()).containsExactly("Released Name");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void missingProfileDataSkipsWithTheFieldToFill() {
    CheckContext noSections =
        new CheckContext(new Target(null, null), profile(null, null), null, null, null);

    assertThatThrownBy(noSections::contactsBase)
        .isInstanceOf(CheckSkipped.class)
        .hasMessageContaining("Contacts API");
    assertThatThrownBy(noSections::lmsBase)
        .isInstanceOf(CheckSkipped.class)
        .hasMessageContaining("LMS API");
    assertThatThrownBy(noSections::contacts).hasMessageContaining("'contacts' section");
    assertThatThrownBy(noSections::lms).hasMessageContaining("'lms' section");

    CheckContext empty =
        context(
            profile(
                new Profile.Contacts(null, null, null),
                new Profile.Lms(
                    null, null, List.of(new Profile.KnownLead("lead-a", null)), null, null, null)));
    assertThatThrownBy(empty::knownContacts).hasMessageContaining("contacts.secrets");
    assertThatThrownBy(empty::throttle).hasMessageContaining("contacts.throttle");
    assertThat(empty.lead(0).accessToken()).isEqualTo("lead-a");
    assertThatThrownBy(() -> empty.lead(1))
        .isInstanceOf(CheckSkipped.class)
        .hasMessage("the profile lists 1 lead(s) in lms.leads; this check needs 2");
    assertThatThrownBy(empty::expiredLead).hasMessageContaining("lms.expiredLead");
    assertThatThrownBy(() -> empty.freshAuthToken("lead-a")).hasMessageContaining("lms.authTokens");
  }

  // ---- a check's own view, locks and time --------------------------------------------------

  private static Profile threeLeads() {
    return profile(
        null,
        new Profile.Lms(
            null,
            null,
            List.of(
                new Profile.KnownLead("lead-a", null),
                new Profile.KnownLead("lead-b", JSON.readTree("{}")),
                new Profile.KnownLead("lead-c", null)),
            null,
            null,
            null));
  }

  @Test
  void aCheckWithTheSameSeedAndIdDrawsTheSameValuesAndAnotherIdOthers() {
    CheckContext.Settings settings =
        new CheckContext.Settings(Duration.ZERO, SuiteClock.SYSTEM, 42, 1);
    CheckContext run =
        new CheckContext(
            new Target(BASE, BASE), profile(null, null), null, null, null, null, settings);
    CheckContext again =
        new CheckContext(
            new Target(BASE, BASE), profile(null, null), null, null, null, null, settings);

    String a = run.forCheck("CHECK-A", Set.of(), null).randomToken("", 20);
    String sameA = again.forCheck("CHECK-A", Set.of(), null).randomToken("", 20);
    String b = run.forCheck("CHECK-B", Set.of(), null).randomToken("", 20);

    assertThat(a).isEqualTo(sameA).isNotEqualTo(b);
    assertThat(run.settings()).isEqualTo(settings);
  }

  @Test
  void ipsStayDistinctAcrossTheChecksOfOneRun() {
    CheckContext run = context(profile(null, null));
    Set<String> ips = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      ips.add(run.forCheck("C" + (i % 7), Set.of(), null).freshIp());
    }

    assertThat(ips).hasSize(100);
  }

  @Test
  void aCheckTakesFreshAuthTokensOnlyOfTheLeadsItLocked() {
    Profile profile =
        profile(
            null,
            new Profile.Lms(
                null,
                null,
                List.of(
                    new Profile.KnownLead("lead-a", null), new Profile.KnownLead("lead-b", null)),
                null,
                null,
                null));
    CheckContext run =
        new CheckContext(
            new Target(BASE, BASE),
            profile,
            null,
            null,
            new StaticAuthTokens(Map.of("lead-a", List.of("1"), "lead-b", List.of("2"))));

    CheckContext own = run.forCheck("CHECK-A", run.authTokenLocks(0), null);

    assertThat(own.freshAuthToken("lead-a")).isEqualTo("1");
    assertThatThrownBy(() -> own.freshAuthToken("lead-b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "CHECK-A takes a fresh authToken of lead lead-b without declaring"
                + " ResourceLock.authTokensOf(it) in locks()");
    assertThat(run.freshAuthToken("lead-b")).isEqualTo("2");
  }

  @Test
  void lockedLeadsAreThoseTheProfileListsAndSlotsSpreadOverThem() {
    CheckContext three = context(threeLeads());

    assertThat(three.authTokenLocks(0, 2, 3))
        .containsExactlyInAnyOrder(
            ResourceLock.authTokensOf("lead-a"), ResourceLock.authTokensOf("lead-c"));
    assertThat(three.spreadLead(0)).isZero();
    assertThat(three.spreadLead(2)).isEqualTo(2);
    assertThat(three.spreadLead(4)).isEqualTo(1);
    assertThat(context(profile(null, null)).spreadLead(2)).isZero();
    assertThat(context(profile(null, null)).authTokenLocks(0)).isEmpty();
    assertThat(
            context(profile(null, new Profile.Lms(null, null, null, null, null, null)))
                .spreadLead(1))
        .isZero();
  }

  /** A clock that only counts how long the suite waited. */
  private static final class WaitingClock implements SuiteClock {
    final List<Duration> waits = new java.util.ArrayList<>();

    @Override
    public java.time.Instant now() {
      return java.time.Instant.EPOCH.plus(waits.stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }

  @Test
  void withoutAClockHookTimePassesByARealWaitUpToMaxWaitAndOtherwiseTheCheckIsSkipped() {
    WaitingClock clock = new WaitingClock();
    CheckContext context =
        new CheckContext(
            new Target(BASE, BASE),
            profile(null, null),
            null,
            null,
            null,
            null,
            new CheckContext.Settings(Duration.ofSeconds(30), clock, 1, 1));

    context.letTimePass(Duration.ofSeconds(30), "the block to lift");

    assertThat(clock.waits).containsExactly(Duration.ofSeconds(30));
    assertThat(context.now()).isEqualTo(java.time.Instant.EPOCH.plusSeconds(30));
    assertThat(context.canMoveClock()).isFalse();
    assertThat(context.clockLocks()).isEmpty();
    assertThat(context.clockMoved()).isZero();
    assertThat(context.canLetPass(Duration.ofSeconds(30))).isTrue();
    assertThat(context.canLetPass(Duration.ofMillis(30_001))).isFalse();
    assertThatThrownBy(
            () -> context.letTimePass(Duration.ofMillis(30_001), "the 30 s block to lift"))
        .isInstanceOf(CheckSkipped.class)
        .hasMessage(
            "waiting for the 30 s block to lift takes 31 s, more than --max-wait (30 s), and the"
                + " profile gives no way to move the target's clock (clock.advance)");
    assertThat(clock.waits).hasSize(1);
  }

  @Test
  void withAClockHookTimePassesByMovingTheTargetsClockAloneHoweverLong() {
    WaitingClock clock = new WaitingClock();
    ClockHook hook =
        ClockHook.of(
            new Profile.TargetClock(
                new Profile.Hook(null, List.of("sh", "-c", "exit 0", "{seconds}"))),
            null,
            null,
            null);
    CheckContext context =
        new CheckContext(
            new Target(BASE, BASE),
            profile(null, null),
            null,
            null,
            null,
            hook,
            new CheckContext.Settings(Duration.ZERO, clock, 1, 1));

    context.letTimePass(Duration.ofSeconds(301), "the block to lift");
    context.letTimePass(Duration.ofMillis(1500), "more");

    assertThat(clock.waits).isEmpty();
    assertThat(context.clockMoved()).isEqualTo(Duration.ofMillis(302_500));
    assertThat(context.canMoveClock()).isTrue();
    assertThat(context.canLetPass(Duration.ofDays(1))).isTrue();
    assertThat(context.clockLocks())
        .containsExactly(ResourceLock.exclusive(ResourceLock.TARGET_CLOCK));
  }

  @Test
  void aClockHookThatFailsAfterItWorkedFailsTheCheckSayingSo() throws Exception {
    java.nio.file.Path flag = java.nio.file.Files.createTempFile("clock", ".flag");
    ClockHook hook =
        ClockHook.of(
            new Profile.TargetClock(
                new Profile.Hook(
                    null,
                    List.of(
                        "sh",
                        "-c",
                        "if [ -s "
                            + flag
                            + " ]; then echo broken >&2; exit 1; fi; echo x > "
                            + flag))),
            null,
            null,
            null);
    CheckContext context =
        new CheckContext(
            new Target(BASE, BASE),
            profile(null, null),
            null,
            null,
            null,
            hook,
            new CheckContext.Settings(Duration.ZERO, new WaitingClock(), 1, 1));
    try {
      context.letTimePass(Duration.ofSeconds(1), "a first move");

      assertThatThrownBy(() -> context.letTimePass(Duration.ofSeconds(2), "a second move"))
          .isInstanceOf(CheckFailure.class)
          .satisfies(
              f -> {
                CheckFailure failure = (CheckFailure) f;
                assertThat(failure.expected()).isEqualTo("the target's clock moved forward by 2 s");
                assertThat(failure.actual())
                    .startsWith("the clock hook failed: clock.advance.command:")
                    .endsWith("exited 1: broken");
              });
      assertThat(context.clockMoved()).isEqualTo(Duration.ofSeconds(1));
    } finally {
      java.nio.file.Files.deleteIfExists(flag);
    }
  }

  @Test
  void requestsSentTogetherComeBackInTheOrderGivenAndAMissingAnswerSaysWhy() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = exchange.getRequestURI().getQuery().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    java.util.concurrent.ExecutorService parallel =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      CheckContext run =
          new CheckContext(
              new Target(base, base),
              profile(null, null),
              new HttpProbe(Duration.ofSeconds(5), Map.of()),
              null,
              null,
              null,
              new CheckContext.Settings(Duration.ZERO, SuiteClock.SYSTEM, 1, 4));
      List<io.contractkit.conformance.http.ProbeRequest> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        sent.add(io.contractkit.conformance.http.ProbeRequest.get(base, "/x").param("n", "" + i));
      }

      List<CheckContext.Sent> together = run.forCheck("C", Set.of(), parallel).sendAll(sent);
      List<CheckContext.Sent> oneByOne =
          run.forCheck("C", Set.of(), null).sendAll(sent.subList(0, 3));

      assertThat(together)
          .extracting(a -> a.orThrow().text())
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, 20).mapToObj(i -> "n=" + i).toList());
      assertThat(together).allMatch(a -> a.noAnswer() == null);
      assertThat(oneByOne)
          .extracting(a -> a.exchange().text())
          .containsExactly("n=0", "n=1", "n=2");
      assertThat(requests).hasValue(23);

      URI closed = URI.create("http://127.0.0.1:9");
      CheckContext.Sent none =
          run.sendAll(List.of(io.contractkit.conformance.http.ProbeRequest.get(closed, "/")))
              .get(0);
      assertThat(none.exchange()).isNull();
      assertThat(none.noAnswer()).isNotNull();
      assertThatThrownBy(none::orThrow).isSameAs(none.noAnswer());
    } finally {
      parallel.shutdownNow();
      server.stop(0);
    }
  }

  @Test
  void settingsNeedAtLeastOneRequestInFlight() {
    assertThatThrownBy(() -> new CheckContext.Settings(Duration.ZERO, SuiteClock.SYSTEM, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CheckContext.Settings.defaults().maxWait()).hasSeconds(30);
    assertThat(CheckContext.Settings.defaults().requestsInFlight()).isEqualTo(1);
  }
}
