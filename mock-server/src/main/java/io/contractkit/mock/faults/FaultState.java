package io.contractkit.mock.faults;

/**
 * What faults change while the mock runs: the rules with their counts, and where the random
 * sequence stands. A reset removes every rule and starts the sequence again.
 */
public record FaultState(FaultRules rules, SeededRandom random) {
  public void reset() {
    rules.reset();
    random.reset();
  }
}
