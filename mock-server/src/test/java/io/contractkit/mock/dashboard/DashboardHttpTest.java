package io.contractkit.mock.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The dashboard over HTTP: its pages and files come from the jar with a strict content security
 * policy, need no admin token (the admin API they call does), and its event stream says what
 * changed, needs the token, is bounded and ends when the mock stops.
 */
class DashboardHttpTest {
  private static final String TOKEN = "dashboard-admin-token";
  private static final Path SCHEMAS = Path.of("..", "schemas").toAbsolutePath().normalize();

  @RegisterExtension static final RunningMock mock = new RunningMock();

  @RegisterExtension
  static final RunningMock guarded =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withAdminToken(TOKEN));

  @Test
  void theAdminRootRedirectsToTheDashboard() throws IOException {
    for (String target : List.of("/__admin", "/__admin/", "/__ADMIN")) {
      RawHttp.Response answer = RawHttp.get(mock.port(), target);
      assertThat(answer.status()).as(target).isEqualTo(302);
      assertThat(answer.header("Location")).as(target).isEqualTo("/__admin/ui");
    }
  }

  @Test
  void thePageAndItsFilesComeFromTheJarUnderAStrictPolicy() throws IOException {
    assertPage("/__admin/ui", "text/html", "<main id=\"main\"");
    assertPage("/__admin/ui/app.js", "text/javascript", "/__admin/events");
    assertPage("/__admin/ui/style.css", "text/css", "prefers-color-scheme: dark");
    RawHttp.Response page = RawHttp.get(mock.port(), "/__admin/ui");
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws IOException {
    for (String file : List.of("/__admin/ui", "/__admin/ui/app.js", "/__admin/ui/style.css")) {
      assertThat(RawHttp.get(mock.port(), file).body())
          .as(file)
          .doesNotContain("http://", "https://");
    }
  }

  @Test
  void aFileTheDashboardDoesNotHaveIsAProblem() throws IOException {
    for (String target : List.of("/__admin/ui/secret.txt", "/__admin/docs/index.html")) {
      RawHttp.Response answer = RawHttp.get(mock.port(), target);
      assertThat(answer.status()).as(target).isEqualTo(404);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }
  }

  @Test
  void theDocsAreSwaggerUiFromItsWebjar() throws IOException {
    assertPage("/__admin/docs", "text/html", "/__admin/docs/swagger-ui-bundle.js");
    assertPage("/__admin/docs/docs.js", "text/javascript", "/__admin/openapi.yaml");
    assertPage("/__admin/docs/swagger-ui-bundle.js", "text/javascript", "SwaggerUIBundle");
    assertPage("/__admin/docs/swagger-ui.css", "text/css", ".swagger-ui");
    assertThat(RawHttp.get(mock.port(), "/__admin/docs").header("Content-Security-Policy"))
        .contains("style-src 'self' 'unsafe-inline'")
        .contains("script-src 'self';");
  }

  @Test
  void theServedDocumentIsTheRepositorysWithThisMockAsItsFirstServer() throws IOException {
    RawHttp.Response answer = RawHttp.get(mock.port(), "/__admin/openapi.yaml");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/yaml");
    YAMLMapper yaml = new YAMLMapper();
    JsonNode served = yaml.readTree(answer.body());
    JsonNode file = yaml.readTree(SCHEMAS.resolve("openapi.yaml").toFile());

    assertThat(served.path("servers").get(0).path("url").asString()).isEqualTo("/");
    assertThat(served.path("servers").get(1)).isEqualTo(file.path("servers").get(0));
    ((tools.jackson.databind.node.ObjectNode) served).remove("servers");
    ((tools.jackson.databind.node.ObjectNode) file).remove("servers");
    assertThat(served).isEqualTo(file);
  }

  @Test
  void everySchemaTheDocumentRefersToIsServedBesideIt() throws IOException {
    String document = Files.readString(SCHEMAS.resolve("openapi.yaml"));
    List<String> referred = new ArrayList<>();
    var refs = java.util.regex.Pattern.compile("\\$ref: '\\./([^'#]+)'").matcher(document);
    while (refs.find()) {
      if (!referred.contains(refs.group(1))) {
        referred.add(refs.group(1));
      }
    }
    assertThat(referred).hasSizeGreaterThanOrEqualTo(4);
    for (String name : referred) {
      RawHttp.Response answer = RawHttp.get(mock.port(), "/__admin/" + name);
      assertThat(answer.status()).as(name).isEqualTo(200);
      assertThat(answer.header("Content-Type")).startsWith("application/schema+json");
      assertThat(answer.body()).isEqualTo(Files.readString(SCHEMAS.resolve(name)));
    }
  }

  @Test
  void withAnAdminTokenThePagesOpenWithoutItButTheApiAndTheStreamNeedIt() throws IOException {
    for (String page :
        List.of("/__admin/ui", "/__admin/ui/app.js", "/__admin/docs", "/__admin/openapi.yaml")) {
      assertThat(RawHttp.get(guarded.port(), page).status()).as(page).isEqualTo(200);
    }
    assertThat(RawHttp.get(guarded.port(), "/__admin").status()).isEqualTo(302);
    assertThat(RawHttp.get(guarded.port(), "/__admin/outbox").status()).isEqualTo(401);
    RawHttp.Response stream =
        RawHttp.request(guarded.port(), "GET", "/__admin/events", "Accept: text/event-stream\r\n");
    assertThat(stream.status()).isEqualTo(401);
    assertThat(stream.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aPageFromAnotherOriginGetsNoPartOfTheDashboard() throws IOException {
    for (String target : List.of("/__admin/ui/app.js", "/__admin/openapi.yaml")) {
      RawHttp.Response answer =
          RawHttp.request(mock.port(), "GET", target, "Origin: http://evil.example\r\n");
      assertThat(answer.status()).as(target).isEqualTo(403);
    }
  }

  @Test
  void theStreamNeedsTheEventStreamMediaType() throws IOException {
    RawHttp.Response answer = RawHttp.get(mock.port(), "/__admin/events");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("text/event-stream");
  }

  @Test
  void aStreamFirstSaysEverythingChangedThenWhatARequestChanged() throws IOException {
    try (EventStream stream = EventStream.open(guarded.port(), "Authorization: Bearer " + TOKEN)) {
      assertThat(stream.head())
          .startsWith("HTTP/1.1 200")
          .containsIgnoringCase("text/event-stream");
      String first = stream.nextEvent();
      assertThat(first)
          .contains("event: changed")
          .contains(
              "\"topics\":[\"outbox\",\"journal\",\"throttle\",\"tokens\",\"faults\",\"state\"]")
          .contains("\"now\":\"" + guarded.clock().instant() + "\"");
      assertThat(guarded.server().changes().watched()).isTrue();

      RawHttp.request(
          guarded.port(),
          "POST",
          "/lms/leads/bytoken/authtoken?accessToken=lead-7Gk2mQ9xWp4tR8vZ&channel=sms&source=web",
          "");

      assertThat(stream.nextEvent())
          .contains("\"topics\":[\"outbox\",\"journal\",\"tokens\",\"faults\"]");
    }
  }

  @Test
  void theNumberOfOpenStreamsIsBounded() throws IOException {
    MockServer server = MockServer.start(MockConfig.defaults().withPort(0).withRequestLog(false));
    List<EventStream> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        EventStream stream = EventStream.open(server.port(), "");
        streams.add(stream);
        assertThat(stream.nextEvent()).as("stream %d", i + 1).contains("event: changed");
      }
      assertThat(server.changes().streams()).isEqualTo(16);

      RawHttp.Response refused =
          RawHttp.request(server.port(), "GET", "/__admin/events", "Accept: text/event-stream\r\n");

      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(server.changes().streams()).isEqualTo(16);
    } finally {
      long started = System.nanoTime();
      assertThat(server.stop(() -> {})).as("every request answered in time").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("open streams do not hold the stop")
          .isLessThan(Duration.ofSeconds(3));
      for (EventStream stream : streams) {
        stream.close();
      }
    }
  }

  private static void assertPage(String target, String type, String content) throws IOException {
    RawHttp.Response answer = RawHttp.get(mock.port(), target);
    assertThat(answer.status()).as(target).isEqualTo(200);
    assertThat(answer.header("Content-Type")).as(target).startsWith(type);
    assertThat(answer.body()).as(target).contains(content);
  }

  /** A raw connection to {@code /__admin/events}, read event by event. */
  private static final class EventStream implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private int consumed;
    private String head;

    private EventStream(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
    }

    static EventStream open(int port, String header) throws IOException {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(5_000);
      String request =
          "GET /__admin/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
              + (header.isEmpty() ? "" : header + "\r\n")
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new EventStream(socket);
    }

    String head() throws IOException {
      if (head == null) {
        head = until("\r\n\r\n");
      }
      return head;
    }

    /** The next event's lines (up to its blank line); fails after 5 s without one. */
    String nextEvent() throws IOException {
      head();
      return until("\n\n");
    }

    private String until(String end) throws IOException {
      byte[] buffer = new byte[4096];
      for (; ; ) {
        String text = read.toString(StandardCharsets.UTF_8);
        int at = text.indexOf(end, consumed);
        if (at >= 0) {
          String part = text.substring(consumed, at);
          consumed = at + end.length();
          return part;
        }
        int n;
        try {
          n = in.read(buffer);
        } catch (SocketTimeoutException e) {
          throw new AssertionError("no '" + end.replace("\n", "\\n") + "' within 5 s: " + text, e);
        }
        if (n < 0) {
          throw new AssertionError("the stream ended: " + text);
        }
        read.write(buffer, 0, n);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
