package io.contractkit.mock.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Replaces the values of the query parameters that carry credentials -- {@code secret}, {@code
 * accessToken}, {@code authToken}, in any case and however percent-encoded -- with {@code ***}, for
 * the journal and the request log when redaction is on. One pass over the characters, no regular
 * expression: it runs for every request.
 */
public final class QueryRedaction {
  public static final String MASK = "***";

  private QueryRedaction() {}

  /** The query with every credential value masked; the same string when there is none. */
  public static String redact(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder out = null;
    int start = 0;
    int length = query.length();
    while (start <= length) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      int equals = query.indexOf('=', start);
      boolean hasValue = equals >= 0 && equals < end;
      int nameEnd = hasValue ? equals : end;
      if (hasValue && equals + 1 < end && isCredential(query, start, nameEnd)) {
        if (out == null) {
          out = new StringBuilder(length).append(query, 0, start);
        }
        out.append(query, start, equals + 1).append(MASK);
      } else if (out != null) {
        out.append(query, start, end);
      }
      if (end < length && out != null) {
        out.append('&');
      }
      start = end + 1;
    }
    return out == null ? query : out.toString();
  }

  private static boolean isCredential(String query, int from, int to) {
    String name = query.substring(from, to);
    if (name.indexOf('%') >= 0 || name.indexOf('+') >= 0) {
      try {
        name = URLDecoder.decode(name, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return true; // an undecodable name might be a credential: mask its value
      }
      if (name.indexOf('\uFFFD') >= 0) {
        return true; // so might a name that is not UTF-8
      }
    }
    return name.equalsIgnoreCase("secret")
        || name.equalsIgnoreCase("accessToken")
        || name.equalsIgnoreCase("authToken");
  }
}
