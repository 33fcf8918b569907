package io.contractkit.mock.http;

import io.contractkit.mock.fixtures.Violation;
import java.util.List;
import java.util.Optional;

/**
 * The one error type of the mock: thrown anywhere, rendered in one place ({@link ProblemBodies}) as
 * an RFC 9457 {@code application/problem+json} body. The detail never echoes a submitted value, so
 * no secret or token leaks through an error.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final String parameter;
  private final Long retryAfterSeconds;
  private final transient List<Violation> errors;

  private ApiProblem(
      int status,
      String type,
      String title,
      String detail,
      String parameter,
      Long retryAfterSeconds) {
    this(status, type, title, detail, parameter, retryAfterSeconds, List.of());
  }

  private ApiProblem(
      int status,
      String type,
      String title,
      String detail,
      String parameter,
      Long retryAfterSeconds,
      List<Violation> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.parameter = parameter;
    this.retryAfterSeconds = retryAfterSeconds;
    this.errors = List.copyOf(errors);
  }

  public static ApiProblem missingParameter(String name) {
    return new ApiProblem(
        400,
        "missing-parameter",
        "Missing query parameter",
        "The query parameter '" + name + "' is required and must not be omitted.",
        name,
        null);
  }

  public static ApiProblem invalidParameter(String name, String reason) {
    return new ApiProblem(
        400,
        "invalid-parameter",
        "Invalid query parameter",
        "The query parameter '" + name + "' " + reason + ".",
        name,
        null);
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "bad-request", "Bad request", detail, null, null);
  }

  /** A missing or wrong admin token; the detail never repeats what was sent. */
  public static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "unauthorized", "Unauthorized", detail, null, null);
  }

  /** A browser request from an origin that may not call this resource. */
  public static ApiProblem forbiddenOrigin(String detail) {
    return new ApiProblem(403, "origin-not-allowed", "Origin not allowed", detail, null, null);
  }

  /** A body that is not of a media type the resource reads. */
  public static ApiProblem unsupportedMediaType(String detail) {
    return new ApiProblem(
        415, "unsupported-media-type", "Unsupported media type", detail, null, null);
  }

  /** A request addressed to a host name the mock does not answer for (DNS rebinding). */
  public static ApiProblem misdirected(String detail) {
    return new ApiProblem(421, "host-not-allowed", "Host not allowed", detail, null, null);
  }

  public static ApiProblem notFound(String title, String detail) {
    return new ApiProblem(404, "not-found", title, detail, null, null);
  }

  public static ApiProblem methodNotAllowed(String method, String allow) {
    return new ApiProblem(
        405,
        "method-not-allowed",
        "Method not allowed",
        "This resource does not support " + method + "; allowed: " + allow + ".",
        null,
        null);
  }

  public static ApiProblem unavailable(String detail) {
    return new ApiProblem(503, "unavailable", "Service unavailable", detail, null, null);
  }

  /**
   * The shared state store (Redis) cannot be reached: nothing was disclosed or counted; the same
   * request may succeed once the store is back.
   */
  public static ApiProblem stateStoreUnavailable() {
    return new ApiProblem(
        503,
        "state-store-unavailable",
        "State store unavailable",
        "The mock cannot reach its state store; retry when it is back.",
        null,
        null);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(409, "conflict", "Conflict", detail, null, null);
  }

  public static ApiProblem unprocessable(String detail) {
    return new ApiProblem(422, "unprocessable", "Cannot be processed", detail, null, null);
  }

  /**
   * A body that breaks its schema (or a rule a schema cannot state): every violation, each with the
   * JSON pointer of the value in the body.
   */
  public static ApiProblem invalidBody(List<Violation> errors) {
    return new ApiProblem(
        422,
        "invalid-body",
        "Invalid body",
        errors.size() == 1
            ? "The body breaks 1 rule; see errors."
            : "The body breaks " + errors.size() + " rules; see errors.",
        null,
        null,
        errors);
  }

  /** Fixture files that cannot be served: the mock keeps serving the data it loaded before. */
  public static ApiProblem fixturesRefused(List<Violation> errors) {
    return new ApiProblem(
        422,
        "invalid-fixtures",
        "Fixtures not reloaded",
        "The fixture files break their schemas; the mock still serves the data it loaded before.",
        null,
        null,
        errors);
  }

  public static ApiProblem tooManyRequests(long retryAfterSeconds) {
    return new ApiProblem(
        429,
        "too-many-requests",
        "Too many failed lookups",
        "Too many failed lookups from this ip; retry after " + retryAfterSeconds + " seconds.",
        null,
        retryAfterSeconds);
  }

  /** A request Jetty refused before the mock saw it (malformed, or too large). */
  public static ApiProblem unreadableRequest(int status, String title, String detail) {
    return new ApiProblem(status, "unreadable-request", title, detail, null, null);
  }

  public static ApiProblem internalError() {
    return new ApiProblem(
        500,
        "internal-error",
        "Internal error",
        "The mock failed to answer this request; its log has the details.",
        null,
        null);
  }

  public int status() {
    return status;
  }

  /** A URI that names the kind of problem, stable across releases. */
  public String type() {
    return "https://contract-kit.example/problems/" + type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public Optional<String> parameter() {
    return Optional.ofNullable(parameter);
  }

  public Optional<Long> retryAfterSeconds() {
    return Optional.ofNullable(retryAfterSeconds);
  }

  /** The rules a body breaks (for {@link #invalidBody}); empty for every other problem. */
  public List<Violation> errors() {
    return errors;
  }
}
