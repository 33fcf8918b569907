package io.contractkit.conformance.checks;

/** The check cannot run: the profile lacks what it needs (the reason says what). */
public final class CheckSkipped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckSkipped(String reason) {
    super(reason, null, false, false);
  }
}
