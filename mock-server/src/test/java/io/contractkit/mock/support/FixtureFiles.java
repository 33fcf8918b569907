package io.contractkit.mock.support;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the bundled fixture files as JSON, for expected bodies. */
public final class FixtureFiles {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path FOLDER = Path.of("..", "fixtures");

  private FixtureFiles() {}

  public static JsonNode contacts() {
    return JSON.readTree(FOLDER.resolve("contacts.json").toFile()).get("contacts");
  }

  public static JsonNode leads() {
    return JSON.readTree(FOLDER.resolve("leads.json").toFile()).get("leads");
  }

  public static JsonNode contact(String secret) {
    for (JsonNode c : contacts()) {
      if (c.get("Secret").asString().equals(secret)) {
        return c;
      }
    }
    throw new AssertionError("no fixture contact with secret " + secret);
  }

  public static JsonNode leadContact(String accessToken) {
    for (JsonNode l : leads()) {
      if (l.get("contact").get("accessToken").get("code").asString().equals(accessToken)) {
        return l.get("contact");
      }
    }
    throw new AssertionError("no fixture lead with accessToken " + accessToken);
  }

  static String leadCodeHoldingAuthToken(String authToken) {
    for (JsonNode l : leads()) {
      for (JsonNode t : l.path("authTokens")) {
        if (t.get("code").asString().equals(authToken)) {
          return l.get("contact").get("accessToken").get("code").asString();
        }
      }
    }
    throw new AssertionError("no fixture lead holds authToken " + authToken);
  }

  public static JsonNode parse(String json) {
    return JSON.readTree(json);
  }
}
