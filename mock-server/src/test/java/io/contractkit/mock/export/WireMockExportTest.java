package io.contractkit.mock.export;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.contractkit.mock.Main;
import io.contractkit.mock.fixtures.FixtureLoader;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.SchemaCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code export --wiremock DIR}: plain WireMock (wiremock-standalone on port 0, loopback) on the
 * exported folder answers the fixtures as the mock does, over HTTP.
 */
class WireMockExportTest {
  static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";
  static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";
  static final String LEAD_TOKEN = "731904";
  static final String OTHER_LEAD = "lead-T2rIhEhvLlb5O7nb";
  static final String EXPIRED_LEAD = "lead-expiredLm5Vt2Kq8W";
  static final String EXPIRED_LEAD_TOKEN = "999001";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path root;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int export(String... args) {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void plainWireMockOnTheExportAnswersTheFixturesAsTheMockDoes() throws Exception {
    assertThat(export("export", "--wiremock", root.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("30 contacts and 12 leads")
        .contains(root.resolve("mappings").resolve(ExportCommand.FILE).toString());
    Fixtures bundled = new FixtureLoader(JSON, new SchemaCatalog()).load(null);

    WireMockServer wireMock =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderDirectory(root.toString()));
    wireMock.start();
    try {
      String base = wireMock.baseUrl();
      HttpResponse<String> found = get(base + "/API/v1/contacts/?secret=" + SECRET);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      assertThat(found.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(found.body())
          .isEqualTo(
              new String(bundled.contact(SECRET).orElseThrow().body(), StandardCharsets.UTF_8));

      HttpResponse<String> unknown = get(base + "/api/v1/Contacts?secret=nope");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(JSON.readTree(unknown.body()).path("title").asString())
          .isEqualTo("Contact not found");

      JsonNode missing = JSON.readTree(get(base + "/api/v1/Contacts").body());
      assertThat(missing.path("status").asInt()).isEqualTo(400);
      assertThat(missing.path("parameter").asString()).isEqualTo("secret");

      String release =
          base + "/lms/leads/bytoken/contact?source=web&accessToken=" + LEAD + "&authToken=";
      HttpResponse<String> first = get(release + LEAD_TOKEN);
      HttpResponse<String> again = get(release + LEAD_TOKEN);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body())
          .isEqualTo(new String(bundled.lead(LEAD).orElseThrow().body(), StandardCharsets.UTF_8));
      assertThat(JSON.readTree(again.body()).path("name").isNull()).isTrue();
      assertThat(again.body()).isEqualTo(nullValues());
      assertThat(get(release + "000000").body()).isEqualTo(nullValues());
      assertThat(
              get(base
                      + "/lms/leads/bytoken/contact?source=web&accessToken="
                      + EXPIRED_LEAD
                      + "&authToken="
                      + EXPIRED_LEAD_TOKEN)
                  .body())
          .isEqualTo(nullValues());

      // a lead with one seeded authToken that expired in 2025 and one that never expires
      String other = base + "/lms/leads/bytoken/contact?source=web&accessToken=" + OTHER_LEAD;
      assertThat(get(other + "&authToken=314159").body()).isEqualTo(nullValues());
      assertThat(get(other + "&authToken=271828").body()).isNotEqualTo(nullValues());

      for (String name : new String[] {"accessToken", "authToken", "source"}) {
        String query = "accessToken=" + LEAD + "&authToken=" + LEAD_TOKEN + "&source=web";
        query = query.replaceFirst(name + "=[^&]*&?", "");
        HttpResponse<String> bad = get(base + "/lms/leads/bytoken/contact?" + query);
        assertThat(bad.statusCode()).as(name).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("parameter").asString()).isEqualTo(name);
      }
    } finally {
      wireMock.stop();
    }
  }

  @Test
  void seededAuthTokensThatHaveExpiredAreLeftOut() {
    Fixtures bundled = new FixtureLoader(JSON, new SchemaCatalog()).load(null);
    WireMockExport export = new WireMockExport(JSON);

    long now = scenarios(export.mappings(bundled, Instant.parse("2026-01-01T00:00:00Z")));
    long later = scenarios(export.mappings(bundled, Instant.parse("2300-01-01T00:00:00Z")));

    assertThat(now).isPositive();
    assertThat(later).isZero();
  }

  private static long scenarios(JsonNode file) {
    long count = 0;
    for (JsonNode mapping : file.get("mappings")) {
      if (mapping.has("scenarioName")) {
        count++;
      }
    }
    return count;
  }

  @Test
  void invalidFixturesAreRefusedNamingTheProblemAndNothingIsWritten(@TempDir Path fixtures)
      throws Exception {
    Files.writeString(fixtures.resolve("contacts.json"), "[");
    Files.writeString(fixtures.resolve("leads.json"), "[]");

    int status = export("export", "--wiremock", root.toString(), "--fixtures", fixtures.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("contacts.json");
    assertThat(root.resolve("mappings")).doesNotExist();
  }

  @Test
  void theExportUsesTheCommandsClock() throws Exception {
    ExportCommand command = new ExportCommand();
    command.clock = Clock.fixed(Instant.parse("2300-01-01T00:00:00Z"), ZoneOffset.UTC);
    CommandLine cmd = new CommandLine(command);
    cmd.setOut(new PrintWriter(out, true));

    assertThat(cmd.execute("--wiremock", root.toString())).isZero();

    JsonNode file = JSON.readTree(root.resolve("mappings").resolve(ExportCommand.FILE).toFile());
    assertThat(scenarios(file)).isZero();
  }

  private static String nullValues() {
    return "{\"accessToken\":null,\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,"
        + "\"email\":null,\"phone\":null,\"fax\":null,\"notice\":null,\"company\":null}";
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
  }
}
