package io.contractkit.conformance.explore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The contract's brute-force protection as a reference model ([C16]–[C24], [C26]), for lookups that
 * all fall within one window and one block: a wrong secret from an unblocked ip is answered 404 and
 * counts as one failure of that ip; a correct secret is answered 200 and counts for nothing (it
 * resets nothing either); after {@code maxFailures} failures the ip is blocked and every lookup
 * from it is answered 429, a correct secret too, without counting; other ips are not affected. A
 * move of the clock past the window and the block forgets every failure and lifts every block.
 */
final class ThrottleModel {
  private final int maxFailures;
  private final Map<Integer, Integer> failures = new HashMap<>();
  private final Set<Integer> blocked = new HashSet<>();

  ThrottleModel(int maxFailures) {
    this.maxFailures = maxFailures;
  }

  /** The status the contract expects for a lookup from {@code ip}. */
  int expected(int ip, boolean rightSecret) {
    if (blocked.contains(ip)) {
      return 429;
    }
    return rightSecret ? 200 : 404;
  }

  /** Moves the model on by the lookup, as the contract says the target must. */
  void lookedUp(int ip, boolean rightSecret) {
    if (blocked.contains(ip) || rightSecret) {
      return;
    }
    int count = failures.merge(ip, 1, Integer::sum);
    if (count >= maxFailures) {
      blocked.add(ip);
    }
  }

  /** Whether {@code ip} is blocked now. */
  boolean isBlocked(int ip) {
    return blocked.contains(ip);
  }

  /** The failures counted for {@code ip} so far. */
  int failuresOf(int ip) {
    return failures.getOrDefault(ip, 0);
  }

  /** The clock moved past the window and the block: a fresh start for every ip. */
  void clockMovedPastEverything() {
    failures.clear();
    blocked.clear();
  }
}
