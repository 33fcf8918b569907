package io.contractkit.conformance.checks;

import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.schema.SchemaViolation;
import java.util.List;

/** A check found a non-conformance: what was expected, what came back, and the exchange. */
public final class CheckFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;
  private final transient Exchange exchange;
  private final transient List<SchemaViolation> violations;

  public CheckFailure(
      String expected, String actual, Exchange exchange, List<SchemaViolation> violations) {
    super("expected " + expected + ", got " + actual, null, false, false);
    this.expected = expected;
    this.actual = actual;
    this.exchange = exchange;
    this.violations = List.copyOf(violations);
  }

  public CheckFailure(String expected, String actual, Exchange exchange) {
    this(expected, actual, exchange, List.of());
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }

  /** The exchange that shows the failure; null when no single one does. */
  public Exchange exchange() {
    return exchange;
  }

  public List<SchemaViolation> violations() {
    return violations;
  }
}
