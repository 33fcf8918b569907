package io.contractkit.conformance.checks;

/** An error fails the run (exit code 1); a warning is reported but does not. */
public enum Severity {
  ERROR,
  WARNING
}
