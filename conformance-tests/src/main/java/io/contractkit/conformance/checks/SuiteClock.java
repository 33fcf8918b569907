package io.contractkit.conformance.checks;

import java.time.Duration;
import java.time.Instant;

/**
 * The suite's own time: what "now" is and how it waits. {@link #SYSTEM} in a run; the self-tests
 * give one whose waiting moves a simulated implementation's clock instead of sleeping.
 */
public interface SuiteClock {
  Instant now();

  /** Waits for {@code duration} to pass. */
  void sleep(Duration duration) throws InterruptedException;

  /** The machine's clock; waiting is a real sleep. */
  SuiteClock SYSTEM =
      new SuiteClock() {
        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Thread.sleep(duration.toMillis());
        }
      };
}
