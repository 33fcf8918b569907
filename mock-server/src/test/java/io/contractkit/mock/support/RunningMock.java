package io.contractkit.mock.support;

import static io.restassured.RestAssured.given;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real mock server on a free loopback port for one test class, on the bundled fixtures, a {@link
 * MutableClock} and a small throttle (3 failures in 60 s block for 300 s), without the per-request
 * log line (stress tests send tens of thousands of requests; the journal still records them).
 * Before each test it is reset over HTTP, through the admin API, as a frontend's own tests would
 * do.
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

  public RunningMock() {
    this(MockConfig.defaults().withPort(0).withThrottle(TEST_THROTTLE).withRequestLog(false));
  }

  public RunningMock(MockConfig config) {
    this.config = config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    clock = MutableClock.atFixedStart();
    server = MockServer.start(config, clock);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    given().spec(adminSpec()).post("/__admin/reset").then().statusCode(204);
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
