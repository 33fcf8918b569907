package io.contractkit.conformance.http;

/** The target could not be reached or did not answer in time. */
public final class ProbeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ProbeRequest request;

  public ProbeException(ProbeRequest request, Exception cause) {
    super(request + ": " + describe(cause), cause);
    this.request = request;
  }

  public ProbeRequest request() {
    return request;
  }

  /** What went wrong, without the request: {@code ConnectException: Connection refused}. */
  public String cause() {
    return getCause() instanceof Exception e ? describe(e) : getMessage();
  }

  private static String describe(Exception e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }
}
