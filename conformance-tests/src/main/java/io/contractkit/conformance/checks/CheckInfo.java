package io.contractkit.conformance.checks;

/**
 * What identifies and documents a check. The id is stable: users select checks by it ({@code
 * --only}, {@code --skip}) and reports and the check reference are keyed by it.
 *
 * @param proves what a pass shows about the implementation
 * @param basis the document sentence or contract choice the check rests on
 * @param sampleFailure what a failure looks like, for the check reference
 * @param strictSeverity the severity in strict mode
 * @param lenientSeverity the severity in lenient mode
 * @param covers the ids of the statements of docs/CONTRACT.md ({@code C7}, {@code L12}) that this
 *     check fails on when an implementation breaks them; {@link #covering} sets them
 */
public record CheckInfo(
    String id,
    String title,
    Category category,
    Severity strictSeverity,
    Severity lenientSeverity,
    String proves,
    String basis,
    String sampleFailure,
    java.util.List<String> covers) {

  public CheckInfo {
    covers = java.util.List.copyOf(covers);
  }

  /** A check that names no contract statement yet (the traceability test refuses it). */
  public CheckInfo(
      String id,
      String title,
      Category category,
      Severity strictSeverity,
      Severity lenientSeverity,
      String proves,
      String basis,
      String sampleFailure) {
    this(
        id,
        title,
        category,
        strictSeverity,
        lenientSeverity,
        proves,
        basis,
        sampleFailure,
        java.util.List.of());
  }

  /** This check with the contract statements it covers, by id ({@code "C7", "C8"}). */
  public CheckInfo covering(String... statementIds) {
    return new CheckInfo(
        id,
        title,
        category,
        strictSeverity,
        lenientSeverity,
        proves,
        basis,
        sampleFailure,
        java.util.List.of(statementIds));
  }

  public static CheckInfo error(
      String id,
      Category category,
      String title,
      String proves,
      String basis,
      String sampleFailure) {
    return new CheckInfo(
        id, title, category, Severity.ERROR, Severity.ERROR, proves, basis, sampleFailure);
  }

  public static CheckInfo warning(
      String id,
      Category category,
      String title,
      String proves,
      String basis,
      String sampleFailure) {
    return new CheckInfo(
        id, title, category, Severity.WARNING, Severity.WARNING, proves, basis, sampleFailure);
  }

  /** An error in strict mode, a warning in lenient mode. */
  public static CheckInfo errorWhenStrict(
      String id,
      Category category,
      String title,
      String proves,
      String basis,
      String sampleFailure) {
    return new CheckInfo(
        id, title, category, Severity.ERROR, Severity.WARNING, proves, basis, sampleFailure);
  }

  public Severity severity(Mode mode) {
    return mode == Mode.STRICT ? strictSeverity : lenientSeverity;
  }
}
