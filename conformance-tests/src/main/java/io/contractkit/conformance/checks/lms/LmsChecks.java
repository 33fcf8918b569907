package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Check;
import java.util.List;

/** The checks of this category, in the order they run. */
public final class LmsChecks {
  private LmsChecks() {}

  public static List<Check> all() {
    return List.of();
  }
}
