package io.contractkit.mock.faults;

import java.util.List;
import java.util.Optional;

/**
 * The fault rules of the mock and how often each fired. The in-memory store is the default; a
 * shared store (for replicas) keeps the same data. Its one atomic step is {@link #fire}.
 */
public interface FaultRules {
  /** At most this many rules at once (a rule is checked on every answer of the two APIs). */
  int MAX_RULES = 100;

  /** A rule with its id and how often it fired so far. */
  record Stored(String id, FaultRule rule, long fired) {
    /** Whether the rule has fired as often as its {@code times} allow. */
    public boolean usedUp() {
      return rule.times() != null && fired >= rule.times();
    }
  }

  /**
   * Adds a rule.
   *
   * @return its id, or empty when {@link #MAX_RULES} rules are stored
   */
  Optional<String> add(FaultRule rule);

  /** Every rule, newest first: the order in which a request is matched against them. */
  List<Stored> newestFirst();

  /**
   * Every rule, newest first, with how often it fired: for the admin API, so a shared store may ask
   * its counts over every replica (the hot path reads {@link #newestFirst}).
   */
  default List<Stored> counted() {
    return newestFirst();
  }

  /**
   * Counts one firing of the rule, if it still exists and has firings left: the atomic step that
   * makes {@code times: 3} fire exactly three times under any concurrency.
   *
   * @return whether the rule fires
   */
  boolean fire(String id);

  /**
   * @return whether there was such a rule
   */
  boolean remove(String id);

  /** Removes every rule; ids start again from the first. */
  void reset();

  /** Whether there is no rule: the hot path's one check, so it must be cheap. */
  boolean isEmpty();
}
