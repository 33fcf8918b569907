package io.contractkit.conformance.profile;

/** A call the profile describes (an HTTP call or a command) did not do its job; says why. */
public final class HookFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HookFailed(String message) {
    super(message);
  }
}
