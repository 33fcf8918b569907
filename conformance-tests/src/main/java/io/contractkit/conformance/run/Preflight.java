package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.http.ProbeException;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.ProfileException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * What is found out before the first check, so that a run that cannot say anything about
 * conformance stops with one clear message (exit code 2) instead of thirty failures and skips:
 * every base URL answers HTTP at all, and the profile's authToken source delivers.
 */
final class Preflight {
  private Preflight() {}

  /**
   * Sends {@code GET <base>/} to each base URL of the target (once when both are the same); any
   * HTTP answer, whatever its status, shows that the target can be reached.
   *
   * @throws TargetUnreachable naming the API, host, port and cause of the first that cannot
   */
  static void reach(Target target, HttpProbe http, Duration timeout) {
    Map<URI, String> bases = new LinkedHashMap<>();
    if (target.contactsBase() != null) {
      bases.put(target.contactsBase(), "the Contacts API");
    }
    if (target.lmsBase() != null) {
      bases.merge(target.lmsBase(), "the LMS API", (a, b) -> "both APIs");
    }
    for (Map.Entry<URI, String> base : bases.entrySet()) {
      ProbeRequest request = ProbeRequest.get(base.getKey(), "/");
      try {
        http.send(request);
      } catch (ProbeException e) {
        throw new TargetUnreachable(
            "cannot reach "
                + base.getValue()
                + " at "
                + request.host()
                + ":"
                + request.port()
                + " ("
                + base.getKey()
                + "): "
                + why(e, timeout)
                + ". Is the implementation running there? (The run did not start.)");
      }
    }
  }

  /**
   * Takes one authToken for {@code accessToken} from the source (a static list is only looked at),
   * so that a source that cannot deliver is a profile error, not a row of skipped checks.
   *
   * @throws ProfileException naming the source, the request and what came back
   */
  static void authTokens(AuthTokenSource source, String accessToken) {
    try {
      source.check(accessToken);
    } catch (AuthTokenSource.AuthTokenUnavailable e) {
      throw new ProfileException(
          "the profile's authToken source fails when the suite first uses it (for lead "
              + accessToken
              + "): "
              + e.getMessage());
    }
  }

  /** The cause of a failed connection, as a person reads it. */
  static String why(ProbeException e, Duration timeout) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host (the name does not resolve)";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within " + timeout.toSeconds() + " s (http.timeoutSeconds)";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer within " + timeout.toSeconds() + " s (http.timeoutSeconds)";
      }
      if (t instanceof SSLException) {
        return "the TLS handshake failed: " + t.getMessage();
      }
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
    }
    return e.cause();
  }
}
