package io.contractkit.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.http.ProbeException;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.ProfileException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** What a run finds out before its first check: the target answers, the token source delivers. */
class PreflightTest {
  private static final Duration TEN = Duration.ofSeconds(10);
  private static final ProbeRequest REQUEST = ProbeRequest.get(URI.create("http://h:1"), "/");

  private static String why(Exception cause) {
    return Preflight.why(new ProbeException(REQUEST, cause), TEN);
  }

  private static IOException wrapped(Throwable cause) {
    return new IOException("outer", cause);
  }

  @Test
  void eachCauseOfAFailedConnectionIsNamedAsAPersonReadsIt() {
    assertThat(why(new ConnectException())).isEqualTo("connection refused");
    assertThat(why(wrapped(new ConnectException("x")))).isEqualTo("connection refused");
    assertThat(
            why(
                new ConnectException() {
                  {
                    initCause(new UnresolvedAddressException());
                  }
                }))
        .isEqualTo("unknown host (the name does not resolve)");
    assertThat(why(new UnknownHostException("h")))
        .isEqualTo("unknown host (the name does not resolve)");
    assertThat(why(new HttpConnectTimeoutException("t")))
        .isEqualTo("no connection within 10 s (http.timeoutSeconds)");
    assertThat(why(new HttpTimeoutException("t")))
        .isEqualTo("no answer within 10 s (http.timeoutSeconds)");
    assertThat(why(wrapped(new SSLHandshakeException("PKIX path building failed"))))
        .isEqualTo("the TLS handshake failed: PKIX path building failed");
    assertThat(why(new IOException("closed early"))).isEqualTo("IOException: closed early");
  }

  @Test
  void aTargetThatCannotBeReachedStopsTheRunNamingApiHostPortAndCause() {
    HttpProbe http = new HttpProbe(Duration.ofSeconds(2), Map.of());
    URI closed = URI.create("http://127.0.0.1:9");
    URI other = URI.create("http://127.0.0.1:7/lms");

    assertThatThrownBy(() -> Preflight.reach(new Target(null, other), http, TEN))
        .isInstanceOf(TargetUnreachable.class)
        .hasMessage(
            "cannot reach the LMS API at 127.0.0.1:7 (http://127.0.0.1:7/lms): connection refused."
                + " Is the implementation running there? (The run did not start.)");
    assertThatThrownBy(() -> Preflight.reach(new Target(closed, other), http, TEN))
        .hasMessageStartingWith("cannot reach the Contacts API at 127.0.0.1:9 ");
    assertThatThrownBy(() -> Preflight.reach(new Target(closed, closed), http, TEN))
        .hasMessageStartingWith("cannot reach both APIs at 127.0.0.1:9 ");
    Preflight.reach(new Target(null, null), http, TEN);
  }

  @Test
  void aTokenSourceThatCannotDeliverIsAProfileErrorNamingTheLead() {
    AuthTokenSource broken =
        accessToken -> {
          throw new AuthTokenSource.AuthTokenUnavailable(
              "lms.authTokens.http: POST x answered 404");
        };

    assertThatThrownBy(() -> Preflight.authTokens(broken, "lead-a"))
        .isInstanceOf(ProfileException.class)
        .hasMessage(
            "the profile's authToken source fails when the suite first uses it (for lead lead-a):"
                + " lms.authTokens.http: POST x answered 404");
    Preflight.authTokens(accessToken -> "123456", "lead-a");
  }

  @Test
  void theWarmUpRunsOnADaemonThreadThatEnds() throws InterruptedException {
    Thread warm = ConformanceSuite.warmUpInBackground();
    warm.join(30_000);

    assertThat(warm.isDaemon()).isTrue();
    assertThat(warm.getName()).isEqualTo("conformance-warm-up");
    assertThat(warm.getState()).isEqualTo(Thread.State.TERMINATED);
  }
}
