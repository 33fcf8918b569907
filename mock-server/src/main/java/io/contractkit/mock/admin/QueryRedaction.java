package io.contractkit.mock.admin;

import io.contractkit.mock.http.QueryParameters;
import java.util.Optional;

/**
 * Replaces the values of the query parameters that carry credentials -- {@code secret}, {@code
 * accessToken}, {@code authToken} -- with {@code ***}, for the journal and the request log when
 * redaction is on. One pass over the characters, no regular expression: it runs for every request.
 *
 * <p>The rule, per raw parameter (the query split at {@code &}, as {@link QueryParameters} splits
 * it): the parameter's key is what comes before its first {@code =}, raw or percent-encoded ({@code
 * %3D}), and what follows that separator is its value. The value is masked when the key, decoded as
 * {@link QueryParameters} decodes it, is a credential's name in any case (Unicode's, a superset of
 * the mock's ASCII matching), with surrounding spaces or not -- or when the key cannot be decoded
 * at all, since it might spell one. So {@code %73ecret=x}, {@code SECRET=x}, {@code secret+=x} and
 * {@code secret%3Dx} (which the mock reads as a parameter named {@code secret=x}) all lose {@code
 * x}; {@code ip=x} and {@code x=secret%3Dy} are kept as they are.
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
      int keyEnd = keyEnd(query, start, end);
      int valueStart = keyEnd == end ? end : keyEnd + (query.charAt(keyEnd) == '=' ? 1 : 3);
      if (valueStart < end && isCredential(query.substring(start, keyEnd))) {
        if (out == null) {
          out = new StringBuilder(length).append(query, 0, start);
        }
        out.append(query, start, valueStart).append(MASK);
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

  /**
   * Where the key of the parameter {@code [from, to)} ends: its first '=' or "%3D", or {@code to}.
   */
  private static int keyEnd(String query, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = query.charAt(i);
      if (c == '='
          || c == '%'
              && i + 2 < to
              && query.charAt(i + 1) == '3'
              && (query.charAt(i + 2) == 'D' || query.charAt(i + 2) == 'd')) {
        return i;
      }
    }
    return to;
  }

  private static boolean isCredential(String rawKey) {
    Optional<String> key = QueryParameters.decode(rawKey);
    if (key.isEmpty()) {
      return true; // a key that cannot be read might be a credential's name
    }
    String name = key.get().strip();
    return name.equalsIgnoreCase("secret")
        || name.equalsIgnoreCase("accessToken")
        || name.equalsIgnoreCase("authToken");
  }
}
