package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contractkit.mock.support.CapturedStandardError;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.FixtureFolder;
import io.contractkit.mock.support.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mock that serves a fixtures folder watches it: an edit is served once the watch has reloaded
 * it, an invalid one keeps the data and shows in health, and a burst of writes (an editor's
 * temporary file renamed over the old one, then two writes) gives one reload. Each test waits for a
 * condition with a time-out, never for time to pass, on a mock of its own (the folder is its
 * state).
 */
class FixtureWatchTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private FixtureFolder folder;
  private MockServer server;
  private CapturedStandardError log;

  @BeforeEach
  void startAMockOnACopyOfTheFixtures() {
    folder = FixtureFolder.copyOfTheBundledFixtures();
    log = CapturedStandardError.start();
    server =
        MockServer.start(
            MockConfig.defaults().withPort(0).withRequestLog(false).withFixtures(folder.path()),
            MutableClock.atFixedStart());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    log.close();
    folder.delete();
  }

  @Test
  void aValidEditIsServedOnceTheWatchHasReloadedIt() throws IOException {
    assertThat(fixtures().path("watching").asBoolean()).isTrue();

    folder.editContact(0, c -> c.put("FirstName", "Edited"));

    await().atMost(PATIENCE).until(() -> firstName().equals("Edited"));
    assertThat(fixtures().path("reloads").asLong()).isEqualTo(1);
    assertThat(log.text()).contains("fixtures reloaded from " + folder.path());
  }

  @Test
  void anInvalidEditKeepsTheDataAndShowsInHealthAndTheLog() throws IOException {
    folder.editContact(0, c -> c.put("Email", "e".repeat(251)));

    await().atMost(PATIENCE).until(() -> !fixtures().path("lastError").isNull());
    assertThat(fixtures().path("lastError").asString())
        .contains("contacts.json")
        .contains("/contacts/0/Email");
    assertThat(firstName()).isEqualTo("Zoë");
    assertThat(fixtures().path("reloads").asLong()).isZero();
    assertThat(log.text().lines().filter(l -> l.contains("fixtures not reloaded")))
        .singleElement()
        .asString()
        .contains("/contacts/0/Email");
  }

  @Test
  void aBurstOfWritesGivesOneReload() throws IOException {
    String first = folder.editedContacts(0, c -> c.put("FirstName", "First"));
    String second = folder.editedContacts(0, c -> c.put("FirstName", "Second"));
    String third = folder.editedContacts(0, c -> c.put("FirstName", "Third"));
    Path temporary = folder.path().resolve(".contacts.json.swp");

    Files.writeString(temporary, first);
    Files.move(
        temporary,
        folder.contactsFile(),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(folder.contactsFile(), second);
    Files.writeString(folder.contactsFile(), third);

    await().atMost(PATIENCE).until(() -> firstName().equals("Third"));
    assertThat(fixtures().path("reloads").asLong()).isEqualTo(1);

    // A later edit is a reload of its own: had the burst been two, this would make three.
    folder.editContact(0, c -> c.put("FirstName", "Fourth"));
    await().atMost(PATIENCE).until(() -> firstName().equals("Fourth"));
    assertThat(fixtures().path("reloads").asLong()).isEqualTo(2);
  }

  private String firstName() {
    String body =
        given()
            .baseUri(server.baseUri().toString())
            .queryParam("secret", Fixture.SECRET)
            .get("/api/v1/Contacts")
            .asString();
    return JSON.readTree(body).path("FirstName").asString();
  }

  private JsonNode fixtures() {
    String body = given().baseUri(server.baseUri().toString()).get("/__admin/health").asString();
    return JSON.readTree(body).path("fixtures");
  }
}
