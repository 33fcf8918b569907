package io.contractkit.wiremock;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.Extensions;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.HttpServerFactoryLoader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.contacts.ContactLookup;
import io.contractkit.mock.contacts.InMemoryBruteForceThrottle;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.fixtures.FixtureLoader;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.lms.AuthTokenIssuer;
import io.contractkit.mock.lms.AuthTokenSending;
import io.contractkit.mock.lms.InMemoryAuthTokenStore;
import io.contractkit.mock.lms.IssuedAuthToken;
import io.contractkit.mock.lms.LeadRelease;
import io.contractkit.mock.lms.Outbox;
import io.contractkit.mock.lms.OutboxMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * contract-kit's mock inside WireMock 3: the Contacts API and the LMS lead-contact API (with the
 * send-token route) answered as the mock answers them, on the same fixtures, by the mock's own
 * behaviour (mock-core: one-time authTokens consumed atomically, the per-ip throttle with {@code
 * Retry-After}, the outbox). The routes are answered before WireMock's stubs; every other request
 * goes on to them. Admin routes under {@code /__admin/contract-kit/} (see {@link AdminRoutes}). It
 * is also WireMock's server factory, so that a query WireMock cannot decode gets the kit's 400 on
 * its routes, not WireMock's HTML 500 ({@link #buildHttpServer}).
 *
 * <p>With {@code wiremock-standalone}: {@code --extensions
 * io.contractkit.wiremock.ContractKitExtension} (the bundled fixtures, or the folder in the system
 * property {@value #FIXTURES_PROPERTY}).
 */
public final class ContractKitExtension
    implements StubRequestFilterV2, AdminApiExtension, HttpServerFactory {
  /** The system property the no-argument constructor reads the fixtures folder from. */
  public static final String FIXTURES_PROPERTY = "contractkit.fixtures";

  /** The authTokens' lifetime when none is given: the mock's default {@code --token-ttl}. */
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(15);

  private static final int OUTBOX_SIZE = 1000;

  private final Fixtures fixtures;
  private final SteerableClock clock;
  private final InMemoryAuthTokenStore authTokens;
  private final InMemoryBruteForceThrottle throttle;
  private final Outbox outbox;
  private final AuthTokenIssuer issuer;
  private final ApiRoutes api;
  private final ReadWriteLock resetLock = new ReentrantReadWriteLock();

  /**
   * For {@code --extensions}: the fixtures folder in the system property {@value
   * #FIXTURES_PROPERTY} (the bundled fixtures when it is not set), the mock's default throttle and
   * token lifetime, the system clock.
   */
  public ContractKitExtension() {
    this(
        Optional.ofNullable(System.getProperty(FIXTURES_PROPERTY)).map(Path::of).orElse(null),
        ThrottlePolicy.DEFAULT,
        DEFAULT_TOKEN_TTL,
        Clock.systemUTC());
  }

  /**
   * {@code fixtures}: a folder with {@code contacts.json} and {@code leads.json}, or null for the
   * bundled fixtures (the mock's {@code --fixtures}); checked against their schemas as the mock
   * checks them.
   *
   * @throws io.contractkit.mock.fixtures.FixtureException fixtures that cannot be read or are
   *     invalid
   */
  public ContractKitExtension(
      Path fixtures, ThrottlePolicy throttlePolicy, Duration tokenTtl, Clock clock) {
    JsonMapper json = JsonMapper.builder().build();
    this.fixtures = new FixtureLoader(json, new SchemaCatalog()).load(fixtures);
    this.clock = clock instanceof SteerableClock given ? given : new SteerableClock(clock);
    this.authTokens =
        new InMemoryAuthTokenStore(this.clock, this.fixtures.leadsByAccessToken().values());
    this.throttle = new InMemoryBruteForceThrottle(this.clock, throttlePolicy);
    this.outbox = new Outbox(OUTBOX_SIZE);
    Supplier<Fixtures> data = () -> this.fixtures;
    this.issuer = new AuthTokenIssuer(data, authTokens, this.clock, tokenTtl);
    this.api =
        new ApiRoutes(
            new ContactLookup(data, throttle),
            new LeadRelease(data, authTokens, this.clock),
            new AuthTokenSending(issuer, outbox, json),
            json);
  }

  @Override
  public String getName() {
    return "contract-kit";
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    return answer(request)
        .map(RequestFilterAction::stopWith)
        .orElseGet(() -> RequestFilterAction.continueWith(request));
  }

  /**
   * The HTTP server WireMock would build without the kit (its options' server factory, or the one
   * it finds for Jetty 12), whose stub handler lets the kit answer a request on its routes whose
   * query WireMock cannot decode (see {@link UndecodableQueries}): WireMock takes an extension that
   * is an {@code HttpServerFactory} as its server factory.
   */
  @Override
  public HttpServer buildHttpServer(
      Options options,
      AdminRequestHandler adminRequestHandler,
      StubRequestHandler stubRequestHandler) {
    return new HttpServerFactoryLoader(
            options,
            Extensions.NONE,
            HttpServerFactoryLoader.systemServiceLoader(),
            HttpServerFactoryLoader.isJetty11())
        .load()
        .buildHttpServer(
            options, adminRequestHandler, new UndecodableQueries(stubRequestHandler, this::answer));
  }

  /** The kit's answer to a request, or empty when it is not for one of its routes. */
  private Optional<ResponseDefinition> answer(Request request) {
    resetLock.readLock().lock();
    try {
      return api.answer(
          request.getMethod().getName(), request.getUrl(), request.getHeader("Accept"));
    } finally {
      resetLock.readLock().unlock();
    }
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    AdminRoutes admin = new AdminRoutes(this, JsonMapper.builder().build());
    router.add(RequestMethod.GET, AdminRoutes.OUTBOX, admin::outbox);
    router.add(RequestMethod.DELETE, AdminRoutes.OUTBOX, admin::clearOutbox);
    router.add(RequestMethod.POST, AdminRoutes.AUTH_TOKENS, admin::mintAuthToken);
    router.add(RequestMethod.POST, AdminRoutes.CLOCK, admin::advanceClock);
    router.add(RequestMethod.POST, AdminRoutes.RESET, admin::reset);
  }

  /**
   * A fresh one-time authToken for an active lead (as the mock's {@code POST /__admin/authtokens}),
   * nothing in the outbox.
   *
   * @throws ApiProblem no active lead has this accessToken (404)
   */
  public String mintAuthToken(String accessToken) {
    return issue(accessToken).code();
  }

  IssuedAuthToken issue(String accessToken) {
    resetLock.readLock().lock();
    try {
      return issuer.issue(issuer.activeLead(accessToken), Optional.empty(), Optional.empty());
    } finally {
      resetLock.readLock().unlock();
    }
  }

  /** The messages the send-token route "delivered", newest first. */
  public List<OutboxMessage> outbox() {
    return outbox.newest(m -> true, OUTBOX_SIZE);
  }

  /** Empties the outbox. */
  public void clearOutbox() {
    outbox.reset();
  }

  /** Moves the clock forward: blocks lift and authTokens expire without waiting. */
  public SteerableClock.Reading advanceClock(Duration step) {
    return clock.advance(step);
  }

  /**
   * The initial state again, once no request is between its first and last change: real time, the
   * seeded authTokens fresh, no throttled ips, an empty outbox.
   */
  public void reset() {
    resetLock.writeLock().lock();
    try {
      clock.reset();
      authTokens.reseed(fixtures.leadsByAccessToken().values(), Set.of());
      authTokens.reset();
      throttle.reset();
      outbox.reset();
    } finally {
      resetLock.writeLock().unlock();
    }
  }
}
