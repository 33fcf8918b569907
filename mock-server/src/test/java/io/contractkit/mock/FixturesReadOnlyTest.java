package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.MutableClock;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock only reads its fixture folder: it starts from a read-only folder, and after every kind
 * of request and reset the folder holds the same files, byte for byte, with the same modification
 * times, and nothing new.
 */
class FixturesReadOnlyTest {
  private static final String READ_ONLY_FILE = "r--r--r--";
  private static final String READ_ONLY_DIR = "r-xr-xr-x";

  @TempDir Path dir;
  private Path fixtures;

  @AfterEach
  void makeWritableAgainForCleanUp() throws IOException {
    if (fixtures != null) {
      Files.setPosixFilePermissions(fixtures, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void theMockStartsFromAReadOnlyFolderAndNeverChangesIt() throws IOException {
    fixtures = readOnlyCopyOfTheBundledFixtures();
    Map<String, Snapshot> before = snapshot(fixtures);

    try (MockServer server =
        MockServer.start(
            MockConfig.defaults().withPort(0).withFixtures(fixtures),
            MutableClock.atFixedStart())) {
      RequestSpecification spec = given().baseUri(server.baseUri().toString());
      spec.get("/__admin/health").then().statusCode(200);
      exerciseEveryKindOfState(server.baseUri().toString());
      given().baseUri(server.baseUri().toString()).post("/__admin/reset").then().statusCode(204);
      exerciseEveryKindOfState(server.baseUri().toString());
      given().baseUri(server.baseUri().toString()).post("/__admin/reset").then().statusCode(204);
    }

    assertThat(snapshot(fixtures)).isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(fixtures))
        .isEqualTo(PosixFilePermissions.fromString(READ_ONLY_DIR));
  }

  /** Uses up seeded tokens, mints and sends tokens, blocks an ip, clears outbox and journal. */
  private static void exerciseEveryKindOfState(String baseUri) {
    given()
        .baseUri(baseUri)
        .queryParam("accessToken", Fixture.LEAD)
        .queryParam("authToken", Fixture.LEAD_TOKEN)
        .queryParam("source", "web")
        .get("/lms/leads/bytoken/contact")
        .then()
        .statusCode(200);
    given()
        .baseUri(baseUri)
        .contentType("application/json")
        .body("{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"424242\"}")
        .post("/__admin/authtokens")
        .then()
        .statusCode(201);
    given()
        .baseUri(baseUri)
        .queryParam("accessToken", Fixture.OTHER_LEAD)
        .queryParam("channel", "sms")
        .queryParam("source", "web")
        .post("/lms/leads/bytoken/authtoken")
        .then()
        .statusCode(202);
    for (int i = 0; i < 12; i++) {
      given()
          .baseUri(baseUri)
          .queryParam("secret", "wrong-" + i)
          .queryParam("ip", "198.51.100.9")
          .get("/api/v1/Contacts");
    }
    given().baseUri(baseUri).delete("/__admin/outbox").then().statusCode(204);
    given().baseUri(baseUri).delete("/__admin/journal").then().statusCode(204);
  }

  private Path readOnlyCopyOfTheBundledFixtures() throws IOException {
    Path copy = Files.createDirectory(dir.resolve("fixtures"));
    for (String name : new String[] {"contacts.json", "leads.json"}) {
      Path file = Files.copy(Path.of("..", "fixtures", name), copy.resolve(name));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(READ_ONLY_FILE));
    }
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(READ_ONLY_DIR));
    return copy;
  }

  private record Snapshot(byte[] bytes, FileTime modified, String permissions) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Snapshot s
          && Arrays.equals(bytes, s.bytes)
          && modified.equals(s.modified)
          && permissions.equals(s.permissions);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return bytes.length + " bytes, modified " + modified + ", " + permissions;
    }
  }

  /** Every entry of the folder (and the folder itself) with its content, mtime and permissions. */
  private static Map<String, Snapshot> snapshot(Path folder) throws IOException {
    Map<String, Snapshot> entries = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.toList()) {
        byte[] bytes = Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0];
        entries.put(
            folder.relativize(p).toString(),
            new Snapshot(
                bytes,
                Files.getLastModifiedTime(p),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(p))));
      }
    }
    return entries;
  }
}
