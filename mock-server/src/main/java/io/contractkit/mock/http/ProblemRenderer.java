package io.contractkit.mock.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.io.EOFException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Renders every error of the mock, in one place, as {@code application/problem+json}. */
public final class ProblemRenderer {
  public static final String PROBLEM_JSON = ProblemBodies.PROBLEM_JSON;
  private static final Logger LOG = LoggerFactory.getLogger(ProblemRenderer.class);

  private final ProblemBodies bodies;

  public ProblemRenderer(JsonMapper json) {
    this.bodies = new ProblemBodies(json);
  }

  public void render(ApiProblem problem, Context ctx) {
    render(problem, ctx, instance(ctx));
  }

  /**
   * The path the problem is about: as requested, but for a route with path parameters (a secret, an
   * accessToken) its template ({@code /__admin/contacts/{secret}}), so that no credential is
   * echoed.
   */
  private static String instance(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint != null && endpoint.path.indexOf('{') >= 0 ? endpoint.path : ctx.path();
  }

  private void render(ApiProblem problem, Context ctx, String instance) {
    problem.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Long.toString(s)));
    ctx.status(problem.status()).contentType(PROBLEM_JSON).result(body(problem, instance));
  }

  /**
   * A problem answered often and always alike at {@code instance} (a contact not found): its body
   * is serialised once, and written without throwing. At another spelling of the path
   * (case-insensitive routes, a trailing slash) the body names that path, as {@link
   * #render(ApiProblem, Context)} does.
   */
  public Prerendered prerendered(ApiProblem problem, String instance) {
    return new Prerendered(problem, instance, body(problem, instance));
  }

  /** See {@link #prerendered}. */
  public final class Prerendered {
    private final ApiProblem problem;
    private final String instance;
    private final byte[] body;

    private Prerendered(ApiProblem problem, String instance, byte[] body) {
      this.problem = problem;
      this.instance = instance;
      this.body = body;
    }

    public void send(Context ctx) {
      String path = ctx.path();
      ctx.status(problem.status())
          .contentType(PROBLEM_JSON)
          .result(instance.equals(path) ? body : body(problem, path));
    }
  }

  /** The problem+json body; {@code instance} is left out when null. */
  public byte[] body(ApiProblem problem, String instance) {
    return bodies.body(problem, instance);
  }

  /** Javalin's own answers (no such route, unreadable request) in the same shape. */
  public void render(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    if (status == 404) {
      // No route: the path is whatever the client sent -- a secret put into it, say -- so it is
      // echoed neither in the detail nor as the instance.
      render(
          ApiProblem.notFound(
              "No such resource",
              "The mock has no resource at this path for " + ctx.method() + "."),
          ctx,
          null);
    } else if (status >= 400 && status < 500) {
      render(ApiProblem.badRequest("The request could not be read."), ctx);
    } else {
      render((Exception) e, ctx);
    }
  }

  public void render(Exception e, Context ctx) {
    if (endedEarly(e)) {
      // The client sent less body than its Content-Length said (or closed): its fault, not ours.
      render(ApiProblem.badRequest("The request body ended before its Content-Length."), ctx);
      return;
    }
    LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
    render(ApiProblem.internalError(), ctx);
  }

  private static boolean endedEarly(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return true;
      }
    }
    return false;
  }
}
