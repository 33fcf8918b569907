package io.contractkit.mock.contacts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-ip sliding-window throttle, on epoch milliseconds of the injected clock. A failure is one
 * atomic {@code compute} (refuse while blocked, else count and maybe block), so N concurrent wrong
 * lookups can never get more than {@code maxFailures} 404s; a found secret only reads. Entries
 * expire when their window and block have passed (Caffeine, on the injected clock), so a flood of
 * distinct ips does not grow the heap without bound.
 */
public final class InMemoryBruteForceThrottle implements BruteForceThrottle {
  /**
   * An upper bound on tracked ips; beyond it the least used are evicted. About 220 bytes of heap
   * each (measured), so about 22 MB when full.
   */
  public static final long MAX_TRACKED_IPS = 100_000;

  private static final long[] NO_FAILURES = {};

  /**
   * Failure times within the window (epoch millis, oldest first, as of the last failure) and the
   * end of the block (0: none). Never changed once made.
   */
  private record IpState(long[] failures, long blockedUntil) {
    boolean blockedAt(long now) {
      return now < blockedUntil;
    }

    long expiresAt(long window) {
      long end = failures.length == 0 ? 0 : failures[failures.length - 1] + window;
      return Math.max(end, blockedUntil);
    }
  }

  private final Clock clock;
  private final int maxFailures;
  private final long windowMillis;
  private final long blockMillis;
  private final Cache<String, IpState> cache;
  private final ConcurrentMap<String, IpState> ips;

  public InMemoryBruteForceThrottle(Clock clock, ThrottlePolicy policy) {
    this.clock = clock;
    this.maxFailures = policy.maxFailures();
    this.windowMillis = ceilMillis(policy.window());
    this.blockMillis = ceilMillis(policy.block());
    this.cache =
        Caffeine.newBuilder()
            .ticker(() -> clock.millis() * 1_000_000L)
            .maximumSize(MAX_TRACKED_IPS)
            .expireAfter(Expiry.<String, IpState>writing((ip, state) -> timeToLive(state)))
            .build();
    this.ips = cache.asMap();
  }

  /**
   * How many ips are tracked, after evicting those whose window and block have passed on the clock
   * (and any beyond {@link #MAX_TRACKED_IPS}): never more than that bound.
   */
  public long trackedIps() {
    sweep(cache);
    return cache.estimatedSize();
  }

  @Override
  public Optional<Duration> blockedFor(String ip) {
    IpState state = ips.get(ip);
    if (state == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    return state.blockedAt(now)
        ? Optional.of(Duration.ofMillis(state.blockedUntil() - now))
        : Optional.empty();
  }

  @Override
  public Optional<Duration> failed(String ip) {
    long[] refusedFor = {0};
    ips.compute(
        ip,
        (key, current) -> {
          long now = clock.millis();
          if (current != null && current.blockedAt(now)) {
            refusedFor[0] = current.blockedUntil() - now;
            return current;
          }
          long[] before = current == null ? NO_FAILURES : current.failures();
          // Oldest first: skip those that left the window (no stream: a hot path).
          long cutoff = now - windowMillis;
          int first = 0;
          while (first < before.length && before[first] <= cutoff) {
            first++;
          }
          int recent = before.length - first;
          if (recent + 1 >= maxFailures) {
            return new IpState(NO_FAILURES, now + blockMillis); // a fresh budget after the block
          }
          long[] failures = Arrays.copyOfRange(before, first, before.length + 1);
          failures[recent] = now;
          return new IpState(failures, 0);
        });
    return refusedFor[0] > 0 ? Optional.of(Duration.ofMillis(refusedFor[0])) : Optional.empty();
  }

  @Override
  public void reset() {
    ips.clear();
  }

  private Duration timeToLive(IpState state) {
    long left = state.expiresAt(windowMillis) - clock.millis();
    return Duration.ofMillis(Math.max(0, left));
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

  private static long ceilMillis(Duration d) {
    long millis = d.toMillis();
    return d.equals(Duration.ofMillis(millis)) ? millis : millis + 1;
  }
}
