package io.contractkit.mock.lms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.contractkit.mock.fixtures.Lead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * authTokens keyed by (accessToken, code); consumption is one atomic {@code remove}. The seeded
 * tokens of the fixtures live in a map of their own, so no flood of issued tokens can push them
 * out; issued tokens live in a Caffeine cache that evicts them once expired (on the injected clock)
 * and holds at most {@link #MAX_ISSUED_TOKENS}, so a flood of issued tokens does not grow the heap
 * without bound. Unknown and consumed tokens take no room at all.
 *
 * <p>Whether a token is valid is always decided by its own {@code expiresAt} against the clock; the
 * cache's eviction only gives memory back. The clock may be set back (the admin API steers it), but
 * a cache's ticker must never go back: the ticker is the latest time the clock has shown, so after
 * a step back tokens are evicted late (never early) until the clock catches up, and a reset starts
 * a new cache on the clock as it is.
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
  private final ConcurrentMap<Key, Optional<Instant>> seeded = new ConcurrentHashMap<>();

  /** The seeded tokens as the leads define them: what a reset restores. */
  private volatile Map<Key, Optional<Instant>> seed;

  private volatile Cache<Key, Optional<Instant>> cache;
  private volatile LatestTimeTicker ticker;
  private volatile ConcurrentMap<Key, Optional<Instant>> issued;

  public InMemoryAuthTokenStore(Clock clock, Collection<Lead> seed) {
    this.clock = clock;
    this.seed = seedOf(seed);
    reset();
  }

  private Cache<Key, Optional<Instant>> newCache(LatestTimeTicker ticker) {
    return Caffeine.newBuilder()
        .ticker(ticker)
        .maximumSize(MAX_ISSUED_TOKENS + SIZE_HEADROOM)
        .expireAfter(
            Expiry.<Key, Optional<Instant>>creating(
                (key, expiresAt) -> untilExpiry(clock.instant(), expiresAt)))
        .build();
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
    Cache<Key, Optional<Instant>> tokens = cache;
    if (tokens.estimatedSize() >= MAX_ISSUED_TOKENS) {
      sweep(tokens);
      if (tokens.estimatedSize() >= MAX_ISSUED_TOKENS && ticker.lagging()) {
        // The clock was set back and has not caught up with the cache's ticker, which evicts late:
        // decide by the clock itself (a scan, so only then).
        tokens.asMap().values().removeIf(t -> !valid(t));
      }
      if (tokens.estimatedSize() >= MAX_ISSUED_TOKENS) {
        throw new Full(
            "The mock holds "
                + MAX_ISSUED_TOKENS
                + " active authTokens; reset it or let some expire.");
      }
    }
    return tokens.asMap().putIfAbsent(key, Optional.ofNullable(expiresAt)) == null;
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
    LatestTimeTicker freshTicker = new LatestTimeTicker(clock);
    Cache<Key, Optional<Instant>> fresh = newCache(freshTicker);
    ticker = freshTicker;
    cache = fresh;
    issued = fresh.asMap();
    seeded.clear();
    seeded.putAll(seed);
  }

  @Override
  public void reseed(Collection<Lead> leads, Set<String> fresh) {
    Map<Key, Optional<Instant>> before = seed;
    Map<Key, Optional<Instant>> after = seedOf(leads);
    seeded.keySet().retainAll(after.keySet());
    after.forEach(
        (key, expiresAt) -> {
          boolean used = before.containsKey(key) && !seeded.containsKey(key);
          if (!used || fresh.contains(key.accessToken())) {
            seeded.put(key, expiresAt);
          }
        });
    Set<String> present = new HashSet<>();
    leads.forEach(lead -> present.add(lead.accessToken()));
    issued.keySet().removeIf(key -> !present.contains(key.accessToken()));
    seed = after;
  }

  @Override
  public void forgetExpired() {
    seeded.values().removeIf(t -> !valid(t));
    issued.values().removeIf(t -> !valid(t));
  }

  private static Map<Key, Optional<Instant>> seedOf(Collection<Lead> leads) {
    Map<Key, Optional<Instant>> tokens = new HashMap<>();
    for (Lead lead : leads) {
      for (Lead.SeededAuthToken token : lead.authTokens()) {
        tokens.put(
            new Key(lead.accessToken(), token.code()), Optional.ofNullable(token.expiresAt()));
      }
    }
    return Map.copyOf(tokens);
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

  /**
   * The latest time the clock has shown, in nanoseconds: it follows the clock forward and stands
   * still while a clock that was set back catches up, as a Caffeine ticker must.
   */
  static final class LatestTimeTicker implements Ticker {
    private final Clock clock;
    private final AtomicLong latest;

    LatestTimeTicker(Clock clock) {
      this.clock = clock;
      this.latest = new AtomicLong(nanos(clock.instant()));
    }

    @Override
    public long read() {
      long now = nanos(clock.instant());
      long seen = latest.get();
      return now <= seen ? seen : latest.accumulateAndGet(now, Math::max);
    }

    /** Whether the clock shows an earlier time than this ticker has (it was set back). */
    boolean lagging() {
      return nanos(clock.instant()) < latest.get();
    }
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
