package io.contractkit.mock.lms;

import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.http.ApiProblem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/** Issues fresh one-time authTokens for active leads: random 6-digit codes, or a chosen one. */
public final class AuthTokenIssuer {
  private static final int ATTEMPTS = 20;

  private final Supplier<Fixtures> data;
  private final AuthTokenStore store;
  private final Clock clock;
  private final Duration defaultTtl;
  private final SecureRandom random = new SecureRandom();

  /** {@code data}: the data served now. */
  public AuthTokenIssuer(
      Supplier<Fixtures> data, AuthTokenStore store, Clock clock, Duration defaultTtl) {
    this.data = data;
    this.store = store;
    this.clock = clock;
    this.defaultTtl = defaultTtl;
  }

  /** The lead behind an accessToken, if it exists and has not expired. */
  public Lead activeLead(String accessToken) {
    return data.get()
        .lead(accessToken)
        .filter(lead -> !lead.expiredAt(clock.instant()))
        .orElseThrow(
            () -> ApiProblem.notFound("Lead not found", "No active lead has this accessToken."));
  }

  public IssuedAuthToken issue(Lead lead, Optional<String> code, Optional<Duration> ttl) {
    return issue(
        lead,
        code,
        ttl,
        (accessToken, tried, issuedAt, expiresAt) ->
            store.issue(accessToken, tried, expiresAt)
                ? Optional.of(new IssuedAuthToken(accessToken, tried, issuedAt, expiresAt))
                : Optional.empty());
  }

  /** One try to issue a code: what was issued, or empty when that code is active already. */
  @FunctionalInterface
  public interface Attempt<T> {
    Optional<T> tryIssue(String accessToken, String code, Instant issuedAt, Instant expiresAt);
  }

  /**
   * Issues {@code code} (or random codes until one is free) through {@code attempt}: what the
   * attempt that issued returned.
   */
  public <T> T issue(Lead lead, Optional<String> code, Optional<Duration> ttl, Attempt<T> attempt) {
    try {
      return issueInStore(lead, code, ttl, attempt);
    } catch (AuthTokenStore.Full full) {
      throw ApiProblem.unavailable(full.getMessage());
    }
  }

  /** Sending through this issuer's store and {@code outbox}, in two steps. */
  AuthTokenDelivery deliveringTo(Outbox outbox) {
    return AuthTokenDelivery.inTwoSteps(store, outbox);
  }

  private <T> T issueInStore(
      Lead lead, Optional<String> code, Optional<Duration> ttl, Attempt<T> attempt) {
    var issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var expiresAt = issuedAt.plus(ttl.orElse(defaultTtl));
    if (code.isPresent()) {
      return attempt
          .tryIssue(lead.accessToken(), code.get(), issuedAt, expiresAt)
          .orElseThrow(
              () -> ApiProblem.conflict("This authToken is already active for this lead."));
    }
    for (int i = 0; i < ATTEMPTS; i++) {
      String random6 = String.format("%06d", random.nextInt(1_000_000));
      Optional<T> issued = attempt.tryIssue(lead.accessToken(), random6, issuedAt, expiresAt);
      if (issued.isPresent()) {
        return issued.get();
      }
    }
    throw ApiProblem.conflict("Too many authTokens are active for this lead; reset the mock.");
  }
}
