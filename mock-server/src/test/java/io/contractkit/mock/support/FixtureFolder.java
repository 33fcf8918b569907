package io.contractkit.mock.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A temporary copy of the bundled fixtures, for a mock started with {@code --fixtures}. */
public final class FixtureFolder {
  private static final Path BUNDLED = Path.of("..", "fixtures");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path path;

  private FixtureFolder(Path path) {
    this.path = path;
  }

  public static FixtureFolder copyOfTheBundledFixtures() {
    try {
      FixtureFolder folder = new FixtureFolder(Files.createTempDirectory("mock-fixtures-"));
      folder.restore();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path path() {
    return path;
  }

  public Path contactsFile() {
    return path.resolve("contacts.json");
  }

  public Path leadsFile() {
    return path.resolve("leads.json");
  }

  /** Both files as bundled again. */
  public void restore() throws IOException {
    Files.copy(
        BUNDLED.resolve("contacts.json"), contactsFile(), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(BUNDLED.resolve("leads.json"), leadsFile(), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Changes the contact at {@code index} in contacts.json, written in place. */
  public void editContact(int index, Consumer<ObjectNode> change) throws IOException {
    Files.writeString(contactsFile(), editedContacts(index, change));
  }

  /** contacts.json with the contact at {@code index} changed, as text. */
  public String editedContacts(int index, Consumer<ObjectNode> change) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(contactsFile().toFile());
    change.accept((ObjectNode) root.path("contacts").get(index));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** Changes the list of leads in leads.json, written in place. */
  public void editLeads(Consumer<ArrayNode> change) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(leadsFile().toFile());
    change.accept((ArrayNode) root.path("leads"));
    Files.writeString(leadsFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  public int contactCount() {
    return count(contactsFile(), "contacts");
  }

  public int leadCount() {
    return count(leadsFile(), "leads");
  }

  private static int count(Path file, String list) {
    JsonNode root = JSON.readTree(file.toFile());
    return root.path(list).size();
  }

  public void delete() throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
