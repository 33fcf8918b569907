package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.MutableClock;
import io.contractkit.mock.support.RawHttp;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server of its own, started by this test, is wired completely: every route, the before and after
 * handlers, CORS, the problem renderers and Jetty's error handler. Most tests share a server
 * ({@code RunningMock}); this one starts its own, so that what a start does is tested by a start.
 */
class FreshServerTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FRONTEND = "http://localhost:5173";

  @Test
  void aFreshServerAnswersEveryKindOfRequestAsDocumented() throws IOException {
    MockConfig config =
        MockConfig.defaults()
            .withPort(0)
            .withRequestLog(false)
            .withCorsOrigins(List.of(FRONTEND, "http://localhost:3000"));
    try (MockServer server = MockServer.start(config, MutableClock.atFixedStart())) {
      int port = server.port();
      assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + port);

      RawHttp.Response found =
          RawHttp.get(port, "/api/v1/Contacts?secret=" + Fixture.SECRET + "&ip=192.0.2.10");
      assertThat(found.status()).isEqualTo(200);
      assertThat(found.header("Cache-Control")).isEqualTo("no-store");
      assertThat(JSON.readTree(found.body()).path("Secret").asString()).isEqualTo(Fixture.SECRET);

      RawHttp.Response lead =
          RawHttp.get(
              port,
              "/lms/leads/bytoken/contact?accessToken="
                  + Fixture.LEAD
                  + "&authToken="
                  + Fixture.LEAD_TOKEN
                  + "&source=web");
      assertThat(lead.status()).isEqualTo(200);
      assertThat(JSON.readTree(lead.body()).path("accessToken").isObject()).isTrue();

      RawHttp.Response sent =
          RawHttp.request(
              port,
              "POST",
              "/lms/leads/bytoken/authtoken?accessToken="
                  + Fixture.LEAD
                  + "&channel=email&source=web",
              "",
              "");
      assertThat(sent.status()).isEqualTo(202);

      RawHttp.Response noRoute = RawHttp.get(port, "/nowhere");
      assertThat(noRoute.status()).isEqualTo(404);
      assertThat(noRoute.header("Content-Type")).startsWith("application/problem+json");

      RawHttp.Response tooLong =
          RawHttp.request(port, "GET", "/api/v1/Contacts", "X-Big: " + "a".repeat(20_000) + "\r\n");
      assertThat(tooLong.status()).isEqualTo(431);
      assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");

      RawHttp.Response preflight =
          RawHttp.request(
              port,
              "OPTIONS",
              "/api/v1/Contacts",
              "Origin: http://localhost:3000\r\nAccess-Control-Request-Method: GET\r\n");
      assertThat(preflight.header("Access-Control-Allow-Origin"))
          .isEqualTo("http://localhost:3000");

      JsonNode health = JSON.readTree(RawHttp.get(port, "/__admin/health").body());
      JsonNode fixtures = health.path("fixtures");
      assertThat(fixtures.path("source").asString()).isEqualTo("bundled");
      assertThat(fixtures.path("watching").asBoolean()).isFalse();
      assertThat(fixtures.path("reloads").asLong()).isZero();
      assertThat(fixtures.path("lastError").isNull()).isTrue();
      assertThat(fixtures.path("loadedAt").asString())
          .isEqualTo(health.path("startedAt").asString());

      JsonNode journal =
          JSON.readTree(RawHttp.get(port, "/__admin/journal?limit=10").body()).path("requests");
      assertThat(journal.size()).isGreaterThanOrEqualTo(4);
      JsonNode contactsEntry = journal.get(journal.size() - 1);
      assertThat(contactsEntry.path("path").asString()).isEqualTo("/api/v1/Contacts");
      assertThat(contactsEntry.path("durationMillis").asDouble()).isPositive();

      assertThat(RawHttp.request(port, "POST", "/__admin/reset", "", "").status()).isEqualTo(204);
    }
  }
}
