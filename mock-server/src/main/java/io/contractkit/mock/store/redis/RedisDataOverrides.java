package io.contractkit.mock.store.redis;

import io.contractkit.mock.fixtures.DataOverrides;
import io.contractkit.mock.fixtures.Overrides;
import java.util.function.UnaryOperator;

/**
 * The test data put or deleted at run time, shared by every replica ({@code prefix:shared:data}):
 * requests read the local copy (no Redis call); a change goes through Redis (see {@link
 * SharedSnapshot}). {@link #onRemoteChange} tells the mock when another replica changed it, so that
 * it serves the new data.
 */
public final class RedisDataOverrides implements DataOverrides {
  private final SharedSnapshot<Overrides> snapshot;

  public RedisDataOverrides(SharedSnapshots shared) {
    this.snapshot = shared.snapshot("data", SharedSnapshot.json(Overrides.class), Overrides.NONE);
  }

  @Override
  public Overrides current() {
    return snapshot.current();
  }

  @Override
  public Overrides update(UnaryOperator<Overrides> change) {
    return snapshot.update(change);
  }

  /** Runs {@code listener} after another replica changed the data (on the messages' thread). */
  public void onRemoteChange(Runnable listener) {
    snapshot.onRemoteChange(value -> listener.run());
  }
}
