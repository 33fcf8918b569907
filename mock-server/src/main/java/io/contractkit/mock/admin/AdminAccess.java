package io.contractkit.mock.admin;

import io.contractkit.mock.http.AllowedOrigins;
import io.contractkit.mock.http.ApiProblem;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Predicate;

/**
 * Who may call the admin API. A page in a browser only from an allowed origin: a request whose
 * {@code Origin} is neither listed with {@code --admin-cors-origin} nor the mock's own gets 403
 * problem+json and changes nothing (the admin API hands out authTokens and resets the mock; a page
 * on any site could otherwise reset it with a form, or mint tokens with a simple request). With an
 * admin token, every {@code /__admin/*} endpoint except {@code GET /__admin/health} (for
 * load-balancer probes; it shows fixture counts only) also needs {@code Authorization: Bearer
 * <token>}. A CORS preflight ({@code OPTIONS}) is never refused here, since browsers send it
 * without credentials; its answer carries CORS headers only for an allowed origin. Without a token
 * the admin API is open to programs, which the mock allows only on a loopback address ({@link
 * #requireTokenUnlessLoopback}).
 */
public final class AdminAccess {
  static final String ADMIN = "/__admin";
  static final String HEALTH = "/__admin/health";
  private static final String BEARER = "bearer ";
  private static final String REALM = "Bearer realm=\"mock-server admin API\"";

  private final byte[] tokenDigest;
  private final AllowedOrigins origins;
  private final Predicate<String> pages;

  /**
   * @param token the admin token, or null when the admin API needs none
   * @param origins the origins whose pages may call the admin API
   */
  public AdminAccess(String token, AllowedOrigins origins) {
    this(token, origins, route -> false);
  }

  /**
   * @param pages the routes of pages a browser opens (the dashboard, the API docs): they hold no
   *     data and need no token (a browser cannot send one when it opens a page); the origin rule
   *     still applies
   */
  public AdminAccess(String token, AllowedOrigins origins, Predicate<String> pages) {
    this.tokenDigest = token == null ? null : sha256(token);
    this.origins = origins;
    this.pages = pages;
  }

  /**
   * Refuses a host that is not a loopback address (or a name that resolves to one) when no admin
   * token is set: the admin API hands out authTokens (outbox) and resets the mock.
   *
   * @throws IllegalArgumentException saying why and how to fix it
   */
  public static void requireTokenUnlessLoopback(String host, String adminToken) {
    if (adminToken != null || isLoopback(host)) {
      return;
    }
    throw new IllegalArgumentException(
        "host "
            + host
            + " is not a loopback address, and without an admin token anyone who can reach it"
            + " could read sent authTokens and reset the mock; set --admin-token (or"
            + " MOCK_ADMIN_TOKEN, or adminToken in the config file), or listen on 127.0.0.1");
  }

  /**
   * Refuses {@code *} as the admin API's CORS origin when no admin token is set: every web page the
   * developer visits could then read the outbox and reset the mock.
   *
   * @throws IllegalArgumentException saying why and how to fix it
   */
  public static void requireTokenForAnyOrigin(AllowedOrigins adminOrigins, String adminToken) {
    if (adminOrigins.any() && adminToken == null) {
      throw new IllegalArgumentException(
          "--admin-cors-origin * lets every web page call the admin API, which hands out"
              + " authTokens and resets the mock; name the origins of your tools instead (like"
              + " http://localhost:5173), or set an admin token (--admin-token or"
              + " MOCK_ADMIN_TOKEN)");
    }
  }

  /** Whether {@code path} is below {@code /__admin} (in any case), where the admin rules apply. */
  public static boolean isAdminPath(String path) {
    return path.regionMatches(true, 0, ADMIN, 0, ADMIN.length())
        && (path.length() == ADMIN.length() || path.charAt(ADMIN.length()) == '/');
  }

  /** True when every address {@code host} stands for is a loopback address. */
  public static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host " + host + " cannot be resolved");
    }
  }

  /** A before-matched filter: lets a request through, or answers 403 or 401 problem+json. */
  public void check(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint == null || endpoint.method == HandlerType.OPTIONS || !isAdminPath(endpoint.path)) {
      return;
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origins.allows(origin) && !sameOrigin(origin, ctx.header("Host"))) {
      // The origin is not echoed: what a client sent stays out of error answers.
      throw ApiProblem.forbiddenOrigin(
          "The admin API does not answer pages from this origin; start the mock with"
              + " --admin-cors-origin and the page's origin to allow it.");
    }
    if (tokenDigest != null
        && !endpoint.path.equalsIgnoreCase(HEALTH)
        && !pages.test(endpoint.path)) {
      checkToken(ctx);
    }
  }

  /**
   * The mock's own origin (the browser console on one of its answers): its scheme aside, the origin
   * names the host and port the request was sent to, which {@code AllowedHosts} has checked.
   */
  static boolean sameOrigin(String origin, String host) {
    int scheme = origin.indexOf("://");
    // equalsIgnoreCase(null) is false: without a Host (HTTP/1.0) no origin is the mock's own.
    return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
  }

  private void checkToken(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null
        || authorization.length() < BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      ctx.header("WWW-Authenticate", REALM);
      throw ApiProblem.unauthorized(
          "The admin API needs the header 'Authorization: Bearer <admin token>'.");
    }
    String presented = authorization.substring(BEARER.length()).trim();
    if (!MessageDigest.isEqual(tokenDigest, sha256(presented))) {
      ctx.header("WWW-Authenticate", REALM + ", error=\"invalid_token\"");
      throw ApiProblem.unauthorized("The bearer token is not the admin token of this mock.");
    }
  }

  /** Both sides are hashed first, so that the comparison takes the same time for any length. */
  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
