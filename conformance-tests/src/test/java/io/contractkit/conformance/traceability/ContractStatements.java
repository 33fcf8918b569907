package io.contractkit.conformance.traceability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbered statements of docs/CONTRACT.md, in the page's order. */
final class ContractStatements {
  static final Path CONTRACT = Path.of("..", "docs", "CONTRACT.md");

  private static final Pattern HEADING =
      Pattern.compile("^### <a id=\"([a-z]+\\d+)\"></a>([A-Z]+\\d+) · (.+)$", Pattern.MULTILINE);

  /** One statement: its id ({@code C7}) and its heading's text. */
  record Statement(String id, String title) {
    /** The group: G, L, C or M. */
    String group() {
      return id.substring(0, 1);
    }
  }

  private ContractStatements() {}

  static List<Statement> load() throws IOException {
    return parse(Files.readString(CONTRACT, StandardCharsets.UTF_8));
  }

  /** The statements of a page written like docs/CONTRACT.md; an anchor must be its id. */
  static List<Statement> parse(String markdown) {
    List<Statement> statements = new ArrayList<>();
    Matcher m = HEADING.matcher(markdown);
    while (m.find()) {
      if (!m.group(1).equalsIgnoreCase(m.group(2))) {
        throw new IllegalArgumentException(
            "the anchor " + m.group(1) + " does not match the statement " + m.group(2));
      }
      statements.add(new Statement(m.group(2), m.group(3).strip()));
    }
    return statements;
  }
}
