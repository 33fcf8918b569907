package io.contractkit.mock.client;

/**
 * The mock answered a {@link MockAdmin} request with another status than the expected one (its
 * problem title and detail are in the message), or could not be reached (status 0).
 */
public final class MockAdminException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final String detail;

  MockAdminException(int status, String message, String title, String detail) {
    super(message);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  /** The HTTP status of the answer; 0 when there was none. */
  public int status() {
    return status;
  }

  /** The {@code title} of the mock's problem answer, or null. */
  public String title() {
    return title;
  }

  /** The {@code detail} of the mock's problem answer, or null. */
  public String detail() {
    return detail;
  }
}
