package io.contractkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed check reference (conformance-tests/CHECKS.md) is what the code generates: a check
 * added, removed or reworded without regenerating it fails the build. To regenerate: {@code java
 * -jar conformance-tests/target/conformance.jar --write-check-reference
 * conformance-tests/CHECKS.md}, then append the traceability table with TraceabilityTest's {@code
 * -Dtraceability.write=true}, which writes both.
 */
class CheckReferenceInStepTest {
  private static final Path COMMITTED = Path.of("CHECKS.md");

  @Test
  void theCommittedCheckReferenceIsWhatTheChecksGenerate() throws IOException {
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);

    assertThat(committed)
        .as("CHECKS.md is out of date: regenerate it with --write-check-reference")
        .startsWith(CheckReference.standard());
  }

  @Test
  void everyCheckHasItsOwnSectionWithProofBasisAndSampleFailure() throws IOException {
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);

    for (Check check : CheckRegistry.standard().all()) {
      var info = check.info();
      assertThat(committed).contains("\n## " + info.id() + "\n");
      assertThat(info.proves()).as(info.id() + " proves").isNotBlank();
      assertThat(info.basis()).as(info.id() + " basis").isNotBlank();
      assertThat(info.sampleFailure()).as(info.id() + " sample failure").isNotBlank();
    }
  }
}
