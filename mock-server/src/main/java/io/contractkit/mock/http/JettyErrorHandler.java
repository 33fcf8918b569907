package io.contractkit.mock.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before the mock sees it (a malformed request line, a request target or
 * headers too large) as {@code application/problem+json}, like every other error of the mock, and
 * without Jetty's default page, which would echo the request target -- and a secret in it.
 */
public final class JettyErrorHandler extends ErrorHandler {
  private final ProblemRenderer problems;

  public JettyErrorHandler(ProblemRenderer problems) {
    this.problems = problems;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    // A raw line feed in the request target ends the request line early, so Jetty sees an HTTP/0.9
    // request and picks 505; for the client it is a malformed request like any other: 400.
    int code =
        status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : status;
    String detail =
        switch (code) {
          case 400 ->
              "The request is malformed: its request line, a header or its encoding cannot be read.";
          case 414 -> "The request target is too long.";
          case 431 -> "The request headers are too large.";
          default -> "The request could not be processed.";
        };
    // No instance: the request target is exactly what must not be echoed.
    byte[] body =
        problems.body(
            ApiProblem.unreadableRequest(code, HttpStatus.getMessage(code), detail), null);
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemRenderer.PROBLEM_JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
