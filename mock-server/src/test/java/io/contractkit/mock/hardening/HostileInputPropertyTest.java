package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.networknt.schema.Schema;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based tests (QuickTheories) over both documented operations, the send-token extension
 * and the admin API: arbitrary strings, percent-encodings (valid and broken), parameter names in
 * any case, duplicates, empty values, unknown parameters, random admin paths, methods and bodies.
 * Properties: never a 5xx; no contact data in any answer without valid credentials; every 4xx is
 * {@code application/problem+json} valid against Problem.schema.json, and a problem about a
 * parameter names it in its {@code detail}.
 *
 * <p>A failure prints the falsifying request and "Seed was N"; {@code -DQT_SEED=N} replays exactly
 * that run (the mock is reset before every example, so each one starts from the same state).
 */
class HostileInputPropertyTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final int EXAMPLES = 300;
  private static final int SHRINK_CYCLES = 50;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema PROBLEM = new SchemaCatalog().schema("Problem.schema.json");
  private static final List<String> CONTACT_DATA = contactData();

  private static final List<String> PARAMETERS =
      List.of("secret", "ip", "accessToken", "authToken", "source", "channel", "limit", "code");

  private static LoadDriver http;

  @BeforeAll
  static void connect() {
    http = new LoadDriver(mock::port, 1);
  }

  @AfterAll
  static void disconnect() {
    http.close();
  }

  /** One generated request: method, target as sent on the wire, body. */
  record Request(String method, String target, String body) {
    @Override
    public String toString() {
      return method + " " + target + (body.isEmpty() ? "" : " body=" + body);
    }
  }

  @Test
  void theDocumentedOperationsNeverFailNorDiscloseWithoutCredentials() {
    Gen<String> path =
        Generate.pick(
            List.of(
                "/api/v1/Contacts",
                "/API/V1/contacts",
                "/lms/leads/bytoken/contact",
                "/LMS/Leads/ByToken/Contact"));
    Gen<Request> requests =
        path.zip(
            query(),
            Generate.pick(List.of("GET", "GET", "GET", "POST", "HEAD")),
            (p, q, m) -> new Request(m, p + q, ""));
    Gen<Request> sends =
        query().map(q -> new Request("POST", "/lms/leads/bytoken/authtoken" + q, ""));

    qt().withExamples(EXAMPLES)
        .withShrinkCycles(SHRINK_CYCLES)
        .forAll(Generate.oneOf(requests, requests, sends))
        .checkAssert(HostileInputPropertyTest::holdsForAnyoneWithoutCredentials);
  }

  @Test
  void theAdminApiNeverFailsAndAnswersEveryClientErrorAsAProblem() {
    Gen<String> path =
        Generate.pick(
                List.of(
                    "/__admin/health",
                    "/__admin/reset",
                    "/__admin/outbox",
                    "/__admin/journal",
                    "/__admin/authtokens",
                    "/__admin/",
                    "/__admin",
                    "/__ADMIN/Outbox",
                    "/__admin/outbox/1",
                    "/__admin/authtokens/x",
                    "/__admin/%2e%2e/api/v1/Contacts",
                    "/__admin/nope"))
            .zip(strings().betweenCodePoints(0x61, 0x7a).ofLengthBetween(0, 3), (p, s) -> p + s);
    Gen<String> method =
        Generate.pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"));
    Gen<Request> requests =
        method.zip(path, query(), body(), (m, p, q, b) -> new Request(m, p + q, b));

    qt().withExamples(EXAMPLES)
        .withShrinkCycles(SHRINK_CYCLES)
        .forAll(requests)
        .checkAssert(HostileInputPropertyTest::neverFailsAndErrorsAreProblems);
  }

  // --- properties ------------------------------------------------------------------------------

  private static void holdsForAnyoneWithoutCredentials(Request request) {
    LoadDriver.Answer answer = neverFailsAndErrorsAreProblems(request);
    String everything = answer.head() + "\r\n\r\n" + answer.body();
    for (String data : CONTACT_DATA) {
      assertThat(everything)
          .as("answer to %s discloses contact data", request)
          .doesNotContain(data);
    }
  }

  private static LoadDriver.Answer neverFailsAndErrorsAreProblems(Request request) {
    LoadDriver.Answer answer = send(new Request("POST", "/__admin/reset", ""));
    assertThat(answer.status()).isEqualTo(204);

    answer = send(request);

    assertThat(answer.status()).as("status of %s", request).isBetween(200, 499);
    if (answer.status() >= 400 && !request.method().equals("HEAD")) {
      assertThat(answer.header("Content-Type"))
          .as("content type of %s", request)
          .startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(PROBLEM.validate(problem)).as("problem for %s: %s", request, problem).isEmpty();
      assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
      if (problem.has("parameter")) {
        String parameter = problem.get("parameter").asString();
        assertThat(PARAMETERS).as("named parameter of %s", request).contains(parameter);
        assertThat(problem.path("detail").asString()).contains("'" + parameter + "'");
      } else if (answer.status() == 400 && request.target().contains("?")) {
        // Not about one parameter: about the query string, the request itself, or the body.
        assertThat(problem.path("detail").asString())
            .as("detail of %s", request)
            .containsAnyOf("query string", "request", "body", "'accessToken'", "'code'", "ttl");
      }
    }
    return answer;
  }

  // --- generators ------------------------------------------------------------------------------

  /** A query string: 0 to 6 parameters, known or unknown names in any case, any values. */
  private static Gen<String> query() {
    Gen<String> pair =
        name().zip(value(), integers().between(0, 9), (n, v, form) -> form == 0 ? n : n + "=" + v);
    return lists()
        .of(pair)
        .ofSizeBetween(0, 6)
        .map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
  }

  /** A known parameter name in random case, an encoded one, or an unknown one. */
  private static Gen<String> name() {
    Gen<String> known =
        Generate.pick(PARAMETERS).zip(longs().all(), HostileInputPropertyTest::randomCase);
    Gen<String> encoded =
        Generate.pick(PARAMETERS).map(n -> "%" + Integer.toHexString(n.charAt(0)) + n.substring(1));
    Gen<String> unknown =
        strings()
            .betweenCodePoints(0x21, 0x7e)
            .ofLengthBetween(0, 8)
            .map(HostileInputPropertyTest::withoutDelimiters);
    return Generate.frequency(
        List.of(
            org.quicktheories.api.Pair.of(6, known),
            org.quicktheories.api.Pair.of(1, encoded),
            org.quicktheories.api.Pair.of(2, unknown)));
  }

  /** Values: encoded arbitrary unicode, broken encodings, raw ASCII, empty, realistic ones. */
  private static Gen<String> value() {
    Gen<String> unicode =
        strings()
            .allPossible()
            .ofLengthBetween(0, 24)
            .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8));
    Gen<String> bytes =
        lists()
            .of(integers().between(0, 255))
            .ofSizeBetween(1, 8)
            .map(
                list -> {
                  StringBuilder out = new StringBuilder();
                  list.forEach(b -> out.append('%').append(String.format("%02X", b)));
                  return out.toString();
                });
    Gen<String> broken =
        Generate.pick(
            List.of(
                "%",
                "%z",
                "%e",
                "%%",
                "%C3%28",
                "%ED%A0%80",
                "%FF",
                "%0",
                "a%2",
                // digits Character.digit takes but a percent escape must not: fullwidth, Arabic-
                // Indic, Devanagari; sent as raw UTF-8
                onTheWire("%3\uFF18"),
                onTheWire("%\uFF14\uFF11"),
                onTheWire("%3\u0668"),
                onTheWire("%4\u096E"),
                onTheWire("%4\uFF26")));
    Gen<String> raw =
        strings()
            .betweenCodePoints(0x21, 0x7e)
            .ofLengthBetween(0, 24)
            .map(HostileInputPropertyTest::withoutDelimiters);
    Gen<String> realistic =
        Generate.pick(
            List.of(
                "192.0.2.1",
                "2001:db8::1",
                "203.0.113.255",
                Fixture.LEAD,
                Fixture.OTHER_LEAD,
                "web",
                "email",
                "sms",
                "1",
                "0",
                "-1",
                "1000",
                "99999999999999999999",
                onTheWire("\uFF15"),
                onTheWire("192.0.2.\u0661"),
                "k".repeat(257),
                "%20",
                ""));
    return Generate.frequency(
        List.of(
            org.quicktheories.api.Pair.of(3, unicode),
            org.quicktheories.api.Pair.of(2, bytes),
            org.quicktheories.api.Pair.of(1, broken),
            org.quicktheories.api.Pair.of(2, raw),
            org.quicktheories.api.Pair.of(3, realistic)));
  }

  /** Admin request bodies: none, JSON of the right shape with odd values, or garbage. */
  private static Gen<String> body() {
    Gen<String> mint =
        Generate.pick(List.of(Fixture.LEAD, "lead-unknown", "", "\\u0000"))
            .zip(
                Generate.pick(
                    List.of("null", "\"x\"", "\"a b\"", "42", "\"" + "c".repeat(300) + "\"")),
                Generate.pick(List.of("null", "1", "0", "-1", "1.5", "\"60\"", "1e30", "true")),
                (a, c, t) ->
                    "{\"accessToken\":\"" + a + "\",\"code\":" + c + ",\"ttlSeconds\":" + t + "}");
    Gen<String> garbage = strings().basicLatinAlphabet().ofLengthBetween(0, 40);
    return Generate.oneOf(Generate.constant(""), mint, garbage);
  }

  private static String randomCase(String name, long bits) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(
          (bits >>> (i % 64) & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** Text as its UTF-8 bytes, one char per byte, as the load driver writes the request line. */
  private static String onTheWire(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Raw text that stays inside one parameter of the request line. */
  private static String withoutDelimiters(String s) {
    return s.replace("&", "").replace("=", "").replace("#", "").replace("%", "");
  }

  private static LoadDriver.Answer send(Request request) {
    try {
      return http.exchange(request.method(), request.target(), request.body());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + request, e);
    }
  }

  /** Personal data and secrets of the bundled contacts and leads, long enough to be distinctive. */
  private static List<String> contactData() {
    try {
      Path folder = Path.of("..", "fixtures");
      JsonNode contacts = JSON.readTree(Files.readString(folder.resolve("contacts.json")));
      JsonNode leads = JSON.readTree(Files.readString(folder.resolve("leads.json")));
      List<String> data = new ArrayList<>();
      for (JsonNode c : contacts.path("contacts")) {
        for (String field : List.of("Secret", "Email", "Phone", "FirstName", "LastName")) {
          data.add(c.path(field).isString() ? c.path(field).stringValue() : "");
        }
      }
      for (JsonNode l : leads.path("leads")) {
        JsonNode contact = l.path("contact");
        for (String field : List.of("name", "street", "email", "phone", "notice")) {
          data.add(contact.path(field).isString() ? contact.path(field).stringValue() : "");
        }
      }
      List<String> distinctive =
          data.stream()
              .filter(s -> s.length() >= 6)
              .map(s -> s.toLowerCase(Locale.ROOT))
              .distinct()
              .toList();
      assertThat(distinctive).contains("juergen.weiss@example.de");
      return data.stream().filter(s -> s.length() >= 6).distinct().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
