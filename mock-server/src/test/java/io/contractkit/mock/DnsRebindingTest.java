package io.contractkit.mock;

import static io.contractkit.mock.support.SchemaAssertions.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS rebinding: a page on a name its author controls makes that name resolve to 127.0.0.1, and the
 * browser then lets it read the mock as its own site. Only the {@code Host} header shows the name:
 * on a loopback bind, the mock answers localhost, {@code *.localhost}, loopback addresses and the
 * names given with {@code --allowed-host}, and every other {@code Host} gets 421 problem+json, on
 * every route, before anything happens.
 */
class DnsRebindingTest {
  private static final String OUTBOX = "/__admin/outbox";
  private static final String CONTACT = "/api/v1/Contacts?secret=" + Fixture.SECRET;

  @RegisterExtension static final RunningMock mock = new RunningMock();

  @RegisterExtension
  static final RunningMock withAllowedHosts =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withAllowedHosts(
                  List.of("mock.dev.example.test", ".preview.example.test", "[fd00::7]")));

  @RegisterExtension
  static final RunningMock anyHost =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withAllowedHosts(List.of("*")));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "localhost:8080",
        "LocalHost:8080",
        "localhost.:8080",
        "app.localhost:5173",
        "a.b.localhost",
        "127.0.0.1",
        "127.0.0.1:8080",
        "127.42.0.9:80",
        "[::1]",
        "[::1]:8080",
        "[0:0:0:0:0:0:0:1]:8080",
        "[::ffff:127.0.0.1]:8080"
      })
  void loopbackNamesAndAddressesAreAnswered(String host) throws IOException {
    RawHttp.Response answer = get(mock, OUTBOX, host);

    assertThat(answer.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rebind.evil.example",
        "rebind.evil.example:8080",
        "7f000001.c0a80001.rbndr.us:8080",
        "localhost.evil.example",
        "evillocalhost:8080",
        "127.0.0.1.nip.io:8080",
        "0.0.0.0:8080",
        "192.0.2.10:8080",
        "[2001:db8::1]:8080",
        "[::2]:8080",
        "mock.dev.example.test"
      })
  void anyOtherHostIsA421ProblemOnEveryRoute(String host) throws IOException {
    for (String target : List.of(OUTBOX, "/__admin/health", CONTACT, "/nowhere")) {
      RawHttp.Response answer = get(mock, target, host);

      assertThat(answer.status()).as("%s with Host %s", target, host).isEqualTo(421);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertValid("Problem.schema.json", answer.body());
      assertThat(answer.body())
          .contains("--allowed-host")
          .doesNotContain(host)
          .doesNotContain("Müller");
    }
  }

  @Test
  void aRefusedHostGetsNoCorsHeadersEvenFromAnAllowedOrigin() throws IOException {
    RawHttp.Response answer =
        RawHttp.raw(
            mock.port(),
            "GET "
                + CONTACT
                + " HTTP/1.1\r\nHost: rebind.evil.example:8080\r\n"
                + "Origin: http://rebind.evil.example:8080\r\nConnection: close\r\n");

    assertThat(answer.status()).isEqualTo(421);
    assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aResetWithARebindingHostResetsNothing() throws IOException {
    RawHttp.Response used = get(mock, leadContact(Fixture.LEAD_TOKEN), "localhost");
    assertThat(used.body()).contains("Jürgen Weiß");

    RawHttp.Response reset =
        RawHttp.raw(
            mock.port(),
            "POST /__admin/reset HTTP/1.1\r\nHost: rebind.evil.example:8080\r\n"
                + "Origin: http://rebind.evil.example:8080\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n");

    assertThat(reset.status()).isEqualTo(421);
    assertThat(get(mock, leadContact(Fixture.LEAD_TOKEN), "localhost").body())
        .doesNotContain("Jürgen");
  }

  @Test
  void aRefusedRequestIsInTheJournal() throws IOException {
    get(mock, OUTBOX, "rebind.evil.example");

    assertThat(get(mock, "/__admin/journal?limit=1", "localhost").body())
        .contains("\"path\":\"/__admin/outbox\"")
        .contains("\"status\":421");
  }

  @Test
  void anHttp10RequestWithoutHostIsAnswered() throws IOException {
    // Browsers always send a Host; a request without one cannot come from a rebinding page.
    RawHttp.Response answer = RawHttp.raw(mock.port(), "GET " + OUTBOX + " HTTP/1.0\r\n");

    assertThat(answer.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mock.dev.example.test",
        "MOCK.dev.example.test:8080",
        "mock.dev.example.test.:8080",
        "preview.example.test",
        "pr-17.preview.example.test:443",
        "a.b.preview.example.test",
        "[fd00::7]:8080",
        "[FD00:0::7]",
        "localhost:8080",
        "127.0.0.1:8080"
      })
  void namesGivenWithAllowedHostAreAnsweredBesideLoopback(String host) throws IOException {
    assertThat(get(withAllowedHosts, OUTBOX, host).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev.example.test",
        "other.mock.dev.example.test",
        "mock.dev.example.test.evil.example",
        "xpreview.example.test",
        "preview.example.test.evil.example",
        "[fd00::8]",
        "192.0.2.10"
      })
  void otherNamesAreStillRefusedWhenSomeAreAllowed(String host) throws IOException {
    assertThat(get(withAllowedHosts, OUTBOX, host).status()).isEqualTo(421);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rebind.evil.example:8080", "192.0.2.10", "[2001:db8::1]:80"})
  void aStarAllowsEveryHost(String host) throws IOException {
    assertThat(get(anyHost, OUTBOX, host).status()).isEqualTo(200);
  }

  private static String leadContact(String authToken) {
    return "/lms/leads/bytoken/contact?accessToken="
        + Fixture.LEAD
        + "&authToken="
        + authToken
        + "&source=web";
  }

  private static RawHttp.Response get(RunningMock on, String target, String host)
      throws IOException {
    return RawHttp.raw(
        on.port(), "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
  }
}
