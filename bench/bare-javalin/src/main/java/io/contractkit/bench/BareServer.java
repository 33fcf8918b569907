package io.contractkit.bench;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling for the mock's stack: the same Javalin version, the same two GET paths, the same
 * bodies and headers from an in-memory map -- and nothing else (no query validation, throttle,
 * journal, log line, CORS or problem rendering). An LMS authToken is released on its first use and
 * answered with null values afterwards (a set of used (accessToken, authToken) pairs), so the two
 * LMS workloads see the same answers as from the mock without any minting.
 *
 * <p>Usage: {@code java -jar bare-javalin.jar PORT FIXTURES_DIR}
 */
public final class BareServer {
  private BareServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    BenchFixtures fx = BenchFixtures.load(Path.of(args[1]));
    Map<String, byte[]> contacts = Map.copyOf(fx.contactsBySecret());
    Map<String, byte[]> leads = Map.copyOf(fx.activeLeadsByAccessToken());
    Set<String> used = ConcurrentHashMap.newKeySet();
    leads.keySet().forEach(l -> used.add(l + " 000000")); // the benchmark's "all-null" token

    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.jetty.host = "127.0.0.1";
              cfg.jetty.port = port;
              cfg.routes.addHttpHandler(
                  HandlerType.GET,
                  "/api/v1/Contacts",
                  ctx -> {
                    byte[] body = contacts.get(ctx.queryParam("secret"));
                    if (body == null) {
                      send(ctx, 404, BenchFixtures.PROBLEM_JSON, BenchFixtures.NOT_FOUND);
                    } else {
                      send(ctx, 200, BenchFixtures.JSON, body);
                    }
                  });
              cfg.routes.addHttpHandler(
                  HandlerType.GET,
                  "/lms/leads/bytoken/contact",
                  ctx -> {
                    String accessToken = ctx.queryParam("accessToken");
                    byte[] body = accessToken == null ? null : leads.get(accessToken);
                    boolean fresh =
                        body != null && used.add(accessToken + " " + ctx.queryParam("authToken"));
                    send(ctx, 200, BenchFixtures.JSON, fresh ? body : BenchFixtures.NULL_VALUES);
                  });
            });
    app.start();
    System.out.println("bare-javalin listening on http://127.0.0.1:" + app.port());
  }

  private static void send(Context ctx, int status, String contentType, byte[] body) {
    ctx.status(status).contentType(contentType).header("Cache-Control", "no-store").result(body);
  }
}
