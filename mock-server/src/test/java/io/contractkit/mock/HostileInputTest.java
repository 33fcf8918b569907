package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.networknt.schema.Schema;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile query input on every query parameter of both documented operations, the send-token
 * extension and the outbox: each value gets its defined answer, never a 5xx, never contact data
 * without valid credentials, and no error that echoes the value back. Requests go out byte for byte
 * ({@link RawHttp}), so that Jetty's own answers to bytes it refuses are seen as a client sees
 * them.
 *
 * <p>What Jetty answers itself, before the mock sees the request (found by sending the bytes): a
 * raw control character (NUL, ESC, DEL, TAB, CR) or a raw space in the request target is a 400; a
 * raw LF ends the request line, so Jetty reads an HTTP/0.9 request, which the mock answers 400 too;
 * all of them as problem+json without the request target; a request target over the 16 KB header
 * budget is a 414; headers over it are a 431. Bad percent-encoding and invalid UTF-8 in the query
 * string reach the mock, which answers a 400 problem that names the query string.
 */
class HostileInputTest {

  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final String SEND_AUTH_TOKEN = "/lms/leads/bytoken/authtoken";
  private static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";
  private static final String LAST_NAME = "Müller-Lüdenscheidt";
  private static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";
  private static final String AUTH_TOKEN = "731904";
  private static final String LEAD_NAME = "Jürgen Weiß";

  /** A request that releases the lead's contact once. */
  private static final String RELEASE =
      LEAD_CONTACT + "?accessToken=" + LEAD + "&authToken=" + AUTH_TOKEN + "&source=web";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema PROBLEM = new SchemaCatalog().schema("Problem.schema.json");
  private static final List<String> FIXTURE_DATA = fixtureData();

  /** What becomes of a value: where it is refused, or that it reaches the handler as data. */
  enum Fate {
    /** Reaches the handler as an ordinary value. */
    ACCEPTED,
    /** The mock refuses the parameter: 400 problem naming it. */
    REJECTED,
    /** The mock cannot decode the query string: 400 problem naming the query string. */
    MALFORMED,
    /** Jetty refuses the request line before the mock sees it: 400. */
    REFUSED_BY_JETTY
  }

  /**
   * A hostile value as it goes on the wire, its fate, and a distinctive part of it that no answer
   * may echo (null where the value has nothing distinctive, such as an empty one).
   */
  enum Hostile {
    TEN_KILOBYTES("k".repeat(10 * 1024), Fate.REJECTED, "kkkkkkkkkkkkkkkk"),
    THREE_HUNDRED_CHARACTERS("q".repeat(300), Fate.REJECTED, "qqqqqqqqqqqqqqqq"),
    ONE_CHARACTER_TOO_LONG("v".repeat(257), Fate.REJECTED, "vvvvvvvvvvvvvvvv"),
    LONGEST_ALLOWED("w".repeat(256), Fate.ACCEPTED, "wwwwwwwwwwwwwwww"),
    ENCODED_NUL("pctNUL%00x", Fate.REJECTED, "pctNUL"),
    ENCODED_LINE_FEED("pctLF%0Ax", Fate.REJECTED, "pctLF"),
    ENCODED_HEADER_INJECTION("pctCRLF%0D%0ASet-Cookie:%20x=1", Fate.REJECTED, "Set-Cookie"),
    ENCODED_ESCAPE("pctESC%1B[31m", Fate.REJECTED, "pctESC"),
    ENCODED_DELETE("pctDEL%7Fx", Fate.REJECTED, "pctDEL"),
    ENCODED_NEXT_LINE("pctNEL%C2%85x", Fate.REJECTED, "pctNEL"),
    ENCODED_LINE_SEPARATOR("pctLS%E2%80%A8x", Fate.REJECTED, "pctLS"),
    RAW_NUL("rawNUL\u0000x", Fate.REFUSED_BY_JETTY, "rawNUL"),
    RAW_ESCAPE("rawESC\u001Bx", Fate.REFUSED_BY_JETTY, "rawESC"),
    RAW_DELETE("rawDEL\u007Fx", Fate.REFUSED_BY_JETTY, "rawDEL"),
    RAW_CARRIAGE_RETURN("rawCR\rx", Fate.REFUSED_BY_JETTY, "rawCR"),
    RAW_TAB("rawTAB\tx", Fate.REFUSED_BY_JETTY, "rawTAB"),
    RAW_SPACE("rawSP x", Fate.REFUSED_BY_JETTY, "rawSP"),
    NOT_A_HEX_ESCAPE("bad%zzhex", Fate.MALFORMED, "zzhex"),
    TRUNCATED_ESCAPE("trunc%e", Fate.MALFORMED, "trunc"),
    TRAILING_PERCENT("trail%", Fate.MALFORMED, "trail"),
    INVALID_UTF8("badutf%C3%28", Fate.MALFORMED, "badutf"),
    OVERLONG_UTF8("overlong%C0%AFx", Fate.MALFORMED, "overlong"),
    LONE_SURROGATE("surrogate%ED%A0%80x", Fate.MALFORMED, "surrogate"),
    QUOTES_AND_BACKSLASHES("q%22uo%27te%5C%5Cx", Fate.ACCEPTED, "q\"uo'te"),
    RAW_QUOTES_AND_BACKSLASHES("rq\"uo'te\\x", Fate.ACCEPTED, "rq\"uo'te"),
    JSON_BREAKOUT("%22%7D%2C%22admin%22%3Atrue%2C%22x%22%3A%22", Fate.ACCEPTED, "\"admin\":true"),
    SQL_COMMENT("%27%20OR%201%3D1%20--", Fate.ACCEPTED, "OR 1=1"),
    SQL_TAUTOLOGY("%27+OR+%271%27%3D%271", Fate.ACCEPTED, "OR '1'='1"),
    SCRIPT("%3Cscript%3Ealert(1)%3C%2Fscript%3E", Fate.ACCEPTED, "alert(1)"),
    RAW_SCRIPT("<script>alert(2)</script>", Fate.ACCEPTED, "alert(2)"),
    PATH_TRAVERSAL("..%2F..%2F..%2Fetc%2Fpasswd", Fate.ACCEPTED, "etc/passwd"),
    RAW_PATH_TRAVERSAL("../../../etc/shadow", Fate.ACCEPTED, "etc/shadow"),
    WINDOWS_PATH_TRAVERSAL("..%5C..%5Cwindows%5Cwin.ini", Fate.ACCEPTED, "win.ini"),
    EMOJI("%F0%9F%98%80%F0%9F%94%91", Fate.ACCEPTED, "\uD83D\uDE00\uD83D\uDD11"),
    RAW_LATIN1_BYTE("raw8bit\u00FC", Fate.ACCEPTED, "raw8bit"),
    PARAMETER_INJECTION("inj%26secret%3D" + SECRET, Fate.ACCEPTED, "inj&secret"),
    HOST_NAME("example.com", Fate.ACCEPTED, "example.com"),
    OCTET_OUT_OF_RANGE("999.1.1.1", Fate.ACCEPTED, "999.1.1.1"),
    TOO_FEW_OCTETS("1.2.3", Fate.ACCEPTED, "1.2.3"),
    BAD_IPV6("::zz", Fate.ACCEPTED, "::zz"),
    IPV6_WITH_ZONE("2001:db8::1%25eth0", Fate.ACCEPTED, "eth0"),
    IPV4_WITH_PORT("192.0.2.1%3A8080", Fate.ACCEPTED, null),
    EMPTY("", Fate.REJECTED, null),
    BLANK("%20%20", Fate.REJECTED, null);

    final String wire;
    final Fate fate;
    final String marker;

    Hostile(String wire, Fate fate, String marker) {
      this.wire = wire;
      this.fate = fate;
      this.marker = marker;
    }
  }

  /** What the handler answers to an ordinary, wrong value of a parameter. */
  enum Outcome {
    CONTACT_NOT_FOUND(404),
    NULL_VALUES(200),
    LEAD_DATA(200),
    LEAD_NOT_FOUND(404),
    TOKEN_SENT(202),
    EMPTY_OUTBOX(200),
    PARAMETER_REJECTED(400);

    final int status;

    Outcome(int status) {
      this.status = status;
    }
  }

  /** One query parameter of one operation; {@code {}} marks where the hostile value goes. */
  enum Target {
    CONTACTS_SECRET(
        "GET", CONTACTS + "?secret={}&ip=192.0.2.10", "secret", Outcome.CONTACT_NOT_FOUND),
    CONTACTS_IP("GET", CONTACTS + "?secret=" + SECRET + "&ip={}", "ip", Outcome.PARAMETER_REJECTED),
    LMS_ACCESS_TOKEN(
        "GET",
        LEAD_CONTACT + "?accessToken={}&authToken=" + AUTH_TOKEN + "&source=web",
        "accessToken",
        Outcome.NULL_VALUES),
    LMS_AUTH_TOKEN(
        "GET",
        LEAD_CONTACT + "?accessToken=" + LEAD + "&authToken={}&source=web",
        "authToken",
        Outcome.NULL_VALUES),
    LMS_SOURCE(
        "GET",
        LEAD_CONTACT + "?accessToken=" + LEAD + "&authToken=" + AUTH_TOKEN + "&source={}",
        "source",
        Outcome.LEAD_DATA),
    SEND_ACCESS_TOKEN(
        "POST",
        SEND_AUTH_TOKEN + "?accessToken={}&channel=email&source=web",
        "accessToken",
        Outcome.LEAD_NOT_FOUND),
    SEND_CHANNEL(
        "POST",
        SEND_AUTH_TOKEN + "?accessToken=" + LEAD + "&channel={}&source=web",
        "channel",
        Outcome.PARAMETER_REJECTED),
    SEND_SOURCE(
        "POST",
        SEND_AUTH_TOKEN + "?accessToken=" + LEAD + "&channel=email&source={}",
        "source",
        Outcome.TOKEN_SENT),
    OUTBOX_LIMIT("GET", "/__admin/outbox?limit={}", "limit", Outcome.PARAMETER_REJECTED),
    OUTBOX_ACCESS_TOKEN(
        "GET", "/__admin/outbox?accessToken={}", "accessToken", Outcome.EMPTY_OUTBOX);

    final String method;
    final String template;
    final String parameter;
    final Outcome whenAccepted;

    Target(String method, String template, String parameter, Outcome whenAccepted) {
      this.method = method;
      this.template = template;
      this.parameter = parameter;
      this.whenAccepted = whenAccepted;
    }

    String with(String wireValue) {
      return template.replace("{}", wireValue);
    }
  }

  // One test per target, each running every hostile value on the initial state and reporting every
  // value that fails: one test per value (over a thousand) would make pitest, which runs a mutant's
  // covering tests one by one and the fastest first, spend most of its time on these.

  @ParameterizedTest
  @EnumSource(Target.class)
  void aHostileValueGetsItsDefinedAnswerAndNeverA5xx(Target target) {
    forEveryHostileValue(target, value -> true, value -> getsItsDefinedAnswer(target, value));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void aHostileValueNeverDisclosesContactDataNorComesBackInTheAnswer(Target target) {
    forEveryHostileValue(target, value -> true, value -> disclosesNothing(target, value));
  }

  @ParameterizedTest
  @EnumSource(
      value = Target.class,
      names = {"LMS_ACCESS_TOKEN", "LMS_AUTH_TOKEN", "LMS_SOURCE"})
  void aLeadContactRequestThatReleasesNothingLeavesTheAuthTokenUnused(Target target) {
    forEveryHostileValue(
        target,
        value -> expectedOutcome(target, value) != Outcome.LEAD_DATA,
        value -> leavesTheAuthTokenUnused(target, value));
  }

  private static void getsItsDefinedAnswer(Target target, Hostile value) throws IOException {
    RawHttp.Response response = send(target.method, target.with(value.wire));
    Outcome outcome = expectedOutcome(target, value);

    assertThat(response.status())
        .as("status of %s %s", target.method, describe(target, value))
        .isLessThan(500)
        .isEqualTo(value.fate == Fate.ACCEPTED ? outcome.status : 400);

    if (value.fate == Fate.REFUSED_BY_JETTY) {
      return;
    }
    if (response.status() >= 400) {
      JsonNode problem = assertValidProblem(response);
      if (value.fate == Fate.MALFORMED) {
        assertThat(problem.path("detail").asString()).contains("query string");
        if (problem.has("parameter")) {
          assertThat(problem.get("parameter").asString()).isEqualTo(target.parameter);
        }
      } else if (outcome == Outcome.PARAMETER_REJECTED || value.fate == Fate.REJECTED) {
        assertThat(problem.path("parameter").asString()).isEqualTo(target.parameter);
        assertThat(problem.path("detail").asString()).contains("'" + target.parameter + "'");
      } else {
        assertThat(problem.has("parameter")).as("a not-found names no parameter").isFalse();
      }
      return;
    }
    JsonNode body = JSON.readTree(response.body());
    switch (outcome) {
      case NULL_VALUES -> assertAllNull(body);
      case LEAD_DATA -> assertThat(body.path("name").asString()).isEqualTo(LEAD_NAME);
      case TOKEN_SENT -> assertThat(body.path("channel").asString()).isEqualTo("email");
      case EMPTY_OUTBOX -> assertThat(body.path("messages").isEmpty()).isTrue();
      default -> throw new AssertionError("no 2xx expected for " + outcome);
    }
  }

  private static void disclosesNothing(Target target, Hostile value) throws IOException {
    RawHttp.Response response = send(target.method, target.with(value.wire));

    assertThat(response.status()).isLessThan(500);
    assertThat(response.header("Set-Cookie")).as("Set-Cookie header").isNull();
    if (expectedOutcome(target, value) == Outcome.LEAD_DATA) {
      return; // valid credentials: the lead's data is the right answer
    }
    assertNoFixtureData(response);
    if (value.marker != null) {
      assertThat(response.body())
          .as("answer to %s", describe(target, value))
          .doesNotContain(value.marker);
    }
  }

  private static void leavesTheAuthTokenUnused(Target target, Hostile value) throws IOException {
    send(target.method, target.with(value.wire));

    RawHttp.Response clean = send("GET", RELEASE);

    assertThat(clean.status()).isEqualTo(200);
    assertThat(JSON.readTree(clean.body()).path("name").asString()).isEqualTo(LEAD_NAME);
  }

  /** What one hostile value must lead to. */
  @FunctionalInterface
  private interface HostileCase {
    void check(Hostile value) throws IOException;
  }

  /**
   * Checks each of the chosen hostile values on {@code target}, each on a freshly reset server, and
   * fails naming every value that failed.
   */
  private static void forEveryHostileValue(
      Target target, Predicate<Hostile> chosen, HostileCase hostileCase) {
    List<Hostile> values = Arrays.stream(Hostile.values()).filter(chosen).toList();
    assertThat(values).as("hostile values for %s", target).isNotEmpty();
    assertAll(
        target.name(),
        values.stream()
            .map(
                value ->
                    () -> {
                      mock.reset();
                      try {
                        hostileCase.check(value);
                      } catch (AssertionError e) {
                        throw new AssertionError(target + " = " + value + ": " + e.getMessage(), e);
                      }
                    }));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        CONTACTS + "?secret=",
        LEAD_CONTACT + "?source=web&accessToken=" + LEAD + "&authToken="
      })
  void aRawLineFeedInTheRequestTargetIsA400(String prefix) throws IOException {
    RawHttp.Response response = send("GET", prefix + "rawLF\nx");

    // Jetty reads "GET <target-up-to-the-LF>" as an HTTP/0.9 request line; the mock calls it
    // malformed.
    assertThat(response.status()).isEqualTo(400);
    assertNoFixtureData(response);
    assertThat(response.body()).doesNotContain("rawLF");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/api/v1/Contacts?secret=a&secret=b|secret",
        "GET|/api/v1/Contacts?secret=a&SECRET=b|secret",
        "GET|/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&secret=8Qm3vT7kLp2XwZ9rBn4Y|secret",
        "GET|/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=192.0.2.1&IP=198.51.100.1|ip",
        "GET|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=web&accessToken=lead-7Gk2mQ9xWp4tR8vZ|accessToken",
        "GET|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=web&AuthToken=731904|authToken",
        "GET|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=web&Source=app|source",
        "POST|/lms/leads/bytoken/authtoken?accessToken=lead-7Gk2mQ9xWp4tR8vZ&channel=email&CHANNEL=sms&source=web|channel",
        "GET|/__admin/outbox?limit=1&Limit=2|limit",
      })
  void aParameterGivenTwiceInAnyCaseIsA400NamingIt(String method, String target, String parameter)
      throws IOException {
    RawHttp.Response response = send(method, target);

    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = assertValidProblem(response);
    assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
    assertNoFixtureData(response);
  }

  @Test
  void aDuplicatedAuthTokenIsRefusedWithoutUsingItUp() throws IOException {
    RawHttp.Response duplicated = send("GET", RELEASE + "&authToken=" + AUTH_TOKEN);
    RawHttp.Response single = send("GET", RELEASE);

    assertThat(duplicated.status()).isEqualTo(400);
    assertThat(single.status()).isEqualTo(200);
    assertThat(JSON.readTree(single.body()).path("name").asString()).isEqualTo(LEAD_NAME);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/api/v1/Contacts|secret",
        "GET|/api/v1/Contacts?ip=192.0.2.1|secret",
        "GET|/api/v1/Contacts?secret|secret",
        "GET|/api/v1/Contacts?secret=&ip=192.0.2.1|secret",
        "GET|/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=|ip",
        "GET|/lms/leads/bytoken/contact?authToken=731904&source=web|accessToken",
        "GET|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&source=web|authToken",
        "GET|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904|source",
        "GET|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=|source",
        "POST|/lms/leads/bytoken/authtoken?accessToken=lead-7Gk2mQ9xWp4tR8vZ&source=web|channel",
        "POST|/lms/leads/bytoken/authtoken?channel=email&source=web|accessToken",
      })
  void aMissingOrEmptyParameterIsA400NamingIt(String method, String target, String parameter)
      throws IOException {
    RawHttp.Response response = send(method, target);

    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = assertValidProblem(response);
    assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
    assertNoFixtureData(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret", "SECRET", "Secret", "sEcReT"})
  void aSecretParameterInAnyCaseReleasesTheContact(String name) throws IOException {
    RawHttp.Response response =
        send("GET", CONTACTS + "?" + name + "=" + SECRET + "&IP=192.0.2.20");

    assertThat(response.status()).isEqualTo(200);
    JsonNode contact = JSON.readTree(response.body());
    assertThat(contact.path("Secret").asString()).isEqualTo(SECRET);
    assertThat(contact.path("LastName").asString()).isEqualTo(LAST_NAME);
  }

  @ParameterizedTest
  @CsvSource({
    "accessToken, authToken, source",
    "ACCESSTOKEN, AUTHTOKEN, SOURCE",
    "accesstoken, authtoken, source",
    "AccessToken, AuthToken, Source"
  })
  void leadContactParametersInAnyCaseReleaseTheLead(String access, String auth, String source)
      throws IOException {
    String query = "?%s=%s&%s=%s&%s=web".formatted(access, LEAD, auth, AUTH_TOKEN, source);

    RawHttp.Response response = send("GET", LEAD_CONTACT + query);

    assertThat(response.status()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("name").asString()).isEqualTo(LEAD_NAME);
  }

  @Test
  void sendTokenParametersInAnyCaseSendTheToken() throws IOException {
    RawHttp.Response response =
        send("POST", SEND_AUTH_TOKEN + "?ACCESSTOKEN=" + LEAD + "&Channel=email&SOURCE=web");

    assertThat(response.status()).isEqualTo(202);
    assertThat(JSON.readTree(response.body()).path("channel").asString()).isEqualTo("email");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/api/v1/Contacts?SECRET=8Qm3vT7kLp2XwZ9rBn4Y&IP=example.com|ip",
        "GET|/api/v1/Contacts?Secret=pctNUL%00x|secret",
        "GET|/lms/leads/bytoken/contact?ACCESSTOKEN=lead-7Gk2mQ9xWp4tR8vZ&AUTHTOKEN=731904&SOURCE=|source",
        "POST|/lms/leads/bytoken/authtoken?ACCESSTOKEN=lead-7Gk2mQ9xWp4tR8vZ&CHANNEL=fax&SOURCE=web|channel",
        "GET|/__admin/outbox?LIMIT=0|limit",
      })
  void aParameterInTheWrongCaseIsValidatedLikeTheRightCase(
      String method, String target, String parameter) throws IOException {
    RawHttp.Response response = send(method, target);

    assertThat(response.status()).isEqualTo(400);
    assertThat(assertValidProblem(response).path("parameter").asString()).isEqualTo(parameter);
    assertNoFixtureData(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/API/V1/CONTACTS", "/api/v1/contacts", "/Api/V1/Contacts"})
  void theContactsPathMatchesInAnyCase(String path) throws IOException {
    RawHttp.Response response = send("GET", path + "?secret=" + SECRET);

    assertThat(response.status()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("Secret").asString()).isEqualTo(SECRET);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y&ip=192.0.2.30&foo=bar&callback=alert(1)&secret2=x|200",
        "GET|/api/v1/Contacts?&&secret=8Qm3vT7kLp2XwZ9rBn4Y&&|200",
        "GET|/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=web&debug=true&admin=1|200",
        "POST|/lms/leads/bytoken/authtoken?accessToken=lead-7Gk2mQ9xWp4tR8vZ&channel=email&source=web&cc=someone%40example.org|202",
        "GET|/__admin/outbox?foo=bar|200",
      })
  void unknownParametersAreIgnored(String method, String target, int status) throws IOException {
    RawHttp.Response response = send(method, target);

    assertThat(response.status()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    if (target.startsWith(CONTACTS)) {
      assertThat(body.path("Secret").asString()).isEqualTo(SECRET);
    } else if (target.startsWith(LEAD_CONTACT)) {
      assertThat(body.path("name").asString()).isEqualTo(LEAD_NAME);
    } else if (target.startsWith(SEND_AUTH_TOKEN)) {
      assertThat(body.path("channel").asString()).isEqualTo("email");
    } else {
      assertThat(body.path("messages").isArray()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {CONTACTS + "?secret=", LEAD_CONTACT + "?source=web&authToken=1&accessToken="})
  void aTwentyKilobyteRequestTargetIsRefusedWith414Or431(String prefix) throws IOException {
    RawHttp.Response response = send("GET", prefix + "t".repeat(20 * 1024));

    assertThat(response.status()).isIn(414, 431);
    assertThat(response.body()).doesNotContain("tttttttttttttttt");
    assertNoFixtureData(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {CONTACTS + "?secret=" + SECRET, RELEASE})
  void aTwentyKilobyteHeaderIsRefusedWith431BeforeAnyDataIsReleased(String target)
      throws IOException {
    RawHttp.Response response =
        RawHttp.request(mock.port(), "GET", target, "X-Filler: " + "h".repeat(20 * 1024) + "\r\n");

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.body())
        .doesNotContain(LAST_NAME)
        .doesNotContain(LEAD_NAME)
        .doesNotContain("hhhhhhhhhhhhhhhh");
  }

  @Test
  void aRequestRefusedForAHugeHeaderDoesNotEchoItsQuery() throws IOException {
    RawHttp.Response response =
        RawHttp.request(
            mock.port(),
            "GET",
            CONTACTS + "?secret=echoMarker7Q%27%20OR%201%3D1",
            "X-Filler: " + "h".repeat(20 * 1024) + "\r\n");

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.body()).doesNotContain("echoMarker7Q");
  }

  // --- helpers -------------------------------------------------------------------------------

  private static Outcome expectedOutcome(Target target, Hostile value) {
    return value.fate == Fate.ACCEPTED ? target.whenAccepted : Outcome.PARAMETER_REJECTED;
  }

  private static RawHttp.Response send(String method, String target) throws IOException {
    return RawHttp.request(
        mock.port(), method, target, method.equals("POST") ? "Content-Length: 0\r\n" : "");
  }

  private static String describe(Target target, Hostile value) {
    String shown = target.with(value.wire).replaceAll("\\p{Cntrl}", "<CTL>");
    return shown.length() > 160 ? shown.substring(0, 160) + "..." : shown;
  }

  /** The body is an RFC 9457 problem, valid against Problem.schema.json, for this status. */
  private static JsonNode assertValidProblem(RawHttp.Response response) {
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    List<com.networknt.schema.Error> errors = PROBLEM.validate(problem);
    assertThat(errors).as("Problem.schema.json errors in %s", response.body()).isEmpty();
    assertThat(problem.path("status").asInt()).isEqualTo(response.status());
    return problem;
  }

  private static void assertAllNull(JsonNode body) {
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder(
            "accessToken",
            "name",
            "street",
            "city",
            "zipCode",
            "email",
            "phone",
            "fax",
            "notice",
            "company");
    body.properties().forEach(p -> assertThat(p.getValue().isNull()).as(p.getKey()).isTrue());
  }

  private static void assertNoFixtureData(RawHttp.Response response) {
    String everything = response.head() + "\r\n\r\n" + response.body();
    for (String value : FIXTURE_DATA) {
      assertThat(everything).as("answer must not disclose fixture data").doesNotContain(value);
    }
  }

  /** Secrets, tokens and personal data from the bundled fixtures, long enough to be distinctive. */
  private static List<String> fixtureData() {
    try {
      Path folder = Path.of("..", "fixtures");
      JsonNode contacts = JSON.readTree(Files.readString(folder.resolve("contacts.json")));
      JsonNode leads = JSON.readTree(Files.readString(folder.resolve("leads.json")));
      List<String> data = new ArrayList<>();
      for (JsonNode c : contacts.path("contacts")) {
        for (String field : List.of("Secret", "Email", "Phone", "LastName")) {
          data.add(text(c.path(field)));
        }
      }
      for (JsonNode l : leads.path("leads")) {
        JsonNode contact = l.path("contact");
        data.add(text(contact.path("accessToken").path("code")));
        for (String field : List.of("name", "street", "email", "phone")) {
          data.add(text(contact.path(field)));
        }
      }
      List<String> distinctive = data.stream().filter(s -> s.length() >= 5).distinct().toList();
      if (!distinctive.containsAll(List.of(SECRET, LAST_NAME, LEAD, LEAD_NAME))) {
        throw new IllegalStateException("the bundled fixtures lack the data these tests use");
      }
      return distinctive;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled fixtures", e);
    }
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.stringValue() : "";
  }
}
