package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckRegistry;
import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.CommandAuthTokens;
import io.contractkit.conformance.profile.HttpAuthTokens;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.ProfileException;
import io.contractkit.conformance.profile.StaticAuthTokens;
import io.contractkit.conformance.schema.Schemas;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The suite as a library: a profile and optional base-URL overrides in, a {@link RunResult} out.
 */
public final class ConformanceSuite {
  private static final Schemas SCHEMAS = new Schemas();

  private final Profile profile;
  private final Target target;
  private final CheckRegistry registry = CheckRegistry.standard();

  /**
   * @param contactsBaseUrl overrides the profile's contacts.baseUrl when not null
   * @param lmsBaseUrl overrides the profile's lms.baseUrl when not null
   */
  public ConformanceSuite(Profile profile, String contactsBaseUrl, String lmsBaseUrl) {
    this.profile = profile;
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

  public RunResult run(Set<String> only, Set<String> skip, RunListener listener) {
    List<Check> checks = registry.select(only, skip);
    HttpProbe http =
        new HttpProbe(
            Duration.ofSeconds(profile.http().timeoutSeconds()), profile.http().headers());
    CheckContext context = new CheckContext(target, profile, http, SCHEMAS, authTokens(http));
    String name = profile.name() == null ? "(unnamed profile)" : profile.name();
    return new ConformanceRunner(listener).run(name, checks, context);
  }

  public RunResult runAll() {
    return run(Set.of(), Set.of(), RunListener.NONE);
  }

  private AuthTokenSource authTokens(HttpProbe http) {
    Profile.Lms lms = profile.lms();
    if (lms == null || lms.authTokens() == null) {
      return null;
    }
    String base = target.lmsBase() == null ? null : stripSlash(target.lmsBase().toString());
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

  private static String stripSlash(String s) {
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
