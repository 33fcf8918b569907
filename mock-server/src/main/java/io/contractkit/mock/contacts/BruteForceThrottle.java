package io.contractkit.mock.contacts;

import java.time.Duration;
import java.util.Optional;

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

  /** Forgets every ip: the initial state. */
  void reset();
}
