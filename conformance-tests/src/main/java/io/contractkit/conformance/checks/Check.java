package io.contractkit.conformance.checks;

/**
 * One small, named unit of conformance. {@link #run} returns normally when the implementation
 * conforms, throws {@link CheckFailure} (with what was expected, what came back and how to
 * reproduce it) when it does not, and {@link CheckSkipped} when the profile lacks what it needs.
 */
public interface Check {
  CheckInfo info();

  void run(CheckContext context);
}
