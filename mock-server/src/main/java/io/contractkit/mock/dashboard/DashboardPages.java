package io.contractkit.mock.dashboard;

import io.contractkit.mock.http.ApiProblem;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's pages and files, all inside the jar: {@code GET /__admin/ui} (the page, plain
 * HTML, CSS and JavaScript modules, no build step), {@code GET /__admin/docs} (Swagger UI from its
 * webjar), {@code GET /__admin/openapi.yaml} and the JSON Schemas it refers to. They hold no data:
 * the admin token guards the admin API the page calls, not the page (a browser cannot send a bearer
 * token when it opens a page), and the Host and Origin rules apply to them as to every admin route.
 */
public final class DashboardPages {
  public static final String UI = "/__admin/ui";
  public static final String DOCS = "/__admin/docs";
  public static final String OPENAPI = "/__admin/openapi.yaml";
  public static final String FILE = "file";

  private static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

  /** Swagger UI sets styles inline. */
  private static final String DOCS_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; form-action 'none';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";
  private static final Pattern EXTERNAL_REF =
      Pattern.compile("\\$ref: '\\./([A-Za-z]+\\.schema\\.json)'");
  private static final String SERVERS = "servers:\n";

  private record Asset(String contentType, byte[] bytes) {}

  private final Asset page;
  private final Asset docsPage;
  private final Map<String, Asset> uiFiles = new LinkedHashMap<>();
  private final Map<String, Asset> docsFiles = new LinkedHashMap<>();
  private final Asset openApi;
  private final Map<String, Asset> schemas = new LinkedHashMap<>();

  public DashboardPages() {
    page = asset("dashboard/index.html", "text/html; charset=utf-8");
    docsPage = asset("dashboard/docs.html", "text/html; charset=utf-8");
    uiFiles.put("app.js", asset("dashboard/app.js", "text/javascript; charset=utf-8"));
    uiFiles.put("style.css", asset("dashboard/style.css", "text/css; charset=utf-8"));
    docsFiles.put("docs.js", asset("dashboard/docs.js", "text/javascript; charset=utf-8"));
    String swagger = SWAGGER_UI + swaggerUiVersion() + "/";
    docsFiles.put(
        "swagger-ui-bundle.js",
        asset(swagger + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"));
    docsFiles.put("swagger-ui.css", asset(swagger + "swagger-ui.css", "text/css; charset=utf-8"));
    String document =
        new String(read("schemas/openapi.yaml"), StandardCharsets.UTF_8).replace("\r\n", "\n");
    openApi = new Asset("application/yaml; charset=utf-8", servedHere(document));
    Matcher refs = EXTERNAL_REF.matcher(document);
    while (refs.find()) {
      String name = refs.group(1);
      schemas.computeIfAbsent(
          name, n -> asset("schemas/" + n, "application/schema+json; charset=utf-8"));
    }
  }

  /**
   * The document with this mock as its first server: {@code /} is relative to where the document
   * was loaded from, so Swagger UI's "try it out" calls this mock on whatever host and port it
   * runs.
   */
  static byte[] servedHere(String document) {
    int servers = document.indexOf("\n" + SERVERS);
    if (servers < 0) {
      throw new IllegalStateException("openapi.yaml has no top-level servers");
    }
    int at = servers + 1 + SERVERS.length();
    String served =
        document.substring(0, at)
            + "  - url: /\n    description: This mock (where this document was loaded from)\n"
            + document.substring(at);
    return served.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether a route (as matched, in lower case) is one of these pages or files, which need no admin
   * token.
   */
  public static boolean isPage(String route) {
    String lower = route.toLowerCase(Locale.ROOT);
    return lower.equals("/__admin")
        || lower.equals(UI)
        || lower.startsWith(UI + "/")
        || lower.equals(DOCS)
        || lower.startsWith(DOCS + "/")
        || lower.equals(OPENAPI)
        || (lower.startsWith("/__admin/") && lower.endsWith(".schema.json"));
  }

  /** The JSON Schema files the OpenAPI document refers to, each served next to it. */
  public List<String> schemaFiles() {
    return List.copyOf(schemas.keySet());
  }

  /** {@code GET /__admin} (and {@code /__admin/}): to the dashboard. */
  public void redirect(Context ctx) {
    ctx.redirect(UI, HttpStatus.FOUND);
  }

  public void page(Context ctx) {
    send(ctx, page, PAGE_POLICY);
  }

  public void uiFile(Context ctx) {
    send(ctx, found(uiFiles, ctx.pathParam(FILE)), PAGE_POLICY);
  }

  public void docs(Context ctx) {
    send(ctx, docsPage, DOCS_POLICY);
  }

  public void docsFile(Context ctx) {
    send(ctx, found(docsFiles, ctx.pathParam(FILE)), DOCS_POLICY);
  }

  public void openApi(Context ctx) {
    send(ctx, openApi, PAGE_POLICY);
  }

  /** A handler for one of {@link #schemaFiles()}. */
  public void schema(Context ctx, String name) {
    send(ctx, schemas.get(name), PAGE_POLICY);
  }

  private static Asset found(Map<String, Asset> files, String name) {
    Asset asset = files.get(name);
    if (asset == null) {
      throw ApiProblem.notFound("No such resource", "The dashboard has no file by this name.");
    }
    return asset;
  }

  private static void send(Context ctx, Asset asset, String policy) {
    ctx.header("Content-Security-Policy", policy);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.status(200).contentType(asset.contentType()).result(asset.bytes());
  }

  private static Asset asset(String resource, String contentType) {
    return new Asset(contentType, read(resource));
  }

  private static byte[] read(String resource) {
    try (InputStream in = DashboardPages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        DashboardPages.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is missing from the jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
