package io.contractkit.mock.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before the mock sees it (a malformed request line or header, a request
 * target or headers too large, an HTTP version other than 1.x, an unmet {@code Expect}) as {@code
 * application/problem+json}, like every other error of the mock, and without Jetty's default page,
 * which would echo the request target -- and a secret in it.
 */
public final class JettyErrorHandler extends ErrorHandler {
  private final ProblemRenderer problems;

  public JettyErrorHandler(ProblemRenderer problems) {
    this.problems = problems;
  }

  /**
   * Every method gets the problem body: Jetty's default writes error pages only for GET, POST and
   * HEAD, and answers a DELETE or a PUT it refuses with an empty body and no content type.
   */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
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
    // request and picks 505, as it does for a version it does not know; for the client both are a
    // malformed request line, and a refused request is never a 5xx: 400.
    int code =
        status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : status;
    String detail =
        switch (status) {
          case 400 ->
              "The request is malformed: its request line, a header or its encoding cannot be read.";
          case 505 ->
              "The request line is malformed or names an HTTP version other than HTTP/1.1 or"
                  + " HTTP/1.0.";
          case 414 -> "The request target is too long.";
          case 417 -> "The mock supports no expectation but 'Expect: 100-continue'.";
          case 426 -> "The mock speaks HTTP/1.1, not HTTP/2: send the request as HTTP/1.1.";
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
    // An answer to HEAD has no body (Jetty's error path would send one). A request refused in its
    // request line has no method yet ("BAD"), so such a HEAD gets the body.
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
  }
}
