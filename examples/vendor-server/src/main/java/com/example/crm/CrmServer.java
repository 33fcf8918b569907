package com.example.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A vendor's own implementation of the two read APIs of the contract (the Contacts API and the LMS
 * lead-contact API), on the JDK's HTTP server: its conformance is checked by the suite's JUnit
 * tests in {@code src/test}.
 *
 * <pre>
 * try (CrmServer server = CrmServer.start(0)) { ... server.baseUrl() ... }
 * </pre>
 */
public final class CrmServer implements AutoCloseable {
  static final String CONTACTS = "/api/v1/contacts";
  static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final HttpServer http;
  private final ExecutorService pool;
  private final Clock clock;
  private final LeadCodes codes;
  private final LoginThrottle throttle;
  private final Map<String, Contact> contacts =
      SampleData.contacts().stream().collect(Collectors.toMap(Contact::secret, c -> c));
  private final Map<String, SampleData.Lead> leads =
      SampleData.leads().stream()
          .collect(Collectors.toMap(SampleData.Lead::accessToken, Function.identity()));

  private CrmServer(HttpServer http, ExecutorService pool, Clock clock, LeadCodes codes) {
    this.http = http;
    this.pool = pool;
    this.clock = clock;
    this.codes = codes;
    this.throttle = new LoginThrottle(LoginThrottle.Settings.DEFAULTS, clock);
  }

  /** On {@code port} of the loopback address (0: a free one), on the system clock. */
  public static CrmServer start(int port) {
    Clock clock = Clock.systemUTC();
    return start(port, clock, new OneTimeLeadCodes(clock, Duration.ofMinutes(15)));
  }

  /** With the clock and code store given (a test's clock, a test's store). */
  public static CrmServer start(int port, Clock clock, LeadCodes codes) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
      ExecutorService pool = Executors.newFixedThreadPool(32);
      CrmServer server = new CrmServer(http, pool, clock, codes);
      http.setExecutor(pool);
      http.createContext("/", server::handle);
      http.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  public static void main(String[] args) {
    CrmServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 8080);
    System.out.println("Listening on " + server.baseUrl());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** The one-time codes: the product's send-code flow issues them; so can a test. */
  public LeadCodes codes() {
    return codes;
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Answer answer;
    try {
      answer = answer(exchange);
    } catch (Query.BadRequest e) {
      answer = Answer.problem(400, "Bad Request", e.getMessage());
    } catch (RuntimeException e) {
      answer = Answer.problem(500, "Internal Server Error", "The request could not be answered.");
    }
    send(exchange, answer);
  }

  private Answer answer(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath().toLowerCase(Locale.ROOT);
    if (!path.equals(CONTACTS) && !path.equals(LEAD_CONTACT)) {
      return Answer.problem(404, "Not Found", "No such resource.");
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      return Answer.problem(405, "Method Not Allowed", "Only GET is allowed here.")
          .withHeader("Allow", "GET");
    }
    Query query = Query.parse(exchange.getRequestURI().getRawQuery());
    return path.equals(CONTACTS) ? contact(query) : leadContact(query);
  }

  /** {@code GET api/v1/Contacts?secret=&ip=}. */
  private Answer contact(Query query) {
    String secret = query.required("secret");
    String ip = query.get("ip").map(CrmServer::normalIp).orElse(null);
    if (ip != null) {
      Duration blocked = throttle.blockedFor(ip);
      if (!blocked.isZero()) {
        long seconds = Math.max(1, (blocked.toMillis() + 999) / 1000);
        return Answer.problem(429, "Too Many Requests", "Too many failed lookups from this ip.")
            .withHeader("Retry-After", Long.toString(seconds));
      }
    }
    Contact contact = contacts.get(secret);
    if (contact == null) {
      if (ip != null) {
        throttle.failed(ip);
      }
      return Answer.problem(404, "Not Found", "No contact has this secret.");
    }
    return Answer.json(contact);
  }

  /** {@code GET lms/leads/bytoken/contact?accessToken=&authToken=&source=}. */
  private Answer leadContact(Query query) {
    String accessToken = query.required("accessToken");
    String authToken = query.required("authToken");
    query.required("source");
    SampleData.Lead lead = leads.get(accessToken);
    if (lead == null
        || !lead.expiration().toInstant().isAfter(clock.instant())
        || !codes.consume(accessToken, authToken)) {
      return Answer.json(LeadContact.NULL_VALUES);
    }
    return Answer.json(lead.released());
  }

  /** The ip as one spelling (a malformed one is a bad request). */
  private static String normalIp(String ip) {
    if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
      throw new Query.BadRequest("The query parameter 'ip' is not an IP address.");
    }
    try {
      return InetAddress.getByName(ip).getHostAddress();
    } catch (UnknownHostException e) {
      throw new Query.BadRequest("The query parameter 'ip' is not an IP address.");
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    byte[] body = JSON.writeValueAsBytes(answer.body());
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", answer.contentType(accept) + "; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    answer.headers().forEach(headers::set);
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
