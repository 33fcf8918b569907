package io.contractkit.conformance.traceability;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckRegistry;
import io.contractkit.conformance.fakes.KnownDefect;
import io.contractkit.conformance.fakes.ValidVariant;
import io.contractkit.conformance.traceability.ContractStatements.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The traceability of docs/CONTRACT.md: statement → checks → planted defects → valid variants, from
 * the checks' {@code covering(...)}, {@link KnownDefect#breaks()}, {@link
 * ValidVariant#statements()} and {@link Traceability}; what is missing ({@link #problems()}) and
 * the table for CHECKS.md ({@link #markdown()}).
 */
record TraceabilityTable(
    List<Statement> statements,
    List<CheckRef> checks,
    List<DefectRef> defects,
    List<VariantRef> variants,
    Map<String, String> accepted,
    Map<String, String> notCheckable,
    Map<String, String> notYet) {

  record CheckRef(String id, List<String> covers) {}

  record DefectRef(String name, String description, String checkId, List<String> breaks) {}

  record VariantRef(String name, String description, List<String> statements) {}

  static final String HEADING = "## Traceability: contract statements, checks, planted defects";

  /** The table of this repository: the real contract, checks and self-tests. */
  static TraceabilityTable standard(List<Statement> statements) {
    return new TraceabilityTable(
        statements,
        CheckRegistry.standard().all().stream()
            .map(Check::info)
            .map(i -> new CheckRef(i.id(), i.covers()))
            .toList(),
        Arrays.stream(KnownDefect.values())
            .map(d -> new DefectRef(d.name(), d.description(), d.expectedCheckId(), d.breaks()))
            .toList(),
        Arrays.stream(ValidVariant.values())
            .map(v -> new VariantRef(v.name(), v.description(), v.statements()))
            .toList(),
        Traceability.ACCEPTED,
        Traceability.NOT_CHECKABLE,
        Traceability.NOT_YET);
  }

  /** Everything that keeps the table from being complete; empty when it is. */
  List<String> problems() {
    Set<String> known = new LinkedHashSet<>();
    statements.forEach(s -> known.add(s.id()));
    List<String> problems = new ArrayList<>();
    for (CheckRef c : checks) {
      if (c.covers().isEmpty()) {
        problems.add("the check " + c.id() + " names no contract statement (covering(...))");
      }
      for (String s : c.covers()) {
        if (!known.contains(s)) {
          problems.add("the check " + c.id() + " names " + s + ", which docs/CONTRACT.md lacks");
        } else if (accepted.containsKey(s) || notCheckable.containsKey(s)) {
          problems.add(
              "the check "
                  + c.id()
                  + " names "
                  + s
                  + ", which Traceability says no check fails on");
        }
      }
    }
    for (DefectRef d : defects) {
      if (d.breaks().isEmpty()) {
        problems.add("the planted defect " + d.name() + " names no contract statement it breaks");
      }
      List<String> covered =
          checks.stream()
              .filter(c -> c.id().equals(d.checkId()))
              .findFirst()
              .map(CheckRef::covers)
              .orElse(List.of());
      for (String s : d.breaks()) {
        if (!known.contains(s)) {
          problems.add(
              "the planted defect " + d.name() + " names " + s + ", which docs/CONTRACT.md lacks");
        } else if (!covered.contains(s)) {
          problems.add(
              "the planted defect "
                  + d.name()
                  + " breaks "
                  + s
                  + ", which its check "
                  + d.checkId()
                  + " does not cover");
        }
      }
    }
    for (VariantRef v : variants) {
      for (String s : v.statements()) {
        if (!known.contains(s)) {
          problems.add(
              "the valid variant " + v.name() + " names " + s + ", which docs/CONTRACT.md lacks");
        }
      }
    }
    for (String s : union(accepted.keySet(), notCheckable.keySet(), notYet.keySet())) {
      if (!known.contains(s)) {
        problems.add("Traceability names " + s + ", which docs/CONTRACT.md lacks");
      }
    }
    for (Statement s : statements) {
      boolean checked = !checksOf(s.id()).isEmpty();
      boolean proved = !defectsOf(s.id()).isEmpty();
      if (accepted.containsKey(s.id())) {
        if (variantsOf(s.id()).isEmpty()) {
          problems.add(s.id() + " is accepted in any form, but no valid variant names it");
        }
      } else if (!notCheckable.containsKey(s.id())) {
        if (!checked) {
          problems.add(s.id() + " has no check (covering(\"" + s.id() + "\"))");
        }
        if (!proved) {
          problems.add(s.id() + " has no planted defect (KnownDefect naming " + s.id() + ")");
        }
      }
    }
    return problems;
  }

  /** The section of CHECKS.md. */
  String markdown() {
    StringBuilder md = new StringBuilder(16384);
    md.append(HEADING).append("\n\n");
    md.append(
        "<!-- Generated by TraceabilityTest from the checks' covering(...), the self-tests' planted"
            + " defects (KnownDefect) and valid variants (ValidVariant), and Traceability.java; do"
            + " not edit by hand. Regenerate with: ./mvnw -B -q -pl conformance-tests -am test"
            + " -Dtest=TraceabilityTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dtraceability.write=true -->\n\n");
    md.append(
            "Each statement of [docs/CONTRACT.md](../docs/CONTRACT.md), the checks that fail when an\n")
        .append(
            "implementation breaks it, the defects planted in the suite's self-tests to prove that those\n")
        .append(
            "checks fail (each is caught under its check), and the valid variants (correct implementations\n")
        .append(
            "that chose differently) that must still pass. A statement no check can fail on says why.\n\n");
    md.append("| statement | checks | planted defects | valid variants |\n");
    md.append("|---|---|---|---|\n");
    for (Statement s : statements) {
      md.append("| [")
          .append(s.id())
          .append("](../docs/CONTRACT.md#")
          .append(s.id().toLowerCase(Locale.ROOT))
          .append(") ")
          .append(cell(s.title()))
          .append(" | ")
          .append(checksCell(s.id()))
          .append(" | ")
          .append(
              join(defectsOf(s.id()).stream().map(d -> "`" + d.name() + "` " + d.description())))
          .append(" | ")
          .append(
              join(variantsOf(s.id()).stream().map(v -> "`" + v.name() + "` " + v.description())))
          .append(" |\n");
    }
    md.append('\n');
    return md.toString();
  }

  private String checksCell(String statement) {
    List<String> parts = new ArrayList<>();
    String ids =
        String.join(
            ", ",
            checksOf(statement).stream()
                .map(c -> "[`" + c.id() + "`](#" + c.id().toLowerCase(Locale.ROOT) + ")")
                .toList());
    if (!ids.isEmpty()) {
      parts.add(ids);
    }
    if (accepted.containsKey(statement)) {
      parts.add("accepted in any form: " + accepted.get(statement));
    }
    if (notCheckable.containsKey(statement)) {
      parts.add("not checked: " + notCheckable.get(statement));
    }
    if (notYet.containsKey(statement)) {
      parts.add("not checked yet: " + notYet.get(statement));
    }
    return cell(String.join("; ", parts));
  }

  private List<CheckRef> checksOf(String statement) {
    return checks.stream().filter(c -> c.covers().contains(statement)).toList();
  }

  private List<DefectRef> defectsOf(String statement) {
    return defects.stream().filter(d -> d.breaks().contains(statement)).toList();
  }

  private List<VariantRef> variantsOf(String statement) {
    return variants.stream().filter(v -> v.statements().contains(statement)).toList();
  }

  private static String join(java.util.stream.Stream<String> items) {
    return String.join("<br>", items.map(TraceabilityTable::cell).toList());
  }

  /** A table cell: on one line, pipes escaped. */
  private static String cell(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|");
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new LinkedHashSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return all;
  }
}
