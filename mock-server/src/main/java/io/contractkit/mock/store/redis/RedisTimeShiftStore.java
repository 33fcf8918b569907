package io.contractkit.mock.store.redis;

import io.contractkit.mock.clock.TimeShift;
import io.contractkit.mock.clock.TimeShiftStore;
import java.util.function.UnaryOperator;

/**
 * The clock's shift shared by every replica ({@code prefix:shared:clock}): every reading of the
 * clock uses the local copy (no Redis call); a change goes through Redis (see {@link
 * SharedSnapshot}).
 */
public final class RedisTimeShiftStore implements TimeShiftStore {
  private final SharedSnapshot<TimeShift> snapshot;

  public RedisTimeShiftStore(SharedSnapshots shared) {
    SharedSnapshot.Codec<TimeShift> plain = SharedSnapshot.json(TimeShift.class);
    this.snapshot =
        shared.snapshot(
            "clock",
            new SharedSnapshot.Codec<>() {
              @Override
              public String write(TimeShift value) {
                return plain.write(value);
              }

              @Override
              public TimeShift read(String text) {
                TimeShift read = plain.read(text);
                // real time is the one instance the clock recognizes at no cost
                return read.equals(TimeShift.NONE) ? TimeShift.NONE : read;
              }
            },
            TimeShift.NONE);
  }

  @Override
  public TimeShift current() {
    return snapshot.current();
  }

  @Override
  public TimeShift update(UnaryOperator<TimeShift> change) {
    return snapshot.update(change);
  }
}
