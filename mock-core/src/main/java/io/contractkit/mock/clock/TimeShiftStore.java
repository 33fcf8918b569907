package io.contractkit.mock.clock;

import java.util.function.UnaryOperator;

/**
 * Where the mock keeps its {@link TimeShift}, which every reading of the mock's clock applies. The
 * in-memory store is the default; a shared store (for several mock replicas, which must agree on
 * the shift: the mock server's {@code RedisTimeShiftStore}) implements the same two calls.
 */
public interface TimeShiftStore {

  /** The shift now; read on every reading of the clock, so it must be cheap. */
  TimeShift current();

  /**
   * Replaces the shift with {@code change} applied to it, in one atomic step (the change may run
   * more than once, so it must have no side effects); an exception it throws changes nothing.
   *
   * @return the new shift
   */
  TimeShift update(UnaryOperator<TimeShift> change);
}
