package io.contractkit.mock.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Predicate;

/**
 * CORS headers, from one of two origin lists chosen by path: the admin API's ({@code
 * --admin-cors-origin}, none by default: its answers hold authTokens and contact data) and everyone
 * else's ({@code --cors-origin}, any by default). An allowed origin gets {@code
 * Access-Control-Allow-Origin} ({@code *} when any is allowed), the exposed headers, and on a
 * preflight the method and headers it asked for; another origin gets no CORS header, so its page
 * cannot read the answer. (Javalin's bundled plugin applies its rules by path pattern and cannot
 * leave one prefix out.)
 */
public final class Cors {
  private final AllowedOrigins origins;
  private final AllowedOrigins adminOrigins;
  private final Predicate<String> isAdminPath;
  private final String exposedHeaders;

  public Cors(
      AllowedOrigins origins,
      AllowedOrigins adminOrigins,
      Predicate<String> isAdminPath,
      List<String> exposedHeaders) {
    this.origins = origins;
    this.adminOrigins = adminOrigins;
    this.isAdminPath = isAdminPath;
    this.exposedHeaders = String.join(", ", exposedHeaders);
  }

  /** A before-filter: adds the CORS headers an allowed origin gets. */
  public void addHeaders(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    AllowedOrigins allowed = isAdminPath.test(ctx.path()) ? adminOrigins : origins;
    if (!allowed.any()) {
      // The answer depends on the origin: a cache must not give it to another one.
      ctx.header("Vary", "Origin");
    }
    if (!allowed.allows(origin)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", allowed.any() ? "*" : origin);
    ctx.header("Access-Control-Expose-Headers", exposedHeaders);
    if (ctx.method() == HandlerType.OPTIONS) {
      copy(ctx, "Access-Control-Request-Method", "Access-Control-Allow-Methods");
      copy(ctx, "Access-Control-Request-Headers", "Access-Control-Allow-Headers");
    }
  }

  private static void copy(Context ctx, String requestHeader, String answerHeader) {
    String value = ctx.header(requestHeader);
    if (value != null) {
      ctx.header(answerHeader, value);
    }
  }
}
