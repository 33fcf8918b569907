package io.contractkit.mock.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees: one log line per answered request (method, path, query, status, time), a
 * log line per outbox delivery (on standard error), and journal entries with a plausible duration.
 */
class RequestLogBehaviourTest {
  @RegisterExtension
  static final RunningMock mock =
      new RunningMock(MockConfig.defaults().withPort(0).withThrottle(RunningMock.TEST_THROTTLE));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Runs {@code requests} and returns what slf4j-simple logged meanwhile (stderr). */
  private static String logOf(ThrowingRunnable requests) throws IOException {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      requests.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  interface ThrowingRunnable {
    void run() throws IOException;
  }

  @Test
  void eachAnsweredRequestIsLoggedWithItsQueryAndStatus() throws IOException {
    RawHttp.get(mock.port(), "/api/v1/Contacts?secret=nope-7&ip=192.0.2.9");
    RawHttp.get(mock.port(), "/__admin/health");

    String log = String.join("\n", mock.requestLogLines());
    assertThat(log)
        .containsPattern(
            "INFO requests - GET /api/v1/Contacts\\?secret=nope-7&ip=192\\.0\\.2\\.9 404"
                + " \\d+\\.\\dms")
        .containsPattern("INFO requests - GET /__admin/health 200 \\d+\\.\\dms")
        .doesNotContain("/__admin/health?");
  }

  @Test
  void aDeliveryIsLoggedWithChannelRecipientAndLead() throws IOException {
    String log =
        logOf(
            () ->
                RawHttp.request(
                    mock.port(),
                    "POST",
                    "/lms/leads/bytoken/authtoken?accessToken="
                        + Fixture.OTHER_LEAD
                        + "&channel=sms&source=web",
                    ""));

    assertThat(log).containsPattern("outbox: sms to .+ for lead " + Fixture.OTHER_LEAD);
  }

  @Test
  void journalEntriesCarryADurationOfMillisecondsNotMicrosecondsOrHours() throws IOException {
    RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + Fixture.SECRET);

    JsonNode journal = JSON.readTree(RawHttp.get(mock.port(), "/__admin/journal?limit=1").body());

    JsonNode entry = journal.path("requests").get(0);
    assertThat(entry.path("path").asString()).isEqualTo("/api/v1/Contacts");
    double millis = entry.path("durationMillis").asDouble();
    assertThat(millis).isPositive().isLessThan(60_000);
    assertThat(entry.path("timestamp").asString())
        .isEqualTo(mock.clock().instant().truncatedTo(ChronoUnit.MILLIS).toString());
  }
}
