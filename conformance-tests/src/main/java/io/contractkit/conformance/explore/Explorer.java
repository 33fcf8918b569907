package io.contractkit.conformance.explore;

import io.contractkit.conformance.checks.CheckContext;
import java.time.Instant;
import java.util.List;

/**
 * One API's part of the exploration: which step a generated number stands for, and how a sequence
 * of steps is run against the target from a fresh start (fresh ips, fresh authTokens) and compared,
 * answer by answer, with the reference model of the contract.
 *
 * @param <S> the steps of this API
 */
interface Explorer<S> {
  /** How many different numbers {@link #step} reads: 0 to this minus 1. */
  int codes();

  /**
   * The step that {@code code} stands for. Small numbers are the simplest steps: shrinking moves
   * each number towards 0.
   */
  S step(int code);

  /** The longest sequence worth generating (long enough to drive an ip into a block, say). */
  int maxLength();

  /**
   * Runs {@code steps} from a fresh start, stopping at the first answer the model did not expect,
   * or before a step once the suite's clock is past {@code deadline} (the budget is spent).
   */
  Transcript run(List<S> steps, CheckContext context, Instant deadline);
}
