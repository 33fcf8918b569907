package io.contractkit.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.contractkit.conformance.http.HttpProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls a profile describes -- authToken sources and the clock hook -- fill their placeholders,
 * and say which profile field, which request and what answer when they fail; the profile's clock
 * hook and authToken lifetime are checked when it is read.
 */
class HooksTest {
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer server;
  private String base;
  private final HttpProbe http = new HttpProbe(Duration.ofSeconds(5), Map.of("X-Key", "k1"));

  @BeforeEach
  void startATargetThatRecordsEveryCall() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Key")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body =
              exchange.getRequestURI().getPath().equals("/empty")
                  ? new byte[0]
                  : "{\"now\":\"then\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static Profile.TargetClock httpClock(String url, String body) {
    return new Profile.TargetClock(
        new Profile.Hook(
            new Profile.HttpSource(
                "POST", url, Map.of("Content-Type", "application/json"), body, null),
            null));
  }

  @Test
  void theClockHookSendsTheSecondsRoundedUpAndTheBaseUrlsInItsCall() {
    ClockHook hook =
        ClockHook.of(
            httpClock(
                "{baseUrl}/__admin/clock?m={millis}",
                "{\"advance\":\"{seconds}s\",\"c\":\"{contactsBaseUrl}\",\"l\":\"{lmsBaseUrl}\"}"),
            base,
            base + "/lms",
            http);

    hook.advance(Duration.ofMillis(90_001));

    assertThat(received)
        .containsExactly(
            "POST /__admin/clock?m=90001 k1 {\"advance\":\"91s\",\"c\":\""
                + base
                + "\",\"l\":\""
                + base
                + "/lms\"}");
  }

  @Test
  void baseUrlIsTheLmsOneWhenThereIsNoContactsApi() {
    ClockHook.of(httpClock("{baseUrl}/clock", "{seconds}"), null, base, http)
        .advance(Duration.ofSeconds(5));

    assertThat(received).containsExactly("POST /clock k1 5");
  }

  @Test
  void aClockHookThatFailsWhenFirstUsedIsAProfileErrorAndLaterAFailedHook() {
    ClockHook hook = ClockHook.of(httpClock(base + "/clock", "{}"), base, base, http);
    status.set(404);

    assertThatThrownBy(() -> hook.advance(Duration.ofSeconds(300)))
        .isInstanceOf(ProfileException.class)
        .hasMessage(
            "the profile's clock hook failed when the suite first used it (to move the target's"
                + " clock forward by 300 s): clock.advance.http: POST "
                + base
                + "/clock answered 404: {\"now\":\"then\"}");

    status.set(200);
    hook.advance(Duration.ofSeconds(1));
    status.set(500);
    assertThatThrownBy(() -> hook.advance(Duration.ofSeconds(2)))
        .isInstanceOf(HookFailed.class)
        .hasMessage("clock.advance.http: POST " + base + "/clock answered 500: {\"now\":\"then\"}");
  }

  @Test
  void aClockCommandGetsTheSecondsAndFailsWithItsStandardError() {
    ClockHook ok =
        ClockHook.of(
            new Profile.TargetClock(
                new Profile.Hook(null, List.of("sh", "-c", "test {seconds} = 7"))),
            base,
            base,
            http);
    ok.advance(Duration.ofSeconds(7));

    ClockHook failing =
        ClockHook.of(
            new Profile.TargetClock(
                new Profile.Hook(null, List.of("sh", "-c", "echo cannot move >&2; exit 4"))),
            base,
            base,
            http);
    assertThatThrownBy(() -> failing.advance(Duration.ofSeconds(1)))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(
            "clock.advance.command: [sh, -c, echo cannot move >&2; exit 4] exited 4: cannot move");
  }

  @Test
  void noClockSectionOrNoAdvanceMeansNoHook() {
    assertThat(ClockHook.of(null, base, base, http)).isNull();
    assertThat(ClockHook.of(new Profile.TargetClock(null), base, base, http)).isNull();
    assertThat(
            ClockHook.of(new Profile.TargetClock(new Profile.Hook(null, null)), base, base, http))
        .isNull();
  }

  @Test
  void anHttpHookNamesAUrlThatIsNotAbsoluteOrNotAUrlAndATargetThatDoesNotAnswer() {
    HttpHook relative =
        new HttpHook(
            new Profile.HttpSource(null, "/clock", null, null, null), "clock.advance.http", http);
    assertThatThrownBy(() -> relative.call(Map.of()))
        .isInstanceOf(HookFailed.class)
        .hasMessage("clock.advance.http.url is not an absolute URL: /clock");
    HttpHook broken =
        new HttpHook(new Profile.HttpSource(null, "http://a b", null, null, null), "f", http);
    assertThatThrownBy(() -> broken.call(Map.of()))
        .hasMessage("f.url is not a valid URL: http://a b");
    HttpHook refused =
        new HttpHook(
            new Profile.HttpSource("GET", "http://127.0.0.1:9/x", null, null, null), "f", http);
    assertThatThrownBy(() -> refused.call(Map.of()))
        .hasMessageStartingWith("f: GET http://127.0.0.1:9/x got no answer: ConnectException");
  }

  @Test
  void anHttpAuthTokenSourceReadsTheWholeBodyWithoutPointerAndRefusesAnEmptyOne() {
    HttpAuthTokens whole =
        new HttpAuthTokens(
            new Profile.HttpSource("GET", base + "/t/{accessToken}", null, null, null), base, http);
    assertThat(whole.fresh("lead-1")).isEqualTo("{\"now\":\"then\"}");
    assertThat(received).containsExactly("GET /t/lead-1 k1 ");
    HttpAuthTokens empty =
        new HttpAuthTokens(
            new Profile.HttpSource("GET", base + "/empty", null, null, null), base, http);
    assertThatThrownBy(() -> empty.fresh("lead-1"))
        .isInstanceOf(AuthTokenSource.AuthTokenUnavailable.class)
        .hasMessage("lms.authTokens.http: the answer is empty, not a token");
  }

  @Test
  void aCommandAuthTokenSourceNeedsExactlyOneLine() {
    assertThat(new CommandAuthTokens(List.of("echo", "{accessToken}-t"), null).fresh("a"))
        .isEqualTo("a-t");
    assertThatThrownBy(() -> new CommandAuthTokens(List.of("printf", "a\\nb"), null).fresh("x"))
        .isInstanceOf(AuthTokenSource.AuthTokenUnavailable.class)
        .hasMessage(
            "lms.authTokens.command must print exactly one token on one line, printed: a\nb");
    assertThatThrownBy(() -> new CommandAuthTokens(List.of("true"), null).fresh("x"))
        .hasMessage("lms.authTokens.command must print exactly one token on one line, printed: ");
    assertThatThrownBy(() -> new CommandAuthTokens(List.of("/no/such/command"), null).fresh("x"))
        .hasMessageStartingWith("lms.authTokens.command: [/no/such/command] cannot run: ");
  }

  @Test
  void placeholdersAreReplacedWhereverTheyStandAndUnknownOnesStay() {
    assertThat(Placeholders.fill("{a}/{b}/{a}/{c}", Map.of("a", "1", "b", "2")))
        .isEqualTo("1/2/1/{c}");
  }

  // ---- the profile's fields -------------------------------------------------------------------

  private static Profile yaml(String text) {
    return ProfileLoader.parse(text, false, "p.yaml");
  }

  @Test
  void aClockHookAndALifetimeAreRead() {
    Profile p =
        yaml(
            """
            lms: {authTokenLifetimeSeconds: 900}
            clock:
              advance:
                http: {url: '{baseUrl}/__admin/clock', body: '{"advance":"{seconds}s"}'}
            """);

    assertThat(p.lms().authTokenLifetimeSeconds()).isEqualTo(900);
    assertThat(p.clock().advance().http().url()).isEqualTo("{baseUrl}/__admin/clock");
    assertThat(
            yaml("lms: {}\nclock: {advance: {command: [./move, '{seconds}']}}")
                .clock()
                .advance()
                .command())
        .containsExactly("./move", "{seconds}");
    assertThat(yaml("lms: {authTokenLifetimeSeconds: 1}").lms().authTokenLifetimeSeconds())
        .isEqualTo(1);
  }

  @Test
  void aClockHookNeedsExactlyOneCallAndAUsableOne() {
    assertThatThrownBy(() -> yaml("lms: {}\nclock: {}"))
        .hasMessage("profile p.yaml: clock.advance must have exactly one of 'http', 'command'");
    assertThatThrownBy(() -> yaml("lms: {}\nclock: {advance: {}}"))
        .hasMessage("profile p.yaml: clock.advance must have exactly one of 'http', 'command'");
    assertThatThrownBy(
            () -> yaml("lms: {}\nclock: {advance: {http: {url: 'http://h'}, command: [x]}}"))
        .hasMessage("profile p.yaml: clock.advance must have exactly one of 'http', 'command'");
    assertThatThrownBy(() -> yaml("lms: {}\nclock: {advance: {http: {method: POST}}}"))
        .hasMessage("profile p.yaml: clock.advance.http.url is missing");
    assertThatThrownBy(() -> yaml("lms: {}\nclock: {advance: {http: {url: ' '}}}"))
        .hasMessage("profile p.yaml: clock.advance.http.url is missing");
    assertThatThrownBy(
            () -> yaml("lms: {}\nclock: {advance: {http: {url: 'http://h', pointer: /x}}}"))
        .hasMessage(
            "profile p.yaml: clock.advance.http.pointer has no meaning (nothing is read from the"
                + " answer)");
    assertThatThrownBy(() -> yaml("lms: {}\nclock: {advance: {command: []}}"))
        .hasMessage("profile p.yaml: clock.advance.command is empty");
    assertThatThrownBy(() -> yaml("lms: {authTokenLifetimeSeconds: 0}"))
        .hasMessage("profile p.yaml: lms.authTokenLifetimeSeconds must be at least 1");
  }

  @Test
  void aProfileCopiedInAnotherModeKeepsItsClockHook() {
    Profile p =
        yaml("lms: {}\nclock: {advance: {command: [x]}}")
            .withMode(io.contractkit.conformance.checks.Mode.LENIENT);

    assertThat(p.mode()).isEqualTo(io.contractkit.conformance.checks.Mode.LENIENT);
    assertThat(p.clock().advance().command()).containsExactly("x");
  }
}
