package io.contractkit.mock;

import io.contractkit.mock.admin.AdminHandlers;
import io.contractkit.mock.admin.InMemoryRequestJournal;
import io.contractkit.mock.admin.JournalEntry;
import io.contractkit.mock.admin.RequestJournal;
import io.contractkit.mock.contacts.ContactsHandler;
import io.contractkit.mock.contacts.InMemoryBruteForceThrottle;
import io.contractkit.mock.fixtures.FixtureLoader;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.JettyErrorHandler;
import io.contractkit.mock.http.ProblemRenderer;
import io.contractkit.mock.lms.AuthTokenIssuer;
import io.contractkit.mock.lms.InMemoryAuthTokenStore;
import io.contractkit.mock.lms.LeadContactHandler;
import io.contractkit.mock.lms.Outbox;
import io.contractkit.mock.lms.SendAuthTokenHandler;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The mock server: wires fixtures, state and handlers into Javalin, and starts it. */
public final class MockServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("mock.requests");
  private static final int REQUEST_HEADER_BYTES = 16 * 1024;

  private final Javalin app;
  private final MockConfig config;
  private final Fixtures fixtures;
  private final MockState state;

  private MockServer(Javalin app, MockConfig config, Fixtures fixtures, MockState state) {
    this.app = app;
    this.config = config;
    this.fixtures = fixtures;
    this.state = state;
  }

  public static MockServer start(MockConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts the mock; time (token expiry, throttle windows) comes from {@code clock}. */
  public static MockServer start(MockConfig config, Clock clock) {
    JsonMapper json = JsonMapper.builder().build();
    Fixtures fixtures = new FixtureLoader(json, new SchemaCatalog()).load(config.fixtures());
    MockState state =
        new MockState(
            new InMemoryAuthTokenStore(clock, fixtures.leadsByAccessToken().values()),
            new InMemoryBruteForceThrottle(clock, config.throttle()),
            new Outbox(config.outboxSize()),
            new InMemoryRequestJournal(config.journalSize()));
    AuthTokenIssuer issuer =
        new AuthTokenIssuer(fixtures, state.authTokens(), clock, config.authTokenTtl());
    Routes routes =
        new Routes(
            state,
            new ContactsHandler(fixtures, state.throttle()),
            new LeadContactHandler(fixtures, state.authTokens(), clock),
            new SendAuthTokenHandler(issuer, state.outbox(), json),
            new AdminHandlers(
                fixtures, state, issuer, json, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    ProblemRenderer problems = new ProblemRenderer(json);

    Javalin app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.jetty.host = config.host();
              javalin.jetty.port = config.port();
              javalin.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
                    http.setSendServerVersion(false);
                  });
              javalin.jetty.modifyServer(
                  server -> server.setErrorHandler(new JettyErrorHandler(problems)));
              javalin.router.caseInsensitiveRoutes = true;
              javalin.bundledPlugins.enableCors(
                  cors ->
                      cors.addRule(
                          rule -> {
                            if (config.anyCorsOrigin()) {
                              rule.anyHost();
                            } else {
                              rule.allowHost(
                                  config.corsOrigins().get(0),
                                  config
                                      .corsOrigins()
                                      .subList(1, config.corsOrigins().size())
                                      .toArray(String[]::new));
                            }
                            rule.exposeHeader("Retry-After");
                            rule.exposeHeader("Allow");
                          }));
              javalin.routes.before(ctx -> ctx.header("Cache-Control", "no-store"));
              routes.registerOn(javalin.routes);
              javalin.routes.exception(ApiProblem.class, problems::render);
              javalin.routes.exception(HttpResponseException.class, problems::render);
              javalin.routes.exception(Exception.class, problems::render);
              javalin.requestLogger.http(
                  (ctx, millis) -> record(state.journal(), clock, ctx, millis));
            });
    app.start();
    return new MockServer(app, config, fixtures, state);
  }

  private static void record(RequestJournal journal, Clock clock, Context ctx, Float millis) {
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    int status = ctx.statusCode();
    journal.record(
        new JournalEntry(
            0,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            ctx.method().name(),
            ctx.path(),
            query,
            status,
            Math.round(millis * 1000.0) / 1000.0));
    if (LOG.isInfoEnabled()) {
      LOG.info(
          "{} {}{} {} {}ms",
          ctx.method().name(),
          ctx.path(),
          query.isEmpty() ? "" : "?" + query,
          status,
          String.format("%.1f", millis));
    }
  }

  public int port() {
    return app.port();
  }

  public URI baseUri() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port());
  }

  public Fixtures fixtures() {
    return fixtures;
  }

  public MockState state() {
    return state;
  }

  @Override
  public void close() {
    app.stop();
  }
}
