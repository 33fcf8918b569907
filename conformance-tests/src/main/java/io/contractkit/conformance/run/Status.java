package io.contractkit.conformance.run;

/** How a check ended. */
public enum Status {
  PASSED,
  FAILED,
  SKIPPED
}
