package io.contractkit.mock;

import io.contractkit.mock.admin.AdminAccess;
import io.contractkit.mock.admin.AdminHandlers;
import io.contractkit.mock.admin.ClockAdmin;
import io.contractkit.mock.admin.ContactsAdmin;
import io.contractkit.mock.admin.FixturesAdmin;
import io.contractkit.mock.admin.InMemoryRequestJournal;
import io.contractkit.mock.admin.JournalEntry;
import io.contractkit.mock.admin.LeadsAdmin;
import io.contractkit.mock.admin.QueryRedaction;
import io.contractkit.mock.admin.RequestJournal;
import io.contractkit.mock.admin.ThrottleAdmin;
import io.contractkit.mock.clock.InMemoryTimeShiftStore;
import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.contacts.ContactLookup;
import io.contractkit.mock.contacts.ContactsHandler;
import io.contractkit.mock.contacts.InMemoryBruteForceThrottle;
import io.contractkit.mock.dashboard.ChangeFeed;
import io.contractkit.mock.dashboard.DashboardPages;
import io.contractkit.mock.faults.DelayScheduler;
import io.contractkit.mock.faults.ExecutorDelayScheduler;
import io.contractkit.mock.faults.FaultAdminHandlers;
import io.contractkit.mock.faults.FaultInjector;
import io.contractkit.mock.faults.FaultState;
import io.contractkit.mock.faults.InMemoryFaultRules;
import io.contractkit.mock.faults.SeededRandom;
import io.contractkit.mock.fixtures.FixtureLoader;
import io.contractkit.mock.fixtures.FixtureRecords;
import io.contractkit.mock.fixtures.FixtureReloader;
import io.contractkit.mock.fixtures.FixtureWatcher;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.InMemoryDataOverrides;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.fixtures.ServedData;
import io.contractkit.mock.http.AllowedHosts;
import io.contractkit.mock.http.AllowedOrigins;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.Cors;
import io.contractkit.mock.http.JettyErrorHandler;
import io.contractkit.mock.http.ProblemRenderer;
import io.contractkit.mock.lms.AuthTokenIssuer;
import io.contractkit.mock.lms.AuthTokenSending;
import io.contractkit.mock.lms.InMemoryAuthTokenStore;
import io.contractkit.mock.lms.LeadContactHandler;
import io.contractkit.mock.lms.LeadRelease;
import io.contractkit.mock.lms.Outbox;
import io.contractkit.mock.lms.SendAuthTokenHandler;
import io.contractkit.mock.store.redis.RedisAuthTokenSending;
import io.contractkit.mock.store.redis.RedisAuthTokenStore;
import io.contractkit.mock.store.redis.RedisBruteForceThrottle;
import io.contractkit.mock.store.redis.RedisDataOverrides;
import io.contractkit.mock.store.redis.RedisFaultRules;
import io.contractkit.mock.store.redis.RedisOutboxMessages;
import io.contractkit.mock.store.redis.RedisRequestJournal;
import io.contractkit.mock.store.redis.RedisStore;
import io.contractkit.mock.store.redis.RedisTimeShiftStore;
import io.contractkit.mock.store.redis.SharedSnapshots;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import tools.jackson.databind.json.JsonMapper;

/** The mock server: wires fixtures, state and handlers into Javalin, and starts it. */
public final class MockServer implements AutoCloseable {
  private static final int REQUEST_HEADER_BYTES = 16 * 1024;
  private static final String STARTED_NANOS = "mock.startedNanos";

  /** Dashboards (their event streams) open at once; the next one gets 503. */
  static final int MAX_DASHBOARD_STREAMS = 16;

  private final Javalin app;
  private final MockConfig config;
  private final MockState state;
  private final GracefulHandler inFlight;
  private final RequestLog requestLog;
  private final FaultInjector faults;
  private final DelayScheduler delays;
  private final ChangeFeed changes;
  private final FixtureWatcher watcher;

  /** The connection to the shared state store; null when the state is in memory. */
  private final RedisStore redis;

  private boolean stopped;

  private MockServer(
      Javalin app,
      MockConfig config,
      MockState state,
      GracefulHandler inFlight,
      RequestLog requestLog,
      FaultInjector faults,
      DelayScheduler delays,
      ChangeFeed changes,
      FixtureWatcher watcher,
      RedisStore redis) {
    this.app = app;
    this.redis = redis;
    this.config = config;
    this.state = state;
    this.inFlight = inFlight;
    this.requestLog = requestLog;
    this.faults = faults;
    this.delays = delays;
    this.changes = changes;
    this.watcher = watcher;
  }

  public static MockServer start(MockConfig config) {
    return start(config, Clock.systemUTC());
  }

  /**
   * Starts the mock; time (token expiry, throttle windows) comes from {@code clock}, shifted as the
   * admin API steers it (a {@link SteerableClock} is used as it is).
   */
  public static MockServer start(MockConfig config, Clock clock) {
    return start(config, clock, RequestLog.standardError());
  }

  /**
   * Starts the mock; the per-request log lines (when {@link MockConfig#requestLog()} is on) go to
   * {@code requestLogSink}.
   */
  public static MockServer start(MockConfig config, Clock clock, RequestLog.Sink requestLogSink) {
    return start(config, clock, requestLogSink, new ExecutorDelayScheduler());
  }

  /**
   * Starts the mock; delays (latency, fault rules) are timed by {@code delays}, which the mock
   * closes when it stops.
   */
  public static MockServer start(
      MockConfig config, Clock clock, RequestLog.Sink requestLogSink, DelayScheduler delays) {
    try {
      return startWith(config, clock, requestLogSink, delays);
    } catch (RuntimeException e) {
      delays.close();
      throw e;
    }
  }

  private static MockServer startWith(
      MockConfig config, Clock clock, RequestLog.Sink requestLogSink, DelayScheduler delays) {
    AdminAccess.requireTokenUnlessLoopback(config.host(), config.adminToken());
    AllowedOrigins adminOrigins = AllowedOrigins.of("admin CORS origin", config.adminCorsOrigins());
    AdminAccess.requireTokenForAnyOrigin(adminOrigins, config.adminToken());
    AllowedHosts hosts =
        AllowedHosts.of(config.allowedHosts(), AdminAccess.isLoopback(config.host()));
    Cors cors =
        new Cors(
            AllowedOrigins.of("CORS origin", config.corsOrigins()),
            adminOrigins,
            AdminAccess::isAdminPath,
            List.of("Retry-After", "WWW-Authenticate", "Allow"));
    JsonMapper json = JsonMapper.builder().build();
    SchemaCatalog schemas = new SchemaCatalog();
    FixtureLoader loader = new FixtureLoader(json, schemas);
    Fixtures fixtures = loader.load(config.fixtures());
    // A shared Redis (several replicas), or the mock's own memory.
    RedisStore redis = config.store().redis() ? RedisStore.connect(config.store()) : null;
    // The clock's shift, the test data put at run time and the fault rules: each replica reads a
    // local copy, changes go through Redis and reach the others by pub/sub.
    SharedSnapshots shared = redis == null ? null : new SharedSnapshots(redis);
    // The one clock of the mock, steerable through the admin API (a test may hand in its own).
    SteerableClock steerable =
        clock instanceof SteerableClock given
            ? given
            : new SteerableClock(
                clock,
                shared != null ? new RedisTimeShiftStore(shared) : new InMemoryTimeShiftStore());
    RedisDataOverrides sharedData = shared == null ? null : new RedisDataOverrides(shared);
    Instant startedAt = steerable.instant().truncatedTo(ChronoUnit.MILLIS);
    ServedData data =
        new ServedData(
            fixtures,
            config.fixtures() == null ? "bundled" : config.fixtures().toString(),
            startedAt,
            sharedData != null ? sharedData : new InMemoryDataOverrides());
    FaultState faultState =
        new FaultState(
            redis != null ? new RedisFaultRules(redis, shared) : new InMemoryFaultRules(),
            new SeededRandom(
                config.seed() != null
                    ? config.seed()
                    : ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)));
    RedisAuthTokenStore redisTokens =
        redis != null
            ? new RedisAuthTokenStore(redis, steerable, fixtures.leadsByAccessToken().values())
            : null;
    RedisOutboxMessages redisMessages = redis != null ? new RedisOutboxMessages(redis) : null;
    RedisRequestJournal redisJournal =
        redis != null ? new RedisRequestJournal(redis, config.journalSize()) : null;
    MockState state =
        new MockState(
            redis != null
                ? redisTokens
                : new InMemoryAuthTokenStore(steerable, fixtures.leadsByAccessToken().values()),
            redis != null
                ? new RedisBruteForceThrottle(redis, steerable, config.throttle())
                : new InMemoryBruteForceThrottle(steerable, config.throttle()),
            redis != null
                ? new Outbox(config.outboxSize(), config.redact(), redisMessages)
                : new Outbox(config.outboxSize(), config.redact()),
            redis != null ? redisJournal : new InMemoryRequestJournal(config.journalSize()),
            steerable,
            data,
            faultState);
    if (sharedData != null) {
      sharedData.onRemoteChange(state::dataChangedElsewhere);
    }
    AuthTokenIssuer issuer =
        new AuthTokenIssuer(data, state.authTokens(), steerable, config.authTokenTtl());
    // Through Redis, issuing the token and delivering its message is one script (one round trip).
    AuthTokenSending sending =
        redis != null
            ? new AuthTokenSending(
                issuer,
                new RedisAuthTokenSending(redis, redisTokens, redisMessages, state.outbox()),
                json)
            : new AuthTokenSending(issuer, state.outbox(), json);
    FixtureReloader reloader =
        new FixtureReloader(config.fixtures(), loader, data, steerable, state::fixturesReloaded);
    boolean watching = config.fixtures() != null && config.watch();
    FixtureRecords records = new FixtureRecords(json, schemas);
    ProblemRenderer problems = new ProblemRenderer(json);
    ChangeFeed changes = new ChangeFeed(MAX_DASHBOARD_STREAMS, steerable);
    if (redisJournal != null) {
      changes.pollSharedChanges(redisJournal::changes); // what the other replicas change
    }
    FaultInjector faults =
        new FaultInjector(
            faultState, config.latency(), config.maxDelayed(), delays, problems, json);
    Routes routes =
        new Routes(
            state,
            new ContactsHandler(
                new ContactLookup(data, state.throttle()),
                problems.prerendered(ContactsHandler.NOT_FOUND, Routes.CONTACTS)),
            new LeadContactHandler(new LeadRelease(data, state.authTokens(), steerable)),
            new SendAuthTokenHandler(sending),
            new AdminHandlers(state, issuer, json, startedAt, watching),
            new ClockAdmin(state, json),
            new ContactsAdmin(state, records, json),
            new LeadsAdmin(state, records, json),
            new FixturesAdmin(reloader, json),
            faults,
            new FaultAdminHandlers(faultState, faults, json),
            new ThrottleAdmin(state, config.throttle(), json),
            new DashboardPages(),
            changes);
    // Counts the requests in flight, so that a stop can wait for them (see stop()).
    GracefulHandler inFlight = new GracefulHandler();
    // While stopping, a request still sending its body may take the whole stop timeout (Jetty's
    // default cuts it off after one second of silence), and one second more: the stop's own wait
    // must end first and decide. At exactly the stop timeout the two race, and a request that Jetty
    // cut off (408) could count as answered in time.
    inFlight.setShutdownIdleTimeout(config.stopTimeout().toMillis() + 1000);

    RequestLog requestLog = config.requestLog() ? new RequestLog(requestLogSink) : null;

    Javalin app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.jetty.addConnector(
                  (server, http) -> listening(server, http, config.host(), config.port()));
              javalin.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
                    http.setSendServerVersion(false);
                  });
              javalin.jetty.modifyServer(
                  server -> {
                    server.setErrorHandler(new JettyErrorHandler(problems));
                    server.insertHandler(inFlight);
                    // stop() waits for requests in flight itself, then stops Jetty at once.
                    server.setStopTimeout(0);
                  });
              javalin.router.caseInsensitiveRoutes = true;
              javalin.routes.before(
                  ctx -> {
                    ctx.attribute(STARTED_NANOS, System.nanoTime());
                    ctx.header("Cache-Control", "no-store");
                  });
              // Before anything else answers: a refused Host gets no CORS header either.
              javalin.routes.before(hosts::check);
              javalin.routes.before(cors::addHeaders);
              javalin.routes.beforeMatched(
                  new AdminAccess(config.adminToken(), adminOrigins, DashboardPages::isPage)
                      ::check);
              routes.registerOn(javalin.routes);
              javalin.routes.exception(ApiProblem.class, problems::render);
              javalin.routes.exception(HttpResponseException.class, problems::render);
              javalin.routes.exception(Exception.class, problems::render);
              // Recorded before the answer is written, so that a client that has its answer finds
              // the request in the journal.
              javalin.routes.after(
                  ctx -> {
                    record(state.journal(), steerable, ctx, config.redact(), requestLog);
                    if (changes.watched()) { // one volatile read without a dashboard
                      changes.answered(ctx.method().name(), ctx.path());
                    }
                  });
            });
    FixtureWatcher watcher = null;
    try {
      if (watching) {
        watcher = watch(config.fixtures(), reloader);
      }
      app.start();
    } catch (RuntimeException e) {
      if (watcher != null) {
        watcher.close();
      }
      if (requestLog != null) {
        requestLog.close();
      }
      changes.close();
      if (redis != null) {
        redis.close();
      }
      throw e;
    }
    return new MockServer(
        app, config, state, inFlight, requestLog, faults, delays, changes, watcher, redis);
  }

  private static FixtureWatcher watch(Path folder, FixtureReloader reloader) {
    try {
      return FixtureWatcher.start(folder, FixtureWatcher.QUIET, reloader::reloadIfChanged);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot watch the fixtures folder "
              + folder
              + " ("
              + e.getMessage()
              + "); start with --no-watch and reload with POST /__admin/fixtures/reload");
    }
  }

  /**
   * The connector Javalin would make, already listening: opened here, before Javalin starts Jetty,
   * so that a port in use is one {@link CannotListenException} (Javalin logs a stack trace for
   * every failure inside its start).
   */
  private static ServerConnector listening(
      Server server, HttpConfiguration http, String host, int port) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    try {
      connector.open();
    } catch (IOException e) {
      throw new CannotListenException(host, port, e);
    }
    return connector;
  }

  /** The mock cannot listen on its host and port; the message says why and what to do. */
  public static final class CannotListenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotListenException(String host, int port, IOException e) {
      super(message(host, port, e), e);
    }

    private static String message(String host, int port, IOException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason = String.valueOf(cause.getMessage());
      if (cause instanceof BindException && reason.contains("in use")) {
        return "port "
            + port
            + " on "
            + host
            + " is already in use (by another mock?); stop what is listening there, choose"
            + " another port with --port, or use --port 0 for a free one";
      }
      return "cannot listen on "
          + host
          + " port "
          + port
          + ": "
          + reason
          + "; check --host and --port";
    }
  }

  private static void record(
      RequestJournal journal, Clock clock, Context ctx, boolean redact, RequestLog log) {
    Long started = ctx.attribute(STARTED_NANOS);
    float millis = started == null ? 0f : (System.nanoTime() - started) / 1_000_000f;
    String raw = ctx.queryString();
    String query = raw == null ? "" : redact ? QueryRedaction.redact(raw) : raw;
    int status = ctx.statusCode();
    String method = ctx.method().name();
    String path = ctx.path();
    journal.record(
        new JournalEntry(
            0,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            method,
            path,
            query,
            status,
            Math.round(millis * 1000.0) / 1000.0));
    if (log != null) {
      log.log(method, path, query, status, millis);
    }
  }

  public int port() {
    return app.port();
  }

  public URI baseUri() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port());
  }

  /** The data served now: the fixtures, with the test data changed at run time on top. */
  public Fixtures fixtures() {
    return state.data().get();
  }

  /** The mock's one clock, as the admin API steers it. */
  public SteerableClock clock() {
    return state.clock();
  }

  public MockState state() {
    return state;
  }

  /** The dashboards' event streams. */
  public ChangeFeed changes() {
    return changes;
  }

  /** Waits until the log lines of every request answered so far are written (none when off). */
  public void flushRequestLog() {
    if (requestLog != null) {
      requestLog.flush();
    }
  }

  /**
   * Stops gracefully: closes the listening socket (new connections are refused), runs {@code
   * whenNoLongerAccepting}, answers the delayed requests at once (their delays are cut short),
   * waits up to the stop timeout for the requests in flight to be answered, then stops. Only the
   * first call stops; later ones return at once.
   *
   * @return whether every request in flight was answered within the stop timeout
   */
  public synchronized boolean stop(Runnable whenNoLongerAccepting) {
    if (stopped) {
      return true;
    }
    stopped = true;
    if (watcher != null) {
      watcher.close();
    }
    for (Connector connector : app.jettyServer().server().getConnectors()) {
      connector.shutdown(); // closes the listening socket
    }
    whenNoLongerAccepting.run();
    changes.close(); // the dashboards' streams would otherwise hold the stop for its whole timeout
    faults.hurry();
    boolean answered = await(inFlight.shutdown(), config.stopTimeout());
    app.stop();
    delays.close();
    if (redis != null) {
      redis.close();
    }
    if (requestLog != null) {
      requestLog.close(); // every answered request's line is written
    }
    return answered;
  }

  private static boolean await(Future<Void> done, Duration timeout) {
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    stop(() -> {});
  }
}
