package io.contractkit.conformance.run;

/**
 * The target cannot be reached at all (connection refused, unknown host, TLS, time-out): the run
 * would say nothing about conformance, so it does not start. The message names the API, the host,
 * the port and the cause.
 */
public final class TargetUnreachable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TargetUnreachable(String message) {
    super(message);
  }
}
