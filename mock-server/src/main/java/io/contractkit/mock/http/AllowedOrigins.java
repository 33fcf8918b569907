package io.contractkit.mock.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser origins one group of routes answers (CORS, and the admin API's {@code Origin} check):
 * {@code *} for any, or origins as a browser sends them ({@code http://localhost:5173}), where
 * {@code http://*.example.test} stands for every origin of that scheme below {@code example.test}.
 * Scheme and host are compared case-insensitively. {@code null} (the origin of sandboxed pages and
 * local files, which any page can produce) can only be allowed with {@code *}.
 */
public final class AllowedOrigins {
  private static final Pattern ORIGIN =
      Pattern.compile(
          "([a-z][a-z0-9+.-]*://)(\\*\\.)?([a-z0-9_-]+(?:\\.[a-z0-9_-]+)*|\\[[0-9a-f:.]+\\])"
              + "(:[0-9]{1,5})?");
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*");

  private final boolean any;
  private final Set<String> origins;
  private final List<Wildcard> wildcards;

  /** {@code scheme://*.domain:port}: a scheme with {@code ://}, and {@code .domain:port}. */
  private record Wildcard(String scheme, String suffix) {
    boolean matches(String origin) {
      int below = origin.length() - suffix.length();
      return below > scheme.length()
          && origin.startsWith(scheme)
          && origin.endsWith(suffix)
          && SUBDOMAIN.matcher(origin.substring(scheme.length(), below)).matches();
    }
  }

  private AllowedOrigins(boolean any, Set<String> origins, List<Wildcard> wildcards) {
    this.any = any;
    this.origins = origins;
    this.wildcards = wildcards;
  }

  /**
   * @param setting what the origins configure, for the error message ({@code CORS origin})
   * @throws IllegalArgumentException naming an entry that is not an origin
   */
  public static AllowedOrigins of(String setting, List<String> entries) {
    boolean any = false;
    Set<String> origins = new HashSet<>();
    List<Wildcard> wildcards = new ArrayList<>();
    for (String entry : entries) {
      String text = entry.trim().toLowerCase(Locale.ROOT);
      if (text.equals("*")) {
        any = true;
        continue;
      }
      // As copied from the address bar: http://localhost:5173/
      text = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
      Matcher origin = ORIGIN.matcher(text);
      if (!origin.matches()) {
        throw new IllegalArgumentException(
            setting
                + " '"
                + entry
                + "' is not an origin: write it as a browser sends it, scheme://host[:port] (like"
                + " http://localhost:5173; http://*.example.test for every host below"
                + " example.test), or * for any"
                + (text.equals("null")
                    ? "; 'null' is the origin of sandboxed pages and files"
                    : ""));
      }
      if (origin.group(2) == null) {
        origins.add(text);
      } else {
        String port = origin.group(4) == null ? "" : origin.group(4);
        wildcards.add(new Wildcard(origin.group(1), "." + origin.group(3) + port));
      }
    }
    return new AllowedOrigins(any, origins, wildcards);
  }

  /** Whether every origin is allowed ({@code *}). */
  public boolean any() {
    return any;
  }

  /** Whether a request with this {@code Origin} header may be answered to its page. */
  public boolean allows(String origin) {
    if (any) {
      return true;
    }
    String text = origin.toLowerCase(Locale.ROOT);
    if (origins.contains(text)) {
      return true;
    }
    for (Wildcard wildcard : wildcards) {
      if (wildcard.matches(text)) {
        return true;
      }
    }
    return false;
  }
}
