package io.contractkit.mock.client;

import io.contractkit.mock.admin.JournalEntry;
import io.contractkit.mock.lms.Channel;
import io.contractkit.mock.lms.OutboxMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small Java client of the mock's admin API (and of its send-token route), for tests: read the
 * outbox, mint and send authTokens, read the journal, add fault rules, reset. It talks HTTP, so it
 * works against any running mock: the one the JUnit extension started, the jar, a container.
 *
 * <pre>
 * MockAdmin admin = MockAdmin.connect("http://127.0.0.1:8080").withAdminToken(token);
 * admin.reset();
 * String code = admin.sendAuthTokenAndReadMessage(accessToken, Channel.SMS, "web").authToken();
 * </pre>
 *
 * <p>An answer other than the expected one is a {@link MockAdminException} with the status and the
 * mock's problem title and detail; a mock that cannot be reached is a {@link MockAdminException}
 * with status 0. Instances are immutable and safe to share between threads.
 */
public final class MockAdmin {
  /** How long a request may take, unless {@link #withTimeout} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final URI base;
  private final String adminToken;
  private final Duration timeout;
  private final HttpClient http;

  private MockAdmin(URI base, String adminToken, Duration timeout, HttpClient http) {
    this.base = base;
    this.adminToken = adminToken;
    this.timeout = timeout;
    this.http = http;
  }

  /**
   * A client of the mock at {@code baseUrl} ({@code http://127.0.0.1:8080}, with or without a
   * path).
   */
  public static MockAdmin connect(String baseUrl) {
    return connect(URI.create(baseUrl));
  }

  public static MockAdmin connect(URI baseUri) {
    if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
      throw new IllegalArgumentException(
          "the mock's base URL must be absolute, like http://127.0.0.1:8080");
    }
    String text = baseUri.toString();
    URI base = URI.create(text.endsWith("/") ? text : text + "/");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(DEFAULT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new MockAdmin(base, null, DEFAULT_TIMEOUT, http);
  }

  /** The same client, sending {@code Authorization: Bearer token} (the mock's --admin-token). */
  public MockAdmin withAdminToken(String token) {
    return new MockAdmin(base, token, timeout, http);
  }

  /** The same client, with requests that may take up to {@code requestTimeout}. */
  public MockAdmin withTimeout(Duration requestTimeout) {
    return new MockAdmin(base, adminToken, requestTimeout, http);
  }

  /** The base URL this client talks to, ending with {@code /}. */
  public URI baseUri() {
    return base;
  }

  // --- the mock's state -------------------------------------------------------------------------

  /** {@code GET /__admin/health}: is the mock up, and on what data. */
  public Health health() {
    return read(send("GET", "__admin/health", null, 200), Health.class);
  }

  /**
   * {@code POST /__admin/reset}: back to the state of a fresh start (seeded authTokens, no
   * throttled ips, empty outbox and journal).
   */
  public void reset() {
    send("POST", "__admin/reset", null, 204);
  }

  // --- outbox ----------------------------------------------------------------------------------

  /** The messages in the outbox, newest first (at most 100, the mock's default). */
  public List<OutboxMessage> outbox() {
    return outbox(null, null, 0);
  }

  /** The messages sent to the lead with this accessToken, newest first. */
  public List<OutboxMessage> outbox(String accessToken) {
    return outbox(accessToken, null, 0);
  }

  /**
   * The messages in the outbox, newest first, to the lead with {@code accessToken} (null: any), by
   * {@code channel} (null: any), at most {@code limit} (0: the mock's default of 100; at most
   * 1000).
   */
  public List<OutboxMessage> outbox(String accessToken, Channel channel, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    if (accessToken != null) {
      query.put("accessToken", accessToken);
    }
    if (channel != null) {
      query.put("channel", channel.wireName());
    }
    if (limit != 0) {
      query.put("limit", String.valueOf(limit));
    }
    return read(send("GET", "__admin/outbox" + query(query), null, 200), Outbox.class).messages();
  }

  /** The newest message sent to the lead with this accessToken, if any. */
  public Optional<OutboxMessage> latestMessage(String accessToken) {
    return outbox(accessToken, null, 1).stream().findFirst();
  }

  /** {@code DELETE /__admin/outbox}. */
  public void clearOutbox() {
    send("DELETE", "__admin/outbox", null, 204);
  }

  // --- authTokens ------------------------------------------------------------------------------

  /**
   * A fresh random authToken for the lead, valid for the mock's token lifetime; no outbox entry.
   */
  public MintedAuthToken mintAuthToken(String accessToken) {
    return mintAuthToken(accessToken, null, null);
  }

  /**
   * An authToken for the lead: {@code code} (null: a random 6-digit one), valid for {@code ttl}
   * (null: the mock's token lifetime; whole seconds). No outbox entry.
   */
  public MintedAuthToken mintAuthToken(String accessToken, String code, Duration ttl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accessToken", accessToken);
    if (code != null) {
      body.put("code", code);
    }
    if (ttl != null) {
      body.put("ttlSeconds", ttl.toSeconds());
    }
    return read(send("POST", "__admin/authtokens", body, 201), MintedAuthToken.class);
  }

  /**
   * {@code POST /lms/leads/bytoken/authtoken}: what a frontend does when the lead asks for a code;
   * the answer names the masked recipient, the code itself is in the outbox.
   */
  public SentAuthToken sendAuthToken(String accessToken, Channel channel, String source) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("accessToken", accessToken);
    query.put("channel", channel.wireName());
    query.put("source", source);
    return read(
        send("POST", "lms/leads/bytoken/authtoken" + query(query), null, 202), SentAuthToken.class);
  }

  /**
   * Sends a fresh authToken as {@link #sendAuthToken} does and returns the message the lead
   * received, with the code in {@link OutboxMessage#authToken()}.
   */
  public OutboxMessage sendAuthTokenAndReadMessage(
      String accessToken, Channel channel, String source) {
    SentAuthToken sent = sendAuthToken(accessToken, channel, source);
    return outbox(accessToken, channel, 0).stream()
        .filter(m -> m.id().equals(sent.messageId()))
        .findFirst()
        .orElseThrow(
            () ->
                new MockAdminException(
                    0,
                    "message " + sent.messageId() + " was sent but is not in the outbox",
                    null,
                    null));
  }

  // --- journal ---------------------------------------------------------------------------------

  /** The newest requests the mock answered (at most 100, the mock's default), and the total. */
  public Journal journal() {
    return journal(0);
  }

  /** The newest {@code limit} requests (0: the mock's default of 100; at most 1000). */
  public Journal journal(int limit) {
    String target = "__admin/journal" + (limit == 0 ? "" : "?limit=" + limit);
    return read(send("GET", target, null, 200), Journal.class);
  }

  /** {@code DELETE /__admin/journal}. */
  public void clearJournal() {
    send("DELETE", "__admin/journal", null, 204);
  }

  // --- faults and latency (the README's "Faults and latency") ----------------------------------

  /**
   * {@code POST /__admin/faults}: the next {@code times} requests to {@code route} ({@code
   * contacts}, {@code lead-contact}, {@code send-authtoken} or {@code *}) are answered with {@code
   * status} instead; then the real answers come back.
   */
  public FaultRule addFault(String route, int status, int times) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("route", route);
    rule.put("fault", Map.of("status", status));
    rule.put("times", times);
    return addFault(rule);
  }

  /**
   * {@code POST /__admin/faults} with a rule as the README writes it: {@code route}, {@code match}
   * (query values), {@code fault} ({@code status}, {@code headers}, {@code body}, {@code delay},
   * {@code kind}), {@code times}, {@code probability}, in a {@code Map} or anything Jackson writes
   * as that object. Answers the rule as stored, with its id.
   */
  public FaultRule addFault(Object rule) {
    return read(send("POST", "__admin/faults", rule, 201), FaultRule.class);
  }

  /** {@code GET /__admin/faults}: the rules, newest first, with the latency and the seed. */
  public Faults faults() {
    return read(send("GET", "__admin/faults", null, 200), Faults.class);
  }

  /** {@code DELETE /__admin/faults/{id}}; an unknown id is a {@link MockAdminException} (404). */
  public void removeFault(String id) {
    send("DELETE", "__admin/faults/" + pathSegment(id), null, 204);
  }

  /** {@code DELETE /__admin/faults}: every rule. */
  public void clearFaults() {
    send("DELETE", "__admin/faults", null, 204);
  }

  // --- the clock (the README's "Steering the mock from tests") --------------------------------

  /** {@code GET /__admin/clock}: the mock's time now, how far it is moved, and whether frozen. */
  public ClockState clock() {
    return read(send("GET", "__admin/clock", null, 200), ClockState.class);
  }

  /**
   * {@code POST /__admin/clock {"advance": …}}: moves the mock's time forward; tokens expire,
   * blocks lift and {@code Retry-After} counts down as if that much time had passed.
   */
  public ClockState advanceClock(Duration by) {
    return changeClock(Map.of("advance", by.toString()));
  }

  /** {@code POST /__admin/clock {"set": …}}: the mock's time is now {@code instant} (also back). */
  public ClockState setClock(Instant instant) {
    return changeClock(Map.of("set", instant.toString()));
  }

  /** {@code POST /__admin/clock {"freeze": …}}: stops the mock's time, or lets it run again. */
  public ClockState freezeClock(boolean frozen) {
    return changeClock(Map.of("freeze", frozen));
  }

  private ClockState changeClock(Map<String, Object> change) {
    return read(send("POST", "__admin/clock", change, 200), ClockState.class);
  }

  // --- test data at run time -------------------------------------------------------------------

  /** {@code GET /__admin/contacts}: every contact served, as {@code contacts.json} lists them. */
  public List<JsonNode> contacts() {
    return read(send("GET", "__admin/contacts", null, 200), Contacts.class).contacts();
  }

  /**
   * {@code PUT /__admin/contacts/{Secret}}: adds or replaces the contact with the body's {@code
   * Secret}; the body is a {@code ReadContactDto} (a {@code JsonNode}, a {@code Map} or anything
   * Jackson writes as one). A body that breaks the schema is a {@link MockAdminException} (422)
   * whose detail lists every violation.
   */
  public void putContact(String secret, Object contact) {
    send("PUT", "__admin/contacts/" + pathSegment(secret), contact, 200, 201);
  }

  /** {@code DELETE /__admin/contacts/{secret}}; an unknown secret is a 404 exception. */
  public void deleteContact(String secret) {
    send("DELETE", "__admin/contacts/" + pathSegment(secret), null, 204);
  }

  /**
   * {@code GET /__admin/leads}: every lead served with its seeded authTokens, as {@code leads.json}
   * lists them ({@code {contact, authTokens}}).
   */
  public List<JsonNode> leads() {
    return read(send("GET", "__admin/leads", null, 200), Leads.class).leads();
  }

  /**
   * {@code PUT /__admin/leads/{accessToken}}: adds or replaces a lead; the body is as in {@code
   * leads.json}: {@code {"contact": LmsContactInfo, "authTokens": [{"code", "expiresAt"?}]}}.
   */
  public void putLead(String accessToken, Object lead) {
    send("PUT", "__admin/leads/" + pathSegment(accessToken), lead, 200, 201);
  }

  /** {@code DELETE /__admin/leads/{accessToken}}; its authTokens go with it. */
  public void deleteLead(String accessToken) {
    send("DELETE", "__admin/leads/" + pathSegment(accessToken), null, 204);
  }

  /** {@code POST /__admin/fixtures/reload}: loads the fixture files again (422 when invalid). */
  public FixturesReloaded reloadFixtures() {
    return read(send("POST", "__admin/fixtures/reload", null, 200), FixturesReloaded.class);
  }

  // --- the throttle ----------------------------------------------------------------------------

  /** {@code GET /__admin/throttle}: the ips with failures in the window and the blocked ones. */
  public Throttle throttle() {
    return read(send("GET", "__admin/throttle", null, 200), Throttle.class);
  }

  /** {@code DELETE /__admin/throttle/{ip}}: forgets the ip's failures and lifts its block. */
  public void unblock(String ip) {
    send("DELETE", "__admin/throttle/" + pathSegment(ip), null, 204);
  }

  // --- what the mock answers -------------------------------------------------------------------

  /** {@code GET /__admin/health}. */
  public record Health(String status, int contacts, int leads, Instant startedAt) {}

  /** A minted authToken. */
  public record MintedAuthToken(String accessToken, String authToken, Instant expiresAt) {}

  /** The receipt of a sent authToken: the masked recipient, never the code. */
  public record SentAuthToken(
      String messageId, Channel channel, String recipient, Instant expiresAt) {}

  /** The newest answered requests, newest first, and how many were recorded in all. */
  public record Journal(List<JournalEntry> requests, long total) {}

  /**
   * A stored fault rule and how often it fired; {@code times} and {@code remaining} are null for a
   * rule without a limit, {@code probability} for one that always applies.
   */
  public record FaultRule(
      String id,
      String route,
      Map<String, String> match,
      Map<String, Object> fault,
      Integer times,
      Double probability,
      long fired,
      Integer remaining) {}

  /** The fault rules, newest first, and the latency settings ({@code latency} null for none). */
  public record Faults(
      String latency, long seed, int maxDelayed, int delayedNow, List<FaultRule> rules) {}

  /** The mock's clock: its time now, how far it is from real time, and whether it stands still. */
  public record ClockState(Instant now, double offsetSeconds, boolean frozen) {}

  /** What a fixture reload loaded. */
  public record FixturesReloaded(int contacts, int leads, Instant loadedAt) {}

  /** The throttle's numbers and the ips it holds, blocked first. */
  public record Throttle(
      int maxFailures, long windowSeconds, long blockSeconds, List<ThrottledIp> ips) {}

  /** One ip the throttle holds: failures in the window, and the seconds its block has left. */
  public record ThrottledIp(String ip, int failures, boolean blocked, long blockedForSeconds) {}

  private record Contacts(List<JsonNode> contacts) {}

  private record Leads(List<JsonNode> leads) {}

  private record Outbox(List<OutboxMessage> messages) {}

  // --- HTTP ------------------------------------------------------------------------------------

  private HttpResponse<byte[]> send(String method, String target, Object body, int... expected) {
    URI uri = base.resolve(target);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
    if (adminToken != null) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new MockAdminException(
          0, method + " " + uri + ": the mock cannot be reached (" + e + ")", null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MockAdminException(0, method + " " + uri + ": interrupted", null, null);
    }
    int status = response.statusCode();
    if (Arrays.stream(expected).noneMatch(wanted -> wanted == status)) {
      throw problem(method, uri, response);
    }
    return response;
  }

  private static MockAdminException problem(String method, URI uri, HttpResponse<byte[]> response) {
    String title = null;
    String detail = null;
    List<String> errors = new ArrayList<>();
    try {
      JsonNode problem = JSON.readTree(response.body());
      title = text(problem.path("title"));
      detail = text(problem.path("detail"));
      // A 422 lists every violation of the body: each on a line of the message, with its pointer.
      for (JsonNode error : problem.path("errors")) {
        errors.add(text(error.path("pointer")) + ": " + text(error.path("detail")));
      }
    } catch (JacksonException e) {
      // not a problem document: the status says it all
    }
    List<String> parts = new ArrayList<>();
    parts.add(method + " " + uri.getRawPath() + " answered " + response.statusCode());
    if (title != null) {
      parts.add(title);
    }
    if (detail != null) {
      parts.add(detail);
    }
    String message = String.join(": ", parts);
    for (String error : errors) {
      message += System.lineSeparator() + "  " + error;
    }
    return new MockAdminException(response.statusCode(), message, title, detail);
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.asString() : null;
  }

  private static <T> T read(HttpResponse<byte[]> response, Class<T> type) {
    return JSON.readValue(response.body(), type);
  }

  /** {@code value} as one path segment: percent-encoded, a space as {@code %20}. */
  private static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    parameters.forEach(
        (name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return "?" + String.join("&", pairs);
  }
}
