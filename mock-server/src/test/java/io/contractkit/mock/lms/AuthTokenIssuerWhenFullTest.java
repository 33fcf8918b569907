package io.contractkit.mock.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A full token store is a 503 for whoever asked for a token (mint or send), never a 500. */
class AuthTokenIssuerWhenFullTest {
  private final AuthTokenStore full =
      new AuthTokenStore() {
        @Override
        public boolean issue(String accessToken, String code, Instant expiresAt) {
          throw new Full("The mock holds 3 active authTokens; reset it or let some expire.");
        }

        @Override
        public boolean consume(String accessToken, String code) {
          return false;
        }

        @Override
        public void reset() {}

        @Override
        public void reseed(Collection<Lead> leads, Set<String> fresh) {}

        @Override
        public void forgetExpired() {}
      };

  @Test
  void aFullStoreIsA503NamingTheBound() {
    Lead lead =
        new Lead(
            "lead-A",
            Instant.parse("2031-01-01T00:00:00Z"),
            new byte[0],
            "A",
            null,
            null,
            List.of());
    AuthTokenIssuer issuer =
        new AuthTokenIssuer(null, full, MutableClock.atFixedStart(), Duration.ofMinutes(15));

    for (Optional<String> code : List.of(Optional.<String>empty(), Optional.of("123456"))) {
      assertThatThrownBy(() -> issuer.issue(lead, code, Optional.empty()))
          .isInstanceOfSatisfying(
              ApiProblem.class,
              problem -> {
                assertThat(problem.status()).isEqualTo(503);
                assertThat(problem.detail()).contains("3 active authTokens");
              });
    }
  }
}
