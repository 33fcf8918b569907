package io.contractkit.conformance.checks;

import io.contractkit.conformance.checks.contacts.ContactsChecks;
import io.contractkit.conformance.checks.lms.LmsChecks;
import io.contractkit.conformance.checks.protocol.ProtocolChecks;
import io.contractkit.conformance.checks.robustness.RobustnessChecks;
import io.contractkit.conformance.explore.ExploreChecks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every check of the suite, by stable id, in run order. */
public final class CheckRegistry {
  private final Map<String, Check> checks = new LinkedHashMap<>();

  private CheckRegistry(Collection<Check> all) {
    for (Check c : all) {
      if (checks.put(c.info().id(), c) != null) {
        throw new IllegalStateException("two checks share the id " + c.info().id());
      }
    }
  }

  public static CheckRegistry standard() {
    List<Check> all = new ArrayList<>();
    all.addAll(ContactsChecks.all());
    all.addAll(LmsChecks.all());
    all.addAll(ProtocolChecks.all());
    all.addAll(RobustnessChecks.all());
    all.addAll(ExploreChecks.all());
    return new CheckRegistry(all);
  }

  public List<Check> all() {
    return List.copyOf(checks.values());
  }

  /**
   * The checks to run: all, or only those in {@code only} (when not empty), minus {@code skip}. An
   * unknown id is an error, so a typo cannot silently drop a check.
   */
  public List<Check> select(Set<String> only, Set<String> skip) {
    for (String id : union(only, skip)) {
      if (!checks.containsKey(id)) {
        throw new IllegalArgumentException("no check has the id " + id + " (see --list-checks)");
      }
    }
    return checks.values().stream()
        .filter(c -> only.isEmpty() || only.contains(c.info().id()))
        .filter(c -> !skip.contains(c.info().id()))
        .toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
