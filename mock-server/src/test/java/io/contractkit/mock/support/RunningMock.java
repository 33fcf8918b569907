package io.contractkit.mock.support;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real mock server on a free loopback port, on the bundled fixtures, a {@link MutableClock},
 * delays timed by hand ({@link ManualDelays}) and a small throttle (3 failures in 60 s block for
 * 300 s), without the per-request log line (stress tests send tens of thousands of requests; the
 * journal still records them). Before each test it is reset over HTTP, through the admin API, as a
 * frontend's own tests would do.
 *
 * <pre>
 * &#64;RegisterExtension static final RunningMock mock = new RunningMock();
 * </pre>
 *
 * <p><b>One server per configuration and test JVM.</b> Test classes with equal configurations share
 * a server (as Spring's test context cache shares a context): a reset makes it as good as new, and
 * starting a server per test would make mutation testing (pitest runs every test method on its own,
 * once per mutant) start tens of thousands of servers. A shared server is replaced by a new one,
 * with a new clock, before a test when
 *
 * <ul>
 *   <li>a test failed on it: whatever broke it must not break the tests after it, and
 *   <li>the same test runs on it a second time: in one JVM that happens only under pitest, when it
 *       moves on to the next mutant. So a mutant in the code that runs only when a server starts is
 *       tested on a server started with that mutant in place.
 * </ul>
 *
 * <p>What remains: under pitest, a test that has not run yet in its JVM may run on the server that
 * the previous mutant of the same class started; that mutant survived every test that covers it.
 *
 * <p>The clock of a shared server only moves forward (the caches' tickers must be monotonic): a
 * test that asserts times reads them relative to {@link #clock()}.
 */
public final class RunningMock implements BeforeEachCallback, AfterEachCallback {
  public static final ThrottlePolicy TEST_THROTTLE =
      new ThrottlePolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(300));

  private static final Map<MockConfig, Instance> RUNNING = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.values().forEach(instance -> instance.server.close())));
  }

  private final MockConfig config;

  public RunningMock() {
    this(MockConfig.defaults().withPort(0).withThrottle(TEST_THROTTLE).withRequestLog(false));
  }

  public RunningMock(MockConfig config) {
    this.config = config;
  }

  /** A started server with its clock, and the tests that have run on it. */
  private static final class Instance {
    final MutableClock clock = MutableClock.atFixedStart();
    final ManualDelays delays = new ManualDelays();
    final MockServer server;
    final Set<String> testsRun = ConcurrentHashMap.newKeySet();
    final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    volatile boolean failedOn;

    Instance(MockConfig config) {
      server =
          MockServer.start(
              config, clock, lines -> requestLog.addAll(lines.lines().toList()), delays);
    }

    boolean fitFor(String testId) {
      return !failedOn && !testsRun.contains(testId);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String testId = context.getUniqueId();
    Instance instance =
        RUNNING.compute(
            config,
            (key, running) -> {
              if (running != null && running.fitFor(testId)) {
                return running;
              }
              if (running != null) {
                running.server.close();
              }
              return new Instance(key);
            });
    instance.testsRun.add(testId);
    instance.delays.forget();
    reset();
    instance.server.flushRequestLog();
    instance.requestLog.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      instance().failedOn = true;
    }
  }

  private Instance instance() {
    return RUNNING.computeIfAbsent(config, Instance::new);
  }

  /**
   * Resets the server over HTTP, as before each test: for a test that checks many cases in one
   * method and wants each on the initial state.
   */
  public void reset() {
    String auth =
        config.adminToken() == null ? "" : "Authorization: Bearer " + config.adminToken() + "\r\n";
    try {
      RawHttp.Response answer =
          RawHttp.request(port(), "POST", "/__admin/reset", auth + "Content-Length: 0\r\n");
      if (answer.status() != 204) {
        throw new AssertionError("reset answered " + answer.status() + ": " + answer.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** REST-assured's request specification for this server. */
  public RequestSpecification spec() {
    return new RequestSpecBuilder().setBaseUri(server().baseUri().toString()).build();
  }

  /** The same, with the admin token as a bearer token when the mock has one. */
  public RequestSpecification adminSpec() {
    RequestSpecBuilder builder = new RequestSpecBuilder().setBaseUri(server().baseUri().toString());
    if (config.adminToken() != null) {
      builder.addHeader("Authorization", "Bearer " + config.adminToken());
    }
    return builder.build();
  }

  /** The same, but sends the query string exactly as written (no encoding by REST-assured). */
  public RequestSpecification rawSpec() {
    return new RequestSpecBuilder()
        .setBaseUri(server().baseUri().toString())
        .setUrlEncodingEnabled(false)
        .build();
  }

  /** The request log lines written so far, once those of every answered request are written. */
  public List<String> requestLogLines() {
    Instance instance = instance();
    instance.server.flushRequestLog();
    synchronized (instance.requestLog) {
      return List.copyOf(instance.requestLog);
    }
  }

  public MutableClock clock() {
    return instance().clock;
  }

  /** The scheduler of the server's delays (latency, fault rules): the test lets them pass. */
  public ManualDelays delays() {
    return instance().delays;
  }

  public MockServer server() {
    return instance().server;
  }

  public int port() {
    return server().port();
  }
}
