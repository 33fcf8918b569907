package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckRegistry;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.ClockHook;
import io.contractkit.conformance.profile.CommandAuthTokens;
import io.contractkit.conformance.profile.HttpAuthTokens;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.ProfileException;
import io.contractkit.conformance.profile.StaticAuthTokens;
import io.contractkit.conformance.schema.Schemas;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The suite as a library: a profile and optional base-URL overrides in, a {@link RunResult} out.
 */
public final class ConformanceSuite {
  private static final Schemas SCHEMAS = new Schemas();

  private final Profile profile;
  private final Target target;
  private final RunOptions options;
  private final CheckRegistry registry = CheckRegistry.standard();
  private AuthTokenSource authTokensInCode;
  private ClockHook clockInCode;

  /**
   * @param contactsBaseUrl overrides the profile's contacts.baseUrl when not null
   * @param lmsBaseUrl overrides the profile's lms.baseUrl when not null
   */
  public ConformanceSuite(Profile profile, String contactsBaseUrl, String lmsBaseUrl) {
    this(profile, contactsBaseUrl, lmsBaseUrl, RunOptions.defaults());
  }

  /**
   * @param contactsBaseUrl overrides the profile's contacts.baseUrl when not null
   * @param lmsBaseUrl overrides the profile's lms.baseUrl when not null
   */
  public ConformanceSuite(
      Profile profile, String contactsBaseUrl, String lmsBaseUrl, RunOptions options) {
    this.profile = profile;
    this.options = options;
    this.target =
        new Target(
            uri(
                contactsBaseUrl != null
                    ? contactsBaseUrl
                    : profile.contacts() == null ? null : profile.contacts().baseUrl()),
            uri(
                lmsBaseUrl != null
                    ? lmsBaseUrl
                    : profile.lms() == null ? null : profile.lms().baseUrl()));
  }

  public Target target() {
    return target;
  }

  public CheckRegistry registry() {
    return registry;
  }

  public RunOptions options() {
    return options;
  }

  /**
   * Takes fresh authTokens from {@code source} instead of the profile's {@code lms.authTokens}: the
   * JUnit entry point's way for a target in the same JVM. Call it before {@link #run}.
   */
  public ConformanceSuite useAuthTokens(AuthTokenSource source) {
    this.authTokensInCode = source;
    return this;
  }

  /**
   * Moves the target's clock with {@code hook} instead of the profile's {@code clock.advance}. Call
   * it before {@link #run}.
   */
  public ConformanceSuite useClockHook(ClockHook hook) {
    this.clockInCode = hook;
    return this;
  }

  /**
   * Runs the selected checks. Before the first one, every base URL must answer HTTP and the
   * profile's authToken source (when a selected check needs it) must deliver.
   *
   * @throws TargetUnreachable when a base URL cannot be reached at all
   * @throws ProfileException when the authToken source or the clock hook fails when first used
   */
  public RunResult run(Set<String> only, Set<String> skip, RunListener listener) {
    List<Check> checks = select(only, skip);
    Duration timeout = Duration.ofSeconds(profile.http().timeoutSeconds());
    HttpProbe http = new HttpProbe(timeout, profile.http().headers());
    AuthTokenSource tokens = authTokensInCode != null ? authTokensInCode : authTokens(http);
    ClockHook clock =
        clockInCode != null
            ? clockInCode
            : ClockHook.of(
                profile.clock(), base(target.contactsBase()), base(target.lmsBase()), http);
    CheckContext context =
        new CheckContext(target, profile, http, SCHEMAS, tokens, clock, options.settings());
    if (!checks.isEmpty()) {
      Preflight.reach(target, http, timeout);
      String lead = firstLeadNeedingTokens(checks, context);
      if (tokens != null && lead != null) {
        Preflight.authTokens(tokens, lead);
      }
    }
    String name = profile.name() == null ? "(unnamed profile)" : profile.name();
    return new ConformanceRunner(listener, options.concurrency()).run(name, checks, context);
  }

  /**
   * The checks a run of these options runs, in the registry's order: those {@code only} and {@code
   * skip} select, without the exploration when its budget is 0 ({@code --explore-budget 0} leaves
   * the category out as {@code --skip} would: not run, not reported, not a skip that {@code
   * --fail-on-skipped} counts).
   *
   * @throws IllegalArgumentException when an id names no check
   */
  public List<Check> select(Set<String> only, Set<String> skip) {
    List<Check> selected = registry.select(only, skip);
    if (!options.exploreBudget().isZero()) {
      return selected;
    }
    return selected.stream().filter(c -> c.info().category() != Category.EXPLORATION).toList();
  }

  /** The first lead of the profile whose fresh authTokens a selected check takes, or null. */
  private String firstLeadNeedingTokens(List<Check> checks, CheckContext context) {
    Set<ResourceLock> locks = new HashSet<>();
    checks.forEach(c -> locks.addAll(c.locks(context)));
    return profile.lms() == null
        ? null
        : profile.lms().leads().stream()
            .map(Profile.KnownLead::accessToken)
            .filter(a -> locks.contains(ResourceLock.authTokensOf(a)))
            .findFirst()
            .orElse(null);
  }

  /**
   * Does, on a daemon thread, what the first run would otherwise wait for: compiling the schemas
   * and creating the default TLS context that every HTTP client builds (together ~0.5-1 s of a cold
   * JVM). Call it first thing, so that it overlaps with reading the profile.
   */
  public static Thread warmUpInBackground() {
    Thread warm =
        new Thread(
            () -> {
              try {
                javax.net.ssl.SSLContext.getDefault();
              } catch (java.security.NoSuchAlgorithmException e) {
                // the run itself will say so when it needs TLS
              }
              for (String schema :
                  List.of(
                      Schemas.READ_CONTACT_DTO,
                      Schemas.LMS_CONTACT_INFO,
                      Schemas.LMS_CONTACT_INFO_NULL)) {
                SCHEMAS.schema(schema);
              }
            },
            "conformance-warm-up");
    warm.setDaemon(true);
    warm.start();
    return warm;
  }

  public RunResult runAll() {
    return run(Set.of(), Set.of(), RunListener.NONE);
  }

  private AuthTokenSource authTokens(HttpProbe http) {
    Profile.Lms lms = profile.lms();
    if (lms == null || lms.authTokens() == null) {
      return null;
    }
    String base = base(target.lmsBase());
    Profile.AuthTokens a = lms.authTokens();
    if (a.staticTokens() != null) {
      return new StaticAuthTokens(a.staticTokens());
    }
    if (a.http() != null) {
      return new HttpAuthTokens(a.http(), base, http);
    }
    if (a.command() != null) {
      return new CommandAuthTokens(a.command(), base);
    }
    return null;
  }

  /** The base URL as text without a trailing slash, or null. */
  private static String base(URI uri) {
    if (uri == null) {
      return null;
    }
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static URI uri(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        throw new ProfileException("base URL " + url + " has no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ProfileException("base URL " + url + " is not a valid URL");
    }
  }
}
