package io.contractkit.mock.contacts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Brute-force protection of the Contacts API, per {@code ip} address (every spelling of one address
 * is one ip): failed lookups count towards a block; while an ip is blocked every lookup from it is
 * refused, a correct secret included. The in-memory throttle is the default; a shared one (for
 * several mock replicas) would implement the same calls.
 */
public interface BruteForceThrottle {

  /**
   * A lookup that found its contact: empty unless {@code ip} is blocked, then the time until the
   * block lifts. Changes nothing (successes never count).
   */
  Optional<Duration> blockedFor(IpAddress ip);

  /**
   * A lookup that found nothing, in one atomic step: while {@code ip} is blocked it is refused (the
   * time until the block lifts) and not counted; otherwise it counts (empty), and the failure that
   * fills the budget starts the block. So N concurrent failures get at most the budget of 404s.
   */
  Optional<Duration> failed(IpAddress ip);

  /**
   * {@link #blockedFor}, answered when the throttle has the answer. In memory that is at once; a
   * shared throttle completes it when its store answers, on the store client's own thread, so that
   * no request thread waits (what follows must not wait for that store).
   */
  default CompletableFuture<Optional<Duration>> blockedForAsync(IpAddress ip) {
    return CompletableFuture.completedFuture(blockedFor(ip));
  }

  /** {@link #failed}, answered when the throttle has the answer (as {@link #blockedForAsync}). */
  default CompletableFuture<Optional<Duration>> failedAsync(IpAddress ip) {
    return CompletableFuture.completedFuture(failed(ip));
  }

  /**
   * What the throttle holds now, for the admin API and the dashboard (read only): every ip with
   * failures still in the window or a block that has not ended, at most {@code limit} of them. The
   * blocked ones come first, the block that ends last first; then the others, most failures first;
   * ties by the ip's bits. Ips whose failures have left the window and whose block has ended are
   * not listed (they are as good as forgotten).
   */
  List<TrackedIp> tracked(int limit);

  /**
   * Forgets {@code ip} in one atomic step, its failures in the window and its block: its next
   * lookup is answered as from an ip never seen (404 or 200). False when the ip had neither.
   */
  boolean forget(IpAddress ip);

  /** Forgets every ip: the initial state. */
  void reset();

  /**
   * One ip the throttle holds.
   *
   * @param failures failed lookups still in the window (0 while blocked: a block starts with a
   *     fresh budget)
   * @param blockedFor the time until its block lifts; zero when it is not blocked
   */
  record TrackedIp(IpAddress ip, int failures, Duration blockedFor) {
    public boolean blocked() {
      return !blockedFor.isZero();
    }
  }
}
