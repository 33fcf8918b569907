package io.contractkit.conformance.run;

import io.contractkit.conformance.checks.CheckInfo;

/** Hears about a run as it goes: for live progress on the console. */
public interface RunListener {
  default void started(int checks) {}

  default void checkStarted(CheckInfo info, int index, int total) {}

  default void checkFinished(CheckResult result, int index, int total) {}

  RunListener NONE = new RunListener() {};
}
