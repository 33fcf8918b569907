package io.contractkit.mock.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issuing authTokens: random six-digit codes, a bounded number of retries, millisecond times. */
class AuthTokenIssuerBehaviourTest {
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-11-23T10:00:00.123456789Z"));
  private final Lead lead =
      new Lead(
          "lead-A",
          Instant.parse("2026-11-23T11:00:00Z"),
          new byte[0],
          "A",
          "a@example.com",
          null,
          List.of());
  private final Fixtures fixtures = new Fixtures(Map.of(), Map.of("lead-A", lead));

  /** A store that refuses the first {@code refusals} codes and records every code it was given. */
  private static final class RecordingStore implements AuthTokenStore {
    final List<String> offered = new ArrayList<>();
    final List<Instant> expiries = new ArrayList<>();
    int refusals;

    RecordingStore(int refusals) {
      this.refusals = refusals;
    }

    @Override
    public boolean issue(String accessToken, String code, Instant expiresAt) {
      offered.add(code);
      expiries.add(expiresAt);
      return refusals-- <= 0;
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
  }

  private AuthTokenIssuer issuer(AuthTokenStore store) {
    return new AuthTokenIssuer(() -> fixtures, store, clock, Duration.ofMinutes(15));
  }

  @Test
  void aRandomCodeIsSixDigitsAndTimesAreWholeMilliseconds() {
    RecordingStore store = new RecordingStore(0);

    IssuedAuthToken token = issuer(store).issue(lead, Optional.empty(), Optional.empty());

    assertThat(token.code()).matches("[0-9]{6}");
    assertThat(token.accessToken()).isEqualTo("lead-A");
    assertThat(token.issuedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
    assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-23T10:15:00.123Z"));
    assertThat(store.offered).containsExactly(token.code());
    assertThat(store.expiries).containsExactly(token.expiresAt());
  }

  @Test
  void aTakenRandomCodeIsRetriedWithAnother() {
    RecordingStore store = new RecordingStore(2);

    IssuedAuthToken token =
        issuer(store).issue(lead, Optional.empty(), Optional.of(Duration.ofSeconds(5)));

    assertThat(store.offered).hasSize(3);
    assertThat(token.code()).isEqualTo(store.offered.get(2));
    assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-23T10:00:05.123Z"));
  }

  @Test
  void afterTwentyTakenCodesIssuingGivesUpWithAConflict() {
    RecordingStore store = new RecordingStore(Integer.MAX_VALUE);

    assertThatThrownBy(() -> issuer(store).issue(lead, Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(409);
              assertThat(p.detail())
                  .isEqualTo("Too many authTokens are active for this lead; reset the mock.");
            });
    assertThat(store.offered).hasSize(20);
  }

  @Test
  void aChosenCodeIsIssuedAsIsOrIsAConflict() {
    RecordingStore accepting = new RecordingStore(0);
    IssuedAuthToken token =
        issuer(accepting).issue(lead, Optional.of("chosen-1"), Optional.empty());
    assertThat(token.code()).isEqualTo("chosen-1");
    assertThat(accepting.offered).containsExactly("chosen-1");

    RecordingStore refusing = new RecordingStore(1);
    assertThatThrownBy(
            () -> issuer(refusing).issue(lead, Optional.of("chosen-1"), Optional.empty()))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(409);
              assertThat(p.detail()).isEqualTo("This authToken is already active for this lead.");
            });
    assertThat(refusing.offered).containsExactly("chosen-1");
  }

  @Test
  void aLeadIsActiveUntilItsExpirationInstant() {
    AuthTokenIssuer issuer = issuer(new RecordingStore(0));
    assertThat(issuer.activeLead("lead-A")).isSameAs(lead);

    clock.advance(Duration.between(clock.instant(), lead.expiration()));
    assertThatThrownBy(() -> issuer.activeLead("lead-A"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
    assertThatThrownBy(() -> issuer.activeLead("lead-B"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
  }
}
