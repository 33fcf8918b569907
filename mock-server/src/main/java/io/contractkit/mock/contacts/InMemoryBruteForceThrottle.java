package io.contractkit.mock.contacts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-ip sliding-window throttle. Every state change of an ip is one atomic {@code compute}. An
 * attempt reserves a failure slot when it begins, so that N concurrent wrong lookups can never get
 * more than {@code maxFailures} 404s before the block: a lookup that would exceed the budget is
 * refused at once. Entries expire when their window and block have passed (Caffeine, on the
 * injected clock), so a flood of distinct ips does not grow the heap without bound.
 */
public final class InMemoryBruteForceThrottle implements BruteForceThrottle {
  /**
   * An upper bound on tracked ips; beyond it the least used are evicted. About 220 bytes of heap
   * each (measured), so about 22 MB when full.
   */
  public static final long MAX_TRACKED_IPS = 100_000;

  private static final Duration PENDING_RETRY = Duration.ofSeconds(1);

  /** Recent failure times (oldest first, within the window), lookups in flight, block end. */
  private record IpState(List<Instant> failures, int pending, Instant blockedUntil) {
    static final IpState EMPTY = new IpState(List.of(), 0, null);

    boolean blockedAt(Instant now) {
      return blockedUntil != null && now.isBefore(blockedUntil);
    }

    IpState prune(Instant now, Duration window) {
      // Failures are oldest first: drop the prefix that left the window (no stream: hot path).
      Instant cutoff = now.minus(window);
      int firstRecent = 0;
      while (firstRecent < failures.size() && !cutoff.isBefore(failures.get(firstRecent))) {
        firstRecent++;
      }
      Instant block = blockedAt(now) ? blockedUntil : null;
      if (firstRecent == 0 && block == blockedUntil) {
        return this;
      }
      return new IpState(
          List.copyOf(failures.subList(firstRecent, failures.size())), pending, block);
    }

    Instant expiresAt(Duration window) {
      Instant end =
          failures.isEmpty() ? Instant.EPOCH : failures.get(failures.size() - 1).plus(window);
      if (blockedUntil != null && blockedUntil.isAfter(end)) {
        end = blockedUntil;
      }
      return end;
    }
  }

  private final Clock clock;
  private final ThrottlePolicy policy;
  private final Cache<String, IpState> cache;
  private final ConcurrentMap<String, IpState> ips;

  public InMemoryBruteForceThrottle(Clock clock, ThrottlePolicy policy) {
    this.clock = clock;
    this.policy = policy;
    this.cache =
        Caffeine.newBuilder()
            .ticker(() -> nanos(clock.instant()))
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
  public Attempt begin(String ip) {
    Duration[] refused = {null};
    ips.compute(
        ip,
        (key, current) -> {
          Instant now = clock.instant();
          IpState state = (current == null ? IpState.EMPTY : current).prune(now, policy.window());
          if (state.blockedAt(now)) {
            refused[0] = Duration.between(now, state.blockedUntil());
            return state;
          }
          if (state.failures().size() + state.pending() >= policy.maxFailures()) {
            refused[0] = PENDING_RETRY;
            return state;
          }
          return new IpState(state.failures(), state.pending() + 1, null);
        });
    return refused[0] != null ? new Refused(refused[0]) : new Reserved(ip);
  }

  @Override
  public void reset() {
    ips.clear();
  }

  private void finish(String ip, boolean failed) {
    ips.compute(
        ip,
        (key, current) -> {
          Instant now = clock.instant();
          IpState state = (current == null ? IpState.EMPTY : current).prune(now, policy.window());
          int pending = Math.max(0, state.pending() - 1);
          if (!failed) {
            return new IpState(state.failures(), pending, state.blockedUntil());
          }
          List<Instant> failures = new ArrayList<>(state.failures());
          failures.add(now);
          Instant blockedUntil =
              failures.size() >= policy.maxFailures()
                  ? now.plus(policy.block())
                  : state.blockedUntil();
          return new IpState(
              blockedUntil != null ? List.of() : List.copyOf(failures), pending, blockedUntil);
        });
  }

  private Duration timeToLive(IpState state) {
    if (state.pending() > 0) {
      return policy.window().plus(policy.block());
    }
    Duration left = Duration.between(clock.instant(), state.expiresAt(policy.window()));
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

  private record Refused(Duration retryAfter) implements Attempt {
    @Override
    public Optional<Duration> refusedFor() {
      return Optional.of(retryAfter);
    }

    @Override
    public void succeeded() {}

    @Override
    public void failed() {}
  }

  private final class Reserved implements Attempt {
    private final String ip;

    Reserved(String ip) {
      this.ip = ip;
    }

    @Override
    public Optional<Duration> refusedFor() {
      return Optional.empty();
    }

    @Override
    public void succeeded() {
      finish(ip, false);
    }

    @Override
    public void failed() {
      finish(ip, true);
    }
  }
}
