package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /__admin/reset} while requests of every kind are in flight: no request fails (no 5xx,
 * no dropped connection), every reset answers 204, and a request that starts after a reset returned
 * never sees half of it -- such as an outbox message whose authToken the reset already forgot.
 */
@Tag("stress")
class ResetUnderLoadTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final int WORKERS = 24;
  private static final int RESETS = 30;
  private static final int OLDEST_CHECKED = 10;
  private static final String LEAD_NAME = "Jürgen Weiß";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static LoadDriver load;

  @BeforeAll
  static void startLoad() {
    load = new LoadDriver(mock::port, WORKERS + 1);
  }

  @AfterAll
  static void stopLoad() {
    load.close();
  }

  /** The requests the background load cycles through: every operation that reads or writes. */
  private static final List<String[]> MIX =
      List.of(
          new String[] {"GET", "/api/v1/Contacts?secret=" + Fixture.SECRET + "&ip=192.0.2.%d"},
          new String[] {"GET", "/api/v1/Contacts?secret=wrong-%d&ip=198.51.100.7"},
          new String[] {"GET", "/api/v1/Contacts?secret=wrong-%d"},
          new String[] {
            "GET",
            "/lms/leads/bytoken/contact?accessToken="
                + Fixture.LEAD
                + "&authToken="
                + Fixture.LEAD_TOKEN
                + "&source=load-%d"
          },
          new String[] {
            "POST",
            "/lms/leads/bytoken/authtoken?accessToken="
                + Fixture.LEAD
                + "&channel=email&source=load-%d"
          },
          new String[] {
            "POST",
            "/lms/leads/bytoken/authtoken?accessToken="
                + Fixture.OTHER_LEAD
                + "&channel=sms&source=load-%d"
          },
          new String[] {
            "POST",
            "/lms/leads/bytoken/authtoken?accessToken="
                + Fixture.LEAD
                + "&channel=sms&source=load-%d"
          },
          new String[] {"GET", "/__admin/outbox?limit=%d"},
          new String[] {"GET", "/__admin/journal?limit=%d"},
          new String[] {"GET", "/__admin/health?n=%d"});

  @Test
  void resetsDuringLoadAreCleanAndNoRequestAfterAResetSeesHalfOfIt() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Future<Void>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      workers.add(
          load.background(
              () -> {
                for (int i = 0; running.get(); i++) {
                  String[] request = MIX.get((worker + i) % MIX.size());
                  String target = request[1].formatted(1 + (i % 200));
                  LoadDriver.Answer answer = load.exchange(request[0], target, "");
                  sent.incrementAndGet();
                  if (answer.status() >= 500) {
                    failures.add(answer.status() + " for " + target + ": " + answer.body());
                  }
                }
                return null;
              }));
    }
    try {
      for (int r = 0; r < RESETS; r++) {
        assertThat(load.post("/__admin/reset", "").status()).isEqualTo(204);
        assertEveryOutboxMessageHasAWorkingAuthToken(r);
      }
    } finally {
      running.set(false);
      for (Future<Void> worker : workers) {
        worker.get();
      }
    }

    assertThat(failures).as("5xx answers during the resets").isEmpty();
    assertThat(sent.get()).as("requests sent by the load").isGreaterThan(RESETS * 10);
    assertInitialStateAfterAQuietReset();
  }

  /**
   * Every message a request sees in the outbox after a reset was sent after it, so its authToken
   * must be known: a message whose token the reset forgot is half of a reset. Its id must be unique
   * too (the reset restarts the numbering).
   */
  private static void assertEveryOutboxMessageHasAWorkingAuthToken(int round) throws Exception {
    JsonNode messages =
        JSON.readTree(load.get("/__admin/outbox?limit=1000").body()).path("messages");
    Set<String> ids = new HashSet<>();
    for (JsonNode message : messages) {
      assertThat(ids.add(message.path("id").asString()))
          .as("message id %s is unique after reset %d", message.path("id"), round)
          .isTrue();
    }
    // A message sent across the reset would be among the oldest: check those (newest come first).
    for (int i = Math.max(0, messages.size() - OLDEST_CHECKED); i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      String release =
          "/lms/leads/bytoken/contact?accessToken="
              + message.path("accessToken").asString()
              + "&authToken="
              + message.path("authToken").asString()
              + "&source=check";
      JsonNode released = JSON.readTree(load.get(release).body());
      assertThat(released.path("name").isNull())
          .as("the authToken of %s (seen after reset %d) was forgotten", message, round)
          .isFalse();
    }
  }

  private static void assertInitialStateAfterAQuietReset() throws Exception {
    assertThat(load.post("/__admin/reset", "").status()).isEqualTo(204);

    JsonNode outbox = JSON.readTree(load.get("/__admin/outbox").body());
    assertThat(outbox.path("messages").isEmpty()).isTrue();
    String seeded =
        "/lms/leads/bytoken/contact?accessToken="
            + Fixture.LEAD
            + "&authToken="
            + Fixture.LEAD_TOKEN
            + "&source=web";
    assertThat(JSON.readTree(load.get(seeded).body()).path("name").asString()).isEqualTo(LEAD_NAME);
    // The ip that the load used for wrong secrets has its whole budget again.
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
      assertThat(load.get("/api/v1/Contacts?secret=nope-" + i + "&ip=198.51.100.7").status())
          .isEqualTo(404);
    }
    assertThat(load.get("/api/v1/Contacts?secret=nope&ip=198.51.100.7").status()).isEqualTo(429);
    // reset, outbox, seeded release, the lookups; the journal request itself is recorded after.
    JsonNode journal = JSON.readTree(load.get("/__admin/journal").body());
    assertThat(journal.path("total").asLong())
        .as("the journal counts from the reset: %s", journal)
        .isEqualTo(3 + RunningMock.TEST_THROTTLE.maxFailures() + 1);
  }
}
