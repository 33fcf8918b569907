package io.contractkit.mock.clock;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The shift of this mock alone, in one atomic reference: a volatile read per clock reading. */
public final class InMemoryTimeShiftStore implements TimeShiftStore {
  private final AtomicReference<TimeShift> shift = new AtomicReference<>(TimeShift.NONE);

  @Override
  public TimeShift current() {
    return shift.get();
  }

  @Override
  public TimeShift update(UnaryOperator<TimeShift> change) {
    return shift.updateAndGet(change);
  }
}
