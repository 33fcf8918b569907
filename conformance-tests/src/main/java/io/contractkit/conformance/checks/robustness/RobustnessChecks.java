package io.contractkit.conformance.checks.robustness;

import io.contractkit.conformance.checks.Check;
import java.util.List;

/** The checks of this category, in the order they run. */
public final class RobustnessChecks {
  private RobustnessChecks() {}

  public static List<Check> all() {
    return List.of(
        new ContactsNoServerError(),
        new LmsNoServerError(),
        new ContactsNoDisclosure(),
        new LmsNoDisclosure());
  }
}
