package io.contractkit.mock.contacts;

import java.time.Duration;

/**
 * Brute-force protection of the Contacts API, per {@code ip} value. A lookup first begins an
 * attempt (refused while the ip is blocked), then ends it as a success or a failure; failures count
 * towards a block. The in-memory throttle is the default; a shared one (for several mock replicas)
 * would implement the same calls.
 */
public interface BruteForceThrottle {

  /** Begins a lookup from {@code ip}: either an attempt to finish, or a refusal while blocked. */
  Attempt begin(String ip);

  /** Forgets every ip: the initial state. */
  void reset();

  /** One lookup in progress. Exactly one of {@link #succeeded()} or {@link #failed()} follows. */
  interface Attempt {
    /** Empty when the lookup may go on; the time until the block lifts when it may not. */
    java.util.Optional<Duration> refusedFor();

    void succeeded();

    void failed();
  }
}
