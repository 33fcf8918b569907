package io.contractkit.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone of the repository is complete: no file points outside it, and every relative link of the
 * Markdown files (README, docs/CONTRACT.md, CHECKS.md, …) reaches a file and an anchor that exist.
 */
class RepositoryLinksTest {
  /** The repository root: Surefire runs in the module's folder. */
  private static final Path REPOSITORY = Path.of("..");

  /** Built in pieces, so that this file does not itself point outside the repository. */
  private static final String SHARED = ".." + "/shared";

  @TempDir Path root;

  @Test
  void noFileOfTheRepositoryLinksOutsideItOrToAMissingFileOrAnchor() {
    assertThat(REPOSITORY.resolve("pom.xml")).exists();
    assertThat(REPOSITORY.resolve("docs/CONTRACT.md")).exists();

    assertThat(RepositoryLinks.problems(REPOSITORY)).isEmpty();
  }

  @Test
  void linksToExistingFilesHeadingsExplicitAnchorsAndLinesPass() throws IOException {
    write("docs/CONTRACT.md", "# The contract\n\n### <a id=\"c7\"></a>C7 · Unknown: `404`\n");
    write("docs/page.txt", "one\ntwo\nthree\n");
    write(
        "README.md",
        """
        [contract](docs/CONTRACT.md), [c7](docs/CONTRACT.md#c7),
        [heading](docs/CONTRACT.md#c7--unknown-404), [top](#readme), [folder](docs/),
        [lines](docs/page.txt#L2-L3), [reference][ref], [web](https://example.com/work/x)
        <a href="docs/page.txt#L1">html</a>

        # Readme

        `[in code](missing.md)`

        [ref]: docs/CONTRACT.md#the-contract
        """);

    assertThat(RepositoryLinks.problems(root)).isEmpty();
  }

  @Test
  void aLinkToAMissingFileIsReportedWithItsLine() throws IOException {
    write("README.md", "# Readme\n\nSee [the notes](docs/NOTES.md).\n");

    assertThat(RepositoryLinks.problems(root))
        .containsExactly("README.md:3: docs/NOTES.md: no such file in the repository");
  }

  @Test
  void aLinkToAMissingAnchorIsReported() throws IOException {
    write("docs/CONTRACT.md", "# Contract\n\n### <a id=\"c7\"></a>C7\n");
    write("README.md", "[c8](docs/CONTRACT.md#c8) and [self](#nowhere)\n\n# Readme\n");

    assertThat(RepositoryLinks.problems(root))
        .containsExactly(
            "README.md:1: docs/CONTRACT.md#c8: no heading or anchor 'c8' in docs/CONTRACT.md",
            "README.md:1: #nowhere: no heading or anchor 'nowhere' in README.md");
  }

  @Test
  void aLinkThatLeavesTheRepositoryIsReported() throws IOException {
    write("README.md", "[notes](" + SHARED + "/NOTES.md)\n");
    write("docs/a.md", "[up](../../x.md) and [absolute](/etc/passwd)\n");

    List<String> problems = RepositoryLinks.problems(root);

    assertThat(problems)
        .contains(
            "docs/a.md:1: ../../x.md: leads outside the repository",
            "docs/a.md:1: /etc/passwd: an absolute path (links must be relative)",
            "README.md:1: " + SHARED + "/NOTES.md: leads outside the repository");
  }

  @Test
  void aPathOutsideTheRepositoryInAnyTextFileIsReported() throws IOException {
    write("schemas/openapi.yaml", "info:\n  description: see " + SHARED + "/NOTES.md\n");
    write("bench/results.json", "{\"command\": \"java -jar /" + "work/main/x.jar\"}\n");
    write("bench/ok.json", "{\"url\": \"https://example.com/work/x\", \"tmp\": \"/tmp/x\"}\n");

    assertThat(RepositoryLinks.problems(root))
        .containsExactlyInAnyOrder(
            "schemas/openapi.yaml:2: points outside the repository (" + SHARED + "…)",
            "bench/results.json:1: points outside the repository (/" + "work/m…)");
  }

  @Test
  void aLineAnchorBeyondTheEndOrIntoAFolderOrAnotherFileTypeIsReported() throws IOException {
    write("docs/page.txt", "one\ntwo\n");
    write("docs/Schema.json", "{}\n");
    write(
        "README.md",
        "[a](docs/page.txt#L3) [b](docs/page.txt#L2-L1) [c](docs/#x) [d](docs/Schema.json#id)\n");

    assertThat(RepositoryLinks.problems(root))
        .containsExactly(
            "README.md:1: docs/page.txt#L3: docs/page.txt has 2 lines",
            "README.md:1: docs/page.txt#L2-L1: docs/page.txt has 2 lines",
            "README.md:1: docs/#x: an anchor on a folder",
            "README.md:1: docs/Schema.json#id: an anchor into a file that is not Markdown");
  }

  @Test
  void binaryFilesAreNotRead() throws IOException {
    Files.write(root.resolve("blob.bin"), ("x\0" + SHARED).getBytes(StandardCharsets.UTF_8));

    assertThat(RepositoryLinks.problems(root)).isEmpty();
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
