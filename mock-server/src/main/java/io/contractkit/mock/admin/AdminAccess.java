package io.contractkit.mock.admin;

import io.contractkit.mock.http.ApiProblem;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may call the admin API. With an admin token, every {@code /__admin/*} endpoint except {@code
 * GET /__admin/health} (for load-balancer probes; it shows fixture counts only) needs {@code
 * Authorization: Bearer <token>}; a CORS preflight ({@code OPTIONS}) never does, since browsers
 * send it without credentials. Without a token the admin API is open, which the mock allows only on
 * a loopback address ({@link #requireTokenUnlessLoopback}).
 */
public final class AdminAccess {
  static final String ADMIN_PREFIX = "/__admin/";
  static final String HEALTH = "/__admin/health";
  private static final String BEARER = "bearer ";
  private static final String REALM = "Bearer realm=\"mock-server admin API\"";

  private final byte[] tokenDigest;

  public AdminAccess(String token) {
    this.tokenDigest = sha256(token);
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

  /** True when every address {@code host} stands for is a loopback address. */
  static boolean isLoopback(String host) {
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

  /** A before-matched filter: lets a request through, or answers 401 problem+json. */
  public void check(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint == null || !needsToken(endpoint.method, endpoint.path)) {
      return;
    }
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

  static boolean needsToken(HandlerType method, String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return method != HandlerType.OPTIONS && p.startsWith(ADMIN_PREFIX) && !p.equals(HEALTH);
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
