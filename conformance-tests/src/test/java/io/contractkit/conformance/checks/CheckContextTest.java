package io.contractkit.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.contractkit.conformance.http.HttpProbe;
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
}
