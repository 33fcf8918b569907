package io.contractkit.conformance.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.conformance.report.CheckReference;
import io.contractkit.conformance.traceability.ContractStatements.Statement;
import io.contractkit.conformance.traceability.TraceabilityTable.CheckRef;
import io.contractkit.conformance.traceability.TraceabilityTable.DefectRef;
import io.contractkit.conformance.traceability.TraceabilityTable.VariantRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every statement of docs/CONTRACT.md has a check that fails when it is broken and a planted defect
 * that proves it, or says why not; every check names its statements; and the table in CHECKS.md is
 * what the code generates. To regenerate CHECKS.md (the check reference and the table): {@code
 * ./mvnw -B -q -pl conformance-tests -am test -Dtest=TraceabilityTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtraceability.write=true}.
 */
class TraceabilityTest {
  private static final Path CHECKS_MD = Path.of("CHECKS.md");

  @Test
  void everyStatementHasACheckAndAPlantedDefectAndEveryCheckAndDefectNamesKnownStatements()
      throws IOException {
    List<Statement> statements = ContractStatements.load();

    assertThat(statements).hasSizeGreaterThanOrEqualTo(79);
    assertThat(statements).extracting(Statement::id).contains("G1", "L20", "C29", "M10");
    assertThat(TraceabilityTable.standard(statements).problems()).isEmpty();
  }

  @Test
  void checksMdHoldsTheCheckReferenceAndTheGeneratedTable() throws IOException {
    String generated =
        CheckReference.standard()
            + TraceabilityTable.standard(ContractStatements.load()).markdown();
    if (Boolean.getBoolean("traceability.write")) {
      Files.writeString(CHECKS_MD, generated, StandardCharsets.UTF_8);
    }

    assertThat(Files.readString(CHECKS_MD, StandardCharsets.UTF_8))
        .as(
            "CHECKS.md is out of date: regenerate it with -Dtest=TraceabilityTest"
                + " -Dtraceability.write=true")
        .isEqualTo(generated);
  }

  @Test
  void aStatementWithoutCheckOrDefectAndACheckWithoutStatementAreProblems() {
    TraceabilityTable table =
        new TraceabilityTable(
            List.of(
                new Statement("C7", "An unknown secret is answered 404"),
                new Statement("C8", "The 404 discloses no contact data"),
                new Statement("G13", "Any precision"),
                new Statement("M1", "Sending an authToken")),
            List.of(
                new CheckRef("CONTACTS-UNKNOWN-SECRET-404", List.of("C7", "C99")),
                new CheckRef("ROBUSTNESS-X", List.of()),
                new CheckRef("PROTOCOL-Y", List.of("M1"))),
            List.of(
                new DefectRef("A", "a", "CONTACTS-UNKNOWN-SECRET-404", List.of("C7")),
                new DefectRef("B", "b", "ROBUSTNESS-X", List.of("C8")),
                new DefectRef("C", "c", "ROBUSTNESS-X", List.of()),
                new DefectRef("D", "d", "ROBUSTNESS-X", List.of("X1"))),
            List.of(new VariantRef("V", "v", List.of("Q3"))),
            Map.of("G13", "any is fine"),
            Map.of("M1", "a mock extension", "Z9", "gone"),
            Map.of());

    assertThat(table.problems())
        .containsExactlyInAnyOrder(
            "the check CONTACTS-UNKNOWN-SECRET-404 names C99, which docs/CONTRACT.md lacks",
            "the check ROBUSTNESS-X names no contract statement (covering(...))",
            "the check PROTOCOL-Y names M1, which Traceability says no check fails on",
            "the planted defect B breaks C8, which its check ROBUSTNESS-X does not cover",
            "the planted defect C names no contract statement it breaks",
            "the planted defect D names X1, which docs/CONTRACT.md lacks",
            "the valid variant V names Q3, which docs/CONTRACT.md lacks",
            "Traceability names Z9, which docs/CONTRACT.md lacks",
            "C8 has no check (covering(\"C8\"))",
            "G13 is accepted in any form, but no valid variant names it");
  }

  @Test
  void theTableHasOneRowPerStatementWithItsChecksDefectsVariantsAndReasons() {
    TraceabilityTable table =
        new TraceabilityTable(
            List.of(
                new Statement("C7", "An unknown secret | 404"),
                new Statement("G13", "Any precision"),
                new Statement("M1", "Sending")),
            List.of(new CheckRef("CONTACTS-UNKNOWN-SECRET-404", List.of("C7"))),
            List.of(
                new DefectRef("A", "200 instead", "CONTACTS-UNKNOWN-SECRET-404", List.of("C7")),
                new DefectRef("B", "empty\nbody", "CONTACTS-UNKNOWN-SECRET-404", List.of("C7"))),
            List.of(new VariantRef("V", "3 digits", List.of("G13"))),
            Map.of("G13", "any is fine"),
            Map.of("M1", "a mock extension"),
            Map.of("C7", "a HEAD request"));

    assertThat(table.markdown())
        .startsWith(TraceabilityTable.HEADING + "\n\n<!-- Generated by TraceabilityTest")
        .contains(
            "| [C7](../docs/CONTRACT.md#c7) An unknown secret \\| 404 |"
                + " [`CONTACTS-UNKNOWN-SECRET-404`](#contacts-unknown-secret-404); not checked yet:"
                + " a HEAD request | `A` 200 instead<br>`B` empty body |  |\n",
            "| [G13](../docs/CONTRACT.md#g13) Any precision | accepted in any form: any is fine |  |"
                + " `V` 3 digits |\n",
            "| [M1](../docs/CONTRACT.md#m1) Sending | not checked: a mock extension |  |  |\n");
  }

  @Test
  void statementsAreReadFromTheirHeadingsAndAnAnchorMustBeItsId() {
    assertThat(
            ContractStatements.parse(
                "# x\n### <a id=\"g1\"></a>G1 · Two GET operations \n\ntext\n"
                    + "### <a id=\"c12\"></a>C12 · Nulls\n### Not a statement\n"))
        .containsExactly(new Statement("G1", "Two GET operations"), new Statement("C12", "Nulls"));
    assertThat(new Statement("C12", "Nulls").group()).isEqualTo("C");
    assertThatThrownBy(() -> ContractStatements.parse("### <a id=\"c1\"></a>C2 · Wrong\n"))
        .hasMessageContaining("c1")
        .hasMessageContaining("C2");
  }
}
