package io.contractkit.mock.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The query string of a request, parsed strictly and matched case-insensitively by name, as ASP.NET
 * model binding does ({@code ?Secret=} works like {@code ?secret=}).
 *
 * <p>Defined answers for awkward input: bad percent-encoding or invalid UTF-8 is a 400 that names
 * the query string; a parameter given twice (in any case) is a 400 naming it; an empty value of a
 * required parameter is a 400; values longer than {@link #MAX_VALUE_LENGTH} or with control
 * characters are a 400; unknown parameters are ignored. No message ever echoes a value.
 */
public final class QueryParameters {
  public static final int MAX_VALUE_LENGTH = 256;

  /** A value that stands for "given more than once" (compared by identity). */
  private static final String GIVEN_TWICE = new String("given twice");

  /** Lower-cased name to its value, or to {@link #GIVEN_TWICE}. */
  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  public static QueryParameters parse(String rawQuery) {
    Map<String, String> values = new HashMap<>(8);
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParameters(values);
    }
    int length = rawQuery.length();
    int start = 0;
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        boolean hasValue = eq >= 0 && eq < end;
        String name = decode(rawQuery.substring(start, hasValue ? eq : end));
        String value = hasValue ? decode(rawQuery.substring(eq + 1, end)) : "";
        values.merge(name.toLowerCase(Locale.ROOT), value, (first, again) -> GIVEN_TWICE);
      }
      start = end + 1;
    }
    return new QueryParameters(values);
  }

  /** A parameter that must be present once, not empty, short and free of control characters. */
  public String required(String name) {
    return optional(name).orElseThrow(() -> ApiProblem.missingParameter(name));
  }

  /** A parameter that may be absent; when present it obeys the same rules as a required one. */
  public Optional<String> optional(String name) {
    String value = values.get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      return Optional.empty();
    }
    if (value == GIVEN_TWICE) {
      throw ApiProblem.invalidParameter(name, "must be given only once");
    }
    if (value.isBlank()) {
      throw ApiProblem.invalidParameter(name, "must not be empty");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw ApiProblem.invalidParameter(
          name, "must be at most " + MAX_VALUE_LENGTH + " characters long");
    }
    for (int i = 0; i < value.length(); i++) {
      if (isControl(value.charAt(i))) {
        throw ApiProblem.invalidParameter(name, "must not contain control characters");
      }
    }
    return Optional.of(value);
  }

  private static boolean isControl(int c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
          throw malformed();
        }
        run.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
        i += 2;
        continue;
      }
      flush(run, out);
      out.append(c == '+' ? ' ' : c);
    }
    flush(run, out);
    return out.toString();
  }

  /** Decodes a run of percent-encoded bytes as strict UTF-8. */
  private static void flush(ByteArrayOutputStream run, StringBuilder out) {
    if (run.size() == 0) {
      return;
    }
    try {
      out.append(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(run.toByteArray())));
    } catch (CharacterCodingException e) {
      throw malformed();
    }
    run.reset();
  }

  private static ApiProblem malformed() {
    return ApiProblem.badRequest(
        "The query string is not valid: it has a bad percent-encoding or is not UTF-8.");
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
