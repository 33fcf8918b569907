package io.contractkit.conformance.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.ProfileLoader;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunListener;
import io.contractkit.conformance.run.RunOptions;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An implementation of both APIs for the suite's self-tests: the real mock server (on a free
 * loopback port) behind a small proxy that plants one {@link Defect} -- or none, or a valid
 * variation. The example profile is pointed at the proxy.
 *
 * <pre>
 * try (var impl = SimulatedImplementation.start(Defects.REUSABLE_AUTH_TOKEN)) {
 *   RunResult result = impl.run();
 * }
 * </pre>
 */
public final class SimulatedImplementation implements AutoCloseable {
  public static final Path EXAMPLE_PROFILE = Path.of("profiles", "mock.yaml");

  private static final SteerableClock SHARED_CLOCK = new SteerableClock();
  private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MockServer mock;
  private final SteerableClock clock;
  private final boolean ownMock;
  private final HttpServer proxy;
  private final ExecutorService pool;
  private final String prefix;

  private SimulatedImplementation(
      MockServer mock,
      SteerableClock clock,
      boolean ownMock,
      HttpServer proxy,
      ExecutorService pool,
      String prefix) {
    this.mock = mock;
    this.clock = clock;
    this.ownMock = ownMock;
    this.proxy = proxy;
    this.pool = pool;
    this.prefix = prefix;
  }

  public static SimulatedImplementation start(Defect defect) {
    return start(defect, "");
  }

  /**
   * @param prefix a path prefix the implementation is deployed under ({@code /crm}), or empty
   */
  public static SimulatedImplementation start(Defect defect, String prefix) {
    MockServer mock = sharedMock();
    mock.state().reset();
    SHARED_CLOCK.reset();
    return proxy(mock, SHARED_CLOCK, false, defect, prefix);
  }

  /**
   * An implementation on a mock of its own, started with {@code config} (other throttle numbers,
   * say) on a clock of its own; closing the implementation stops that mock.
   */
  public static SimulatedImplementation startWithOwnMock(
      Defect defect, String prefix, MockConfig config) {
    SteerableClock clock = new SteerableClock();
    MockServer mock = MockServer.start(config.withPort(0).withRequestLog(false), clock);
    return proxy(mock, clock, true, defect, prefix);
  }

  /**
   * The implementation without a defect, shared by every test of the JVM. Its mock's state is reset
   * whenever another implementation starts; reset it yourself before a test that needs it.
   */
  public static SimulatedImplementation correct() {
    return Correct.INSTANCE;
  }

  private static final class Correct {
    static final SimulatedImplementation INSTANCE =
        proxy(sharedMock(), SHARED_CLOCK, false, Defect.NONE, "");
  }

  /** The mock behind every implementation of this JVM: the bundled fixtures, a free port. */
  public static MockServer sharedMock() {
    return SharedMock.INSTANCE;
  }

  private static final class SharedMock {
    static final MockServer INSTANCE = startSharedMock();
  }

  private static SimulatedImplementation proxy(
      MockServer mock, SteerableClock clock, boolean ownMock, Defect defect, String prefix) {
    Upstream upstream = new Upstream(mock.baseUri());
    try {
      HttpServer proxy =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              64,
              task -> {
                Thread thread = new Thread(task, "simulated-implementation");
                thread.setDaemon(true);
                return thread;
              });
      proxy.setExecutor(pool);
      proxy.createContext(
          "/",
          exchange -> {
            try {
              Incoming request = incoming(exchange, prefix);
              Answer answer =
                  request == null
                      ? Answer.json(404, "{\"message\":\"not found\"}")
                      : request.lowerPath().equals("/__admin/clock")
                          ? clockAnswer(request, clock)
                          : defect.handle(request, upstream);
              send(exchange, answer);
            } catch (RuntimeException e) {
              send(
                  exchange,
                  Answer.json(502, "{\"proxyError\":\"" + e.getClass().getSimpleName() + "\"}"));
            }
          });
      proxy.start();
      return new SimulatedImplementation(mock, clock, ownMock, proxy, pool, prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code GET|POST /__admin/clock}, as the mock's admin clock answers it: {@code
   * {"advance":"90s"}} moves the implementation's clock forward; the answer is {@code {now,
   * offsetSeconds, frozen}}.
   */
  private static Answer clockAnswer(Incoming request, SteerableClock clock) {
    if (request.method().equals("POST")) {
      JsonNode body;
      try {
        body = JSON.readTree(request.body());
      } catch (RuntimeException e) {
        return Answer.json(400, "{\"title\":\"the body is not JSON\"}");
      }
      Matcher m = DURATION.matcher(body == null ? "" : body.path("advance").asString(""));
      if (!m.matches()) {
        return Answer.json(400, "{\"title\":\"advance must be a duration such as 90s\"}");
      }
      long n = Long.parseLong(m.group(1));
      clock.advance(
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          });
    } else if (!request.method().equals("GET")) {
      return Answer.json(405, "{\"title\":\"GET or POST\"}").withHeader("Allow", "GET, POST");
    }
    return Answer.json(
        200,
        "{\"now\":\""
            + clock.instant()
            + "\",\"offsetSeconds\":"
            + clock.offset().toSeconds()
            + ",\"frozen\":false}");
  }

  /**
   * A mock server of its own on a free loopback port: no proxy, no defect. Close it. Without the
   * per-request log line: the suite sends thousands of requests per run, and under pitest every
   * line would travel through the minion's standard error.
   */
  public static MockServer startMock() {
    return MockServer.start(MockConfig.defaults().withPort(0).withRequestLog(false));
  }

  private static MockServer startSharedMock() {
    return MockServer.start(MockConfig.defaults().withPort(0).withRequestLog(false), SHARED_CLOCK);
  }

  /** The example profile, as read from {@link #EXAMPLE_PROFILE}. */
  public static Profile exampleProfile() {
    return ProfileLoader.load(EXAMPLE_PROFILE);
  }

  /** Runs one check with the example profile against a fresh implementation with the defect. */
  public static CheckResult runCheck(Defect defect, String id) {
    return runCheck(defect, UnaryOperator.identity(), id);
  }

  /**
   * Runs one check with the example profile, changed by {@code edit}, against a fresh
   * implementation with the defect.
   */
  public static CheckResult runCheck(Defect defect, UnaryOperator<Profile> edit, String id) {
    try (SimulatedImplementation impl = start(defect)) {
      return impl.run(impl.profile(edit), id).result(id).orElseThrow();
    }
  }

  private static Incoming incoming(HttpExchange exchange, String prefix) throws IOException {
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    if (!prefix.isEmpty()) {
      if (!path.startsWith(prefix)) {
        return null;
      }
      path = path.substring(prefix.length());
    }
    return new Incoming(
        exchange.getRequestMethod(),
        path,
        uri.getRawQuery(),
        Map.copyOf(exchange.getRequestHeaders()),
        exchange.getRequestBody().readAllBytes());
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    boolean noBody = answer.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
    exchange.close();
  }

  /** The proxy's base URL, with the prefix. */
  public String baseUrl() {
    return "http://127.0.0.1:" + proxy.getAddress().getPort() + prefix;
  }

  /** The example profile, pointed at this implementation. */
  public Profile profile() {
    return profile(UnaryOperator.identity());
  }

  /** The example profile, pointed at this implementation, then changed by {@code edit}. */
  public Profile profile(UnaryOperator<Profile> edit) {
    return edit.apply(exampleProfile());
  }

  /** Runs the checks (all when none are named) with the example profile. */
  public RunResult run(String... onlyIds) {
    return run(profile(), onlyIds);
  }

  public RunResult run(Profile profile, String... onlyIds) {
    return run(profile, options(), onlyIds);
  }

  public RunResult run(Profile profile, RunOptions options, String... onlyIds) {
    return run(baseUrl(), profile, options, onlyIds);
  }

  /** Runs the checks with {@code base} as the base URL of both APIs (this one, spelled so). */
  public RunResult run(String base, Profile profile, RunOptions options, String... onlyIds) {
    Set<String> only = new HashSet<>(Arrays.asList(onlyIds));
    return new ConformanceSuite(profile, base, base, options).run(only, Set.of(), RunListener.NONE);
  }

  /**
   * The run options for this implementation: the defaults, but the suite's real waits move this
   * implementation's clock instead of sleeping.
   */
  public RunOptions options() {
    return RunOptions.defaults().withClock(clock.asSuiteClock());
  }

  /** The real mock behind the proxy (the shared one, unless started with a mock of its own). */
  public MockServer mock() {
    return mock;
  }

  /** The implementation's clock (the mock's). */
  public SteerableClock clock() {
    return clock;
  }

  /** The shared mock's clock. */
  public static SteerableClock sharedClock() {
    return SHARED_CLOCK;
  }

  /** Stops the proxy, and the mock behind it when it is its own; the shared mock goes on. */
  @Override
  public void close() {
    proxy.stop(0);
    pool.shutdownNow();
    if (ownMock) {
      mock.close();
    }
  }
}
