package io.contractkit.conformance.explore;

import io.contractkit.conformance.checks.Check;
import java.util.List;

/** The checks of the exploration category, in the order they run. */
public final class ExploreChecks {
  private ExploreChecks() {}

  public static List<Check> all() {
    return List.of(new ExploreContactsThrottle(), new ExploreLmsAuthTokens());
  }
}
