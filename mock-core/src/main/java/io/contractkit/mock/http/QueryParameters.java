package io.contractkit.mock.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The query string of a request, parsed strictly and matched case-insensitively by name, as ASP.NET
 * model binding does ({@code ?Secret=} works like {@code ?secret=}). Only ASCII letters match
 * without regard to case: a look-alike such as the Kelvin sign for {@code k}, which Java's {@code
 * toLowerCase} turns into {@code k}, makes another name.
 *
 * <p>Defined answers for awkward input: bad percent-encoding (an escape is {@code %} and two ASCII
 * hex digits: a fullwidth or Arabic-Indic digit is none) or invalid UTF-8 is a 400 that names the
 * query string; a parameter given twice (in any case) is a 400 naming it; an empty value of a
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
        String name = decodeOrRefuse(rawQuery.substring(start, hasValue ? eq : end));
        String value = hasValue ? decodeOrRefuse(rawQuery.substring(eq + 1, end)) : "";
        values.merge(key(name), value, (first, again) -> GIVEN_TWICE);
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
    String value = values.get(key(name));
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

  /**
   * A parameter that may be absent; when present, a whole number from {@code min} to {@code max}
   * written in ASCII digits ({@code Integer.parseInt} would also take {@code +5} and {@code ５}).
   */
  public OptionalInt wholeNumber(String name, int min, int max) {
    Optional<String> text = optional(name);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    String digits = text.get();
    long number = 0;
    // Past max the rest cannot bring it back in range (nor overflow a long).
    for (int i = 0; i < digits.length() && number <= max; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw notAWholeNumber(name, min, max);
      }
      number = number * 10 + (c - '0');
    }
    if (number < min || number > max) {
      throw notAWholeNumber(name, min, max);
    }
    return OptionalInt.of((int) number);
  }

  private static ApiProblem notAWholeNumber(String name, int min, int max) {
    return ApiProblem.invalidParameter(name, "must be a whole number from " + min + " to " + max);
  }

  /** The name a parameter is stored and looked up under: ASCII letters in lower case. */
  private static String key(String name) {
    StringBuilder key = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (key == null) {
          key = new StringBuilder(name);
        }
        key.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return key == null ? name : key.toString();
  }

  /**
   * A name or value of the query string percent-decoded exactly as {@link #parse} decodes it
   * ({@code +} is a space, escapes are UTF-8), or empty when it is not validly encoded -- for
   * whoever must read a raw query as the mock does, such as the redaction of the journal.
   */
  public static Optional<String> decode(String component) {
    return Optional.ofNullable(decodeOrNull(component));
  }

  private static String decodeOrRefuse(String s) {
    String decoded = decodeOrNull(s);
    if (decoded == null) {
      throw ApiProblem.badRequest(
          "The query string is not valid: it has a bad percent-encoding or is not UTF-8.");
    }
    return decoded;
  }

  private static String decodeOrNull(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()
            || !HexFormat.isHexDigit(s.charAt(i + 1))
            || !HexFormat.isHexDigit(s.charAt(i + 2))) {
          return null;
        }
        run.write(HexFormat.fromHexDigits(s, i + 1, i + 3));
        i += 2;
        continue;
      }
      if (!flush(run, out)) {
        return null;
      }
      out.append(c == '+' ? ' ' : c);
    }
    return flush(run, out) ? out.toString() : null;
  }

  /** Decodes a run of percent-encoded bytes as strict UTF-8; false when they are not UTF-8. */
  private static boolean flush(ByteArrayOutputStream run, StringBuilder out) {
    if (run.size() == 0) {
      return true;
    }
    try {
      out.append(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(run.toByteArray())));
    } catch (CharacterCodingException e) {
      return false;
    }
    run.reset();
    return true;
  }
}
