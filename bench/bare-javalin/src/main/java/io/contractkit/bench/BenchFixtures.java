package io.contractkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled fixtures as the benchmark needs them: the exact bytes the mock serves (the fixture
 * node serialized by a default Jackson mapper, as the mock's FixtureLoader does), the seeded codes
 * (so that minting avoids them) and the fixed bodies of the null and not-found answers.
 */
record BenchFixtures(
    Map<String, byte[]> contactsBySecret,
    Map<String, byte[]> activeLeadsByAccessToken,
    Map<String, List<String>> seededCodesByAccessToken) {

  static final byte[] NULL_VALUES =
      ("{\"accessToken\":null,\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,"
              + "\"email\":null,\"phone\":null,\"fax\":null,\"notice\":null,\"company\":null}")
          .getBytes(StandardCharsets.UTF_8);

  static final byte[] NOT_FOUND =
      ("{\"type\":\"https://contract-kit.example/problems/not-found\",\"title\":\"Contact not"
              + " found\",\"status\":404,\"detail\":\"No contact has this secret.\","
              + "\"instance\":\"/api/v1/Contacts\"}")
          .getBytes(StandardCharsets.UTF_8);

  static final String JSON = "application/json;charset=utf-8";
  static final String PROBLEM_JSON = "application/problem+json";

  static BenchFixtures load(Path dir) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, byte[]> contacts = new LinkedHashMap<>();
    for (JsonNode c :
        json.readTree(Files.readAllBytes(dir.resolve("contacts.json"))).get("contacts")) {
      contacts.put(c.get("Secret").asString(), json.writeValueAsBytes(c));
    }
    Map<String, byte[]> leads = new LinkedHashMap<>();
    Map<String, List<String>> seeded = new LinkedHashMap<>();
    Instant now = Instant.now();
    for (JsonNode l : json.readTree(Files.readAllBytes(dir.resolve("leads.json"))).get("leads")) {
      JsonNode contact = l.get("contact");
      String code = contact.get("accessToken").get("code").asString();
      Instant expiration =
          OffsetDateTime.parse(contact.get("accessToken").get("expiration").asString()).toInstant();
      if (now.isBefore(expiration)) {
        leads.put(code, json.writeValueAsBytes(contact));
      }
      seeded.put(
          code, l.path("authTokens").valueStream().map(t -> t.get("code").asString()).toList());
    }
    return new BenchFixtures(contacts, leads, seeded);
  }
}
