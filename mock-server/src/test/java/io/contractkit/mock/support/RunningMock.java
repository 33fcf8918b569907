package io.contractkit.mock.support;

import static io.restassured.RestAssured.given;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real mock server on a free loopback port for one test class, on the bundled fixtures, a {@link
 * MutableClock} and a small throttle (3 failures in 60 s block for 300 s), without the per-request
 * log line (stress tests send tens of thousands of requests; the journal still records them). When
 * a config turns the log line on, its lines are captured: {@link #requestLogLines()}. Before each
 * test it is reset over HTTP, through the admin API, as a frontend's own tests would do.
 *
 * <pre>
 * &#64;RegisterExtension static final RunningMock mock = new RunningMock();
 * </pre>
 */
public final class RunningMock implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  public static final ThrottlePolicy TEST_THROTTLE =
      new ThrottlePolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(300));

  private final MockConfig config;
  private MutableClock clock;
  private MockServer server;
  private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());

  public RunningMock() {
    this(MockConfig.defaults().withPort(0).withThrottle(TEST_THROTTLE).withRequestLog(false));
  }

  public RunningMock(MockConfig config) {
    this.config = config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    clock = MutableClock.atFixedStart();
    server = MockServer.start(config, clock, lines -> requestLog.addAll(lines.lines().toList()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    given().spec(adminSpec()).post("/__admin/reset").then().statusCode(204);
    server.flushRequestLog();
    requestLog.clear();
  }

  /** REST-assured's request specification for this server. */
  public RequestSpecification spec() {
    return new RequestSpecBuilder().setBaseUri(server.baseUri().toString()).build();
  }

  /** The same, with the admin token as a bearer token when the mock has one. */
  public RequestSpecification adminSpec() {
    RequestSpecBuilder builder = new RequestSpecBuilder().setBaseUri(server.baseUri().toString());
    if (config.adminToken() != null) {
      builder.addHeader("Authorization", "Bearer " + config.adminToken());
    }
    return builder.build();
  }

  /** The same, but sends the query string exactly as written (no encoding by REST-assured). */
  public RequestSpecification rawSpec() {
    return new RequestSpecBuilder()
        .setBaseUri(server.baseUri().toString())
        .setUrlEncodingEnabled(false)
        .build();
  }

  /** The request log lines written so far, once those of every answered request are written. */
  public List<String> requestLogLines() {
    server.flushRequestLog();
    synchronized (requestLog) {
      return List.copyOf(requestLog);
    }
  }

  public MutableClock clock() {
    return clock;
  }

  public MockServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }
}
