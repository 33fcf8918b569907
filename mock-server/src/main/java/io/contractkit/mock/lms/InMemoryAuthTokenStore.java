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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * authTokens keyed by (accessToken, code); consumption is one atomic {@code remove}. The seeded
 * tokens of the fixtures live in a map of their own, so no flood of issued tokens can push them
 * out; issued tokens live in a Caffeine cache that evicts them once expired (on the injected clock)
 * and holds at most {@link #MAX_ISSUED_TOKENS}, so a flood of issued tokens does not grow the heap
 * without bound. Unknown and consumed tokens take no room at all.
 */
public final class InMemoryAuthTokenStore implements AuthTokenStore {
  /**
   * An upper bound on live issued tokens; beyond it the least used are evicted. About 225 bytes of
   * heap each (measured), so about 22 MB when full.
   */
  public static final long MAX_ISSUED_TOKENS = 100_000;

  /**
   * Caffeine's size bound sits above {@link #MAX_ISSUED_TOKENS}, so that concurrent issues that
   * pass the check together never make it evict an active token by size (it would drop it
   * silently).
   */
  private static final long SIZE_HEADROOM = 10_000;

  private record Key(String accessToken, String code) {}

  private final Clock clock;
  private final Collection<Lead> seed;
  private final ConcurrentMap<Key, Optional<Instant>> seeded = new ConcurrentHashMap<>();
  private final Cache<Key, Optional<Instant>> cache;
  private final ConcurrentMap<Key, Optional<Instant>> issued;

  public InMemoryAuthTokenStore(Clock clock, Collection<Lead> seed) {
    this.clock = clock;
    this.seed = seed;
    this.cache =
        Caffeine.newBuilder()
            .ticker(() -> nanos(clock.instant()))
            .maximumSize(MAX_ISSUED_TOKENS + SIZE_HEADROOM)
            .expireAfter(
                Expiry.<Key, Optional<Instant>>creating(
                    (key, expiresAt) -> untilExpiry(clock.instant(), expiresAt)))
            .build();
    this.issued = cache.asMap();
    reset();
  }

  /**
   * How many tokens are held: the seeded ones not yet consumed, and the issued ones after evicting
   * those that expired on the clock (never more than {@link #MAX_ISSUED_TOKENS}).
   */
  public long activeTokens() {
    sweep(cache);
    return seeded.size() + cache.estimatedSize();
  }

  @Override
  public boolean issue(String accessToken, String code, Instant expiresAt) {
    Key key = new Key(accessToken, code);
    Optional<Instant> seededToken = seeded.get(key);
    if (seededToken != null && valid(seededToken)) {
      return false;
    }
    if (cache.estimatedSize() >= MAX_ISSUED_TOKENS) {
      sweep(cache);
      if (cache.estimatedSize() >= MAX_ISSUED_TOKENS) {
        throw new Full(
            "The mock holds "
                + MAX_ISSUED_TOKENS
                + " active authTokens; reset it or let some expire.");
      }
    }
    return issued.putIfAbsent(key, Optional.ofNullable(expiresAt)) == null;
  }

  @Override
  public boolean consume(String accessToken, String code) {
    Key key = new Key(accessToken, code);
    Optional<Instant> seededToken = seeded.remove(key);
    if (seededToken != null && valid(seededToken)) {
      return true;
    }
    Optional<Instant> issuedToken = issued.remove(key);
    return issuedToken != null && valid(issuedToken);
  }

  @Override
  public void reset() {
    issued.clear();
    seeded.clear();
    for (Lead lead : seed) {
      for (Lead.SeededAuthToken token : lead.authTokens()) {
        seeded.put(
            new Key(lead.accessToken(), token.code()), Optional.ofNullable(token.expiresAt()));
      }
    }
  }

  private boolean valid(Optional<Instant> expiresAt) {
    return expiresAt.map(clock.instant()::isBefore).orElse(true);
  }

  private static Duration untilExpiry(Instant now, Optional<Instant> expiresAt) {
    if (expiresAt.isEmpty()) {
      return Duration.ofNanos(Long.MAX_VALUE);
    }
    Duration left = Duration.between(now, expiresAt.get());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Evicts every expired entry now. Caffeine sweeps expired entries in bounded batches, one per
   * maintenance run (which reads and writes trigger), so a single {@code cleanUp} may leave some.
   */
  static void sweep(Cache<?, ?> cache) {
    long before;
    do {
      before = cache.estimatedSize();
      cache.cleanUp();
    } while (cache.estimatedSize() < before);
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
