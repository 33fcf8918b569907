package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contractkit.mock.fixtures.FixtureException;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fixture folder with one thing wrong stops the mock from starting, with a message that names the
 * file, the JSON pointer and the reason; a correct folder is served as written.
 */
class FixtureValidationTest {
  /** Surefire runs with the module folder as working directory; the fixtures live next to it. */
  private static final Path BUNDLED = Path.of("..", "fixtures");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path folder;

  private Path contactsFile;
  private Path leadsFile;

  @BeforeEach
  void copyTheBundledFixtures() throws IOException {
    contactsFile = folder.resolve("contacts.json");
    leadsFile = folder.resolve("leads.json");
    Files.copy(BUNDLED.resolve("contacts.json"), contactsFile);
    Files.copy(BUNDLED.resolve("leads.json"), leadsFile);
  }

  @Test
  void anEmailOf251CharactersIsRefusedAtItsPointer() throws IOException {
    editContact(3, c -> c.put("Email", "e".repeat(251 - "@example.com".length()) + "@example.com"));

    assertThat(startFailure().getMessage())
        .contains(contactsFile.toString())
        .contains("/contacts/3/Email")
        .contains("250");
  }

  @Test
  void anImpossibleDateTimeIsRefusedAtItsPointer() throws IOException {
    editContact(2, c -> c.put("RegistrationDateTime", "2024-13-45T00:00:00Z"));

    assertThat(startFailure().getMessage())
        .contains(contactsFile.toString())
        .contains("/contacts/2/RegistrationDateTime")
        .contains("date-time");
  }

  @Test
  void aMisspelledPropertyIsRefusedNamingIt() throws IOException {
    editContact(
        5,
        c -> {
          JsonNode firstName = c.remove("FirstName");
          c.set("FristName", firstName);
        });

    assertThat(startFailure().getMessage())
        .contains(contactsFile.toString())
        .contains("/contacts/5")
        .contains("FristName");
  }

  @Test
  void aVersionThatIsNotBase64IsRefusedAtItsPointer() throws IOException {
    editContact(1, c -> c.put("Version", "not base64!"));

    assertThat(startFailure().getMessage())
        .contains(contactsFile.toString())
        .contains("/contacts/1/Version")
        .contains("pattern");
  }

  @Test
  void aMissingRequiredPropertyIsRefusedNamingIt() throws IOException {
    editContact(4, c -> c.remove("RegistrationSource"));

    assertThat(startFailure().getMessage())
        .contains(contactsFile.toString())
        .contains("/contacts/4")
        .contains("RegistrationSource")
        .contains("required");
  }

  @Test
  void aDuplicateSecretIsRefusedAtTheSecondOne() throws IOException {
    ObjectNode root = read(contactsFile);
    String first = root.path("contacts").get(0).path("Secret").asString();
    ((ObjectNode) root.path("contacts").get(3)).put("Secret", first);
    write(contactsFile, root);

    assertThat(startFailure().getMessage())
        .contains(contactsFile.toString())
        .contains("/contacts/3/Secret")
        .contains("duplicate Secret");
  }

  @Test
  void aDuplicateAccessTokenIsRefusedAtTheSecondOne() throws IOException {
    ObjectNode root = read(leadsFile);
    String first =
        root.path("leads").get(0).path("contact").path("accessToken").path("code").asString();
    ((ObjectNode) root.path("leads").get(1).path("contact").path("accessToken")).put("code", first);
    write(leadsFile, root);

    assertThat(startFailure().getMessage())
        .contains(leadsFile.toString())
        .contains("/leads/1/contact/accessToken/code")
        .contains("duplicate accessToken");
  }

  @Test
  void aDuplicateSeededAuthTokenOfOneLeadIsRefused() throws IOException {
    ObjectNode root = read(leadsFile);
    ArrayNode tokens = (ArrayNode) root.path("leads").get(0).path("authTokens");
    ((ObjectNode) tokens.get(1)).put("code", tokens.get(0).path("code").asString());
    write(leadsFile, root);

    assertThat(startFailure().getMessage())
        .contains(leadsFile.toString())
        .contains("/leads/0/authTokens/1/code")
        .contains("duplicate authToken");
  }

  @Test
  void aSeededAuthTokenWithABadExpiryIsRefusedAtItsPointer() throws IOException {
    ObjectNode root = read(leadsFile);
    ((ObjectNode) root.path("leads").get(0).path("authTokens").get(0)).put("expiresAt", "tomorrow");
    write(leadsFile, root);

    assertThat(startFailure().getMessage())
        .contains(leadsFile.toString())
        .contains("/leads/0/authTokens/0/expiresAt")
        .contains("date-time");
  }

  @Test
  void invalidJsonIsRefusedNamingTheFile() throws IOException {
    String text = Files.readString(leadsFile);
    Files.writeString(leadsFile, text.substring(0, text.length() / 2));

    assertThat(startFailure().getMessage())
        .contains(leadsFile.toString())
        .contains("not valid JSON");
  }

  @Test
  void aMissingLeadsFileIsRefusedNamingIt() throws IOException {
    Files.delete(leadsFile);

    assertThat(startFailure().getMessage()).contains(leadsFile.toString()).contains("not found");
  }

  @Test
  void anEmptyContactListIsRefused() throws IOException {
    ObjectNode root = read(contactsFile);
    root.putArray("contacts");
    write(contactsFile, root);

    assertThat(startFailure().getMessage()).contains(contactsFile.toString()).contains("/contacts");
  }

  @Test
  void aCopiedFolderIsServedWithTheContactAsChangedThere() throws IOException {
    ObjectNode root = read(contactsFile);
    ObjectNode first = (ObjectNode) root.path("contacts").get(0);
    String secret = first.path("Secret").asString();
    first.put("FirstName", "Zoë-Änderung");
    first.put("Email", "changed@example.org");
    ObjectNode added = first.deepCopy();
    added.put("Id", 99001);
    added.put("Secret", "Added0Secret0ForTest1");
    added.put("LastName", "Neuer Kontakt");
    ((ArrayNode) root.path("contacts")).add(added);
    write(contactsFile, root);

    try (MockServer server =
        MockServer.start(MockConfig.defaults().withPort(0).withFixtures(folder))) {
      Response changed =
          given()
              .baseUri(server.baseUri().toString())
              .queryParam("secret", secret)
              .get("/api/v1/Contacts");
      Response fresh =
          given()
              .baseUri(server.baseUri().toString())
              .queryParam("secret", "Added0Secret0ForTest1")
              .get("/api/v1/Contacts");

      assertThat(changed.statusCode()).isEqualTo(200);
      JsonNode contact = JSON.readTree(changed.asString());
      assertThat(contact.path("FirstName").asString()).isEqualTo("Zoë-Änderung");
      assertThat(contact.path("Email").asString()).isEqualTo("changed@example.org");
      assertThat(fresh.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(fresh.asString()).path("LastName").asString())
          .isEqualTo("Neuer Kontakt");
      assertThat(server.fixtures().contactsBySecret()).hasSize(root.path("contacts").size());
    }
  }

  private FixtureException startFailure() {
    FixtureException failure =
        catchThrowableOfType(
            FixtureException.class,
            () -> {
              try (MockServer server =
                  MockServer.start(MockConfig.defaults().withPort(0).withFixtures(folder))) {
                throw new AssertionError(
                    "the mock started on broken fixtures at " + server.baseUri());
              }
            });
    assertThat(failure).as("FixtureException from MockServer.start").isNotNull();
    return failure;
  }

  private void editContact(int index, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = read(contactsFile);
    edit.accept((ObjectNode) root.path("contacts").get(index));
    write(contactsFile, root);
  }

  private static ObjectNode read(Path file) throws IOException {
    return (ObjectNode) JSON.readTree(Files.readString(file));
  }

  private static void write(Path file, JsonNode root) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }
}
