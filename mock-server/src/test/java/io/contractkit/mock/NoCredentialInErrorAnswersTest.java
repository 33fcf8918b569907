package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No error answer carries a submitted secret, accessToken, authToken or admin token back: every bad
 * request below carries a recognisable value, and neither the body nor any header of the answer
 * contains it (in any case) -- nor the mock's own admin token.
 */
class NoCredentialInErrorAnswersTest {
  /** Recognisable values that no fixture holds. */
  private static final String SECRET = "CanarySecretQx7Wm2";

  private static final String TOKEN = "CanaryTokenZw3Kp9";
  private static final String ADMIN_TOKEN = "CanaryAdminTokenRt5Hy8";

  private static final String CONTACTS = "/api/v1/Contacts";
  private static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  private static final String SEND = "/lms/leads/bytoken/authtoken";
  private static final String BLOCKED_IP = "203.0.113.66";

  @RegisterExtension
  static final RunningMock mock =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withAdminToken(ADMIN_TOKEN));

  private static final String ADMIN = "Authorization: Bearer " + ADMIN_TOKEN + "\r\n";
  private static final String JSON = "Content-Type: application/json\r\n";

  /** method, target, extra headers, body (or null). */
  static Stream<Arguments> badRequests() {
    String longSecret = SECRET.repeat(20);
    return Stream.of(
        // Contacts API
        bad("GET", CONTACTS + "?secret=" + longSecret),
        bad("GET", CONTACTS + "?secret=" + SECRET + "%01"),
        bad("GET", CONTACTS + "?secret=" + SECRET + "%0A"),
        bad("GET", CONTACTS + "?secret=" + SECRET + "&Secret=" + SECRET),
        bad("GET", CONTACTS + "?secret=" + SECRET + "%zz"),
        bad("GET", CONTACTS + "?secret=" + SECRET + "%FF"),
        bad("GET", CONTACTS + "?secret=" + SECRET + "&ip=" + SECRET),
        bad("GET", CONTACTS + "?secret=" + SECRET + "&ip=203.0.113.67"),
        bad("GET", CONTACTS + "?secret=" + SECRET + "&ip=" + BLOCKED_IP),
        bad("POST", CONTACTS + "?secret=" + SECRET),
        bad("DELETE", CONTACTS + "?secret=" + SECRET),
        bad("GET", CONTACTS + "/" + SECRET),
        bad("GET", CONTACTS + "/" + SECRET + "?secret=" + SECRET),
        bad("GET", "/api/v1/Contactz?secret=" + SECRET),
        bad("GET", "/" + SECRET),
        bad("GET", CONTACTS + "?secret=" + SECRET + "&pad=" + "x".repeat(20_000)),
        bad("GET", CONTACTS + "?secret=" + SECRET, "X-Pad: " + SECRET.repeat(2000) + "\r\n"),
        bad("GET", CONTACTS + "?secret=" + SECRET + " x"),
        // LMS API
        bad("GET", LEAD_CONTACT + "?accessToken=" + TOKEN + "&authToken=" + TOKEN),
        bad("GET", LEAD_CONTACT + "?accessToken=" + Fixture.LEAD + "&authToken=" + TOKEN),
        bad(
            "GET",
            LEAD_CONTACT
                + "?accessToken="
                + Fixture.LEAD
                + "&authToken="
                + TOKEN
                + "&AuthToken="
                + TOKEN
                + "&source=web"),
        bad(
            "GET",
            LEAD_CONTACT
                + "?accessToken="
                + TOKEN.repeat(20)
                + "&authToken="
                + TOKEN
                + "&source=web"),
        bad("GET", LEAD_CONTACT + "?accessToken=" + TOKEN + "&authToken=%00" + TOKEN),
        bad("PUT", LEAD_CONTACT + "?accessToken=" + TOKEN + "&authToken=" + TOKEN),
        bad("GET", LEAD_CONTACT + "/" + TOKEN),
        bad("POST", SEND + "?accessToken=" + TOKEN + "&channel=sms&source=web"),
        bad("POST", SEND + "?accessToken=" + Fixture.LEAD + "&channel=" + TOKEN + "&source=web"),
        bad("GET", SEND + "?accessToken=" + TOKEN + "&channel=sms&source=web"),
        // Admin API
        bad("GET", "/__admin/outbox?accessToken=" + TOKEN + "&channel=" + TOKEN, ADMIN),
        bad("GET", "/__admin/outbox?limit=" + TOKEN, ADMIN),
        bad("GET", "/__admin/journal?limit=" + TOKEN, ADMIN),
        bad("POST", "/__admin/authtokens", ADMIN + JSON, "{\"accessToken\":\"" + TOKEN + "\"}"),
        bad(
            "POST",
            "/__admin/authtokens",
            ADMIN + JSON,
            "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"" + TOKEN + " x\"}"),
        bad(
            "POST",
            "/__admin/authtokens",
            ADMIN + JSON,
            "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"" + TOKEN.repeat(20) + "\"}"),
        bad(
            "POST",
            "/__admin/authtokens",
            ADMIN + JSON,
            "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"" + Fixture.LEAD_TOKEN + "\"}"),
        bad("POST", "/__admin/authtokens", ADMIN + JSON, "{\"accessToken\": \"" + TOKEN),
        bad("POST", "/__admin/authtokens", ADMIN + JSON, "[\"" + TOKEN + "\"]"),
        bad(
            "POST",
            "/__admin/authtokens",
            ADMIN + JSON,
            "{\"accessToken\":\"" + Fixture.LEAD + "\",\"ttlSeconds\":\"" + TOKEN + "\"}"),
        bad("GET", "/__admin/" + TOKEN, ADMIN),
        bad("GET", "/__admin/outbox?accessToken=" + TOKEN),
        bad("GET", "/__admin/outbox", "Authorization: Bearer " + TOKEN + "\r\n"),
        bad("GET", "/__admin/outbox", "Authorization: Bearer " + ADMIN_TOKEN + "x\r\n"),
        bad("GET", "/__admin/outbox", "Authorization: Basic " + ADMIN_TOKEN + "\r\n"),
        bad("POST", "/__admin/reset", "Authorization: " + ADMIN_TOKEN + "\r\n"));
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @MethodSource("badRequests")
  void anErrorAnswerNeverCarriesTheSubmittedValues(
      String method, String target, String headers, String body) throws IOException {
    blockTheBlockedIp();

    RawHttp.Response response = RawHttp.request(mock.port(), method, target, headers, body);

    assertThat(response.status()).as("status of %s %s", method, abbreviate(target)).isLessThan(500);
    String answer = (response.head() + "\n" + response.body()).toLowerCase(Locale.ROOT);
    assertThat(answer)
        .as("answer to %s %s", method, abbreviate(target))
        .doesNotContain(SECRET.toLowerCase(Locale.ROOT))
        .doesNotContain(TOKEN.toLowerCase(Locale.ROOT))
        .doesNotContain(ADMIN_TOKEN.toLowerCase(Locale.ROOT));
  }

  @Test
  void theBlockedIpIsReallyBlocked() throws IOException {
    blockTheBlockedIp();

    RawHttp.Response response =
        RawHttp.get(mock.port(), CONTACTS + "?secret=" + SECRET + "&ip=" + BLOCKED_IP);

    assertThat(response.status()).isEqualTo(429);
  }

  private static void blockTheBlockedIp() throws IOException {
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
      RawHttp.get(mock.port(), CONTACTS + "?secret=not-" + i + "&ip=" + BLOCKED_IP);
    }
  }

  private static Arguments bad(String method, String target) {
    return bad(method, target, "", null);
  }

  private static Arguments bad(String method, String target, String headers) {
    return bad(method, target, headers, null);
  }

  private static Arguments bad(String method, String target, String headers, String body) {
    return Arguments.of(method, target, headers, body);
  }

  private static String abbreviate(String target) {
    return target.length() > 120 ? target.substring(0, 120) + "…" : target;
  }
}
