package io.contractkit.mock.lms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.contractkit.mock.fixtures.Lead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * authTokens in a Caffeine cache keyed by (accessToken, code): consumption is one atomic {@code
 * remove}, and expired tokens are evicted on the injected clock, so a flood of issued tokens does
 * not grow the heap without bound.
 */
public final class InMemoryAuthTokenStore implements AuthTokenStore {
  /** An upper bound on live tokens; the oldest are evicted beyond it. */
  static final long MAX_TOKENS = 1_000_000;

  private record Key(String accessToken, String code) {}

  private final Clock clock;
  private final Collection<Lead> seed;
  private final ConcurrentMap<Key, Optional<Instant>> tokens;

  public InMemoryAuthTokenStore(Clock clock, Collection<Lead> seed) {
    this.clock = clock;
    this.seed = seed;
    Cache<Key, Optional<Instant>> cache =
        Caffeine.newBuilder()
            .ticker(() -> nanos(clock.instant()))
            .maximumSize(MAX_TOKENS)
            .expireAfter(
                Expiry.<Key, Optional<Instant>>creating(
                    (key, expiresAt) -> untilExpiry(clock.instant(), expiresAt)))
            .build();
    this.tokens = cache.asMap();
    reset();
  }

  @Override
  public boolean issue(String accessToken, String code, Instant expiresAt) {
    return tokens.putIfAbsent(new Key(accessToken, code), Optional.ofNullable(expiresAt)) == null;
  }

  @Override
  public boolean consume(String accessToken, String code) {
    Optional<Instant> expiresAt = tokens.remove(new Key(accessToken, code));
    return expiresAt != null && expiresAt.map(clock.instant()::isBefore).orElse(true);
  }

  @Override
  public void reset() {
    tokens.clear();
    for (Lead lead : seed) {
      for (Lead.SeededAuthToken token : lead.authTokens()) {
        issue(lead.accessToken(), token.code(), token.expiresAt());
      }
    }
  }

  private static Duration untilExpiry(Instant now, Optional<Instant> expiresAt) {
    if (expiresAt.isEmpty()) {
      return Duration.ofNanos(Long.MAX_VALUE);
    }
    Duration left = Duration.between(now, expiresAt.get());
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
