package io.contractkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.QueryParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Redaction on generated queries: a credential spelled in any way -- name in any case, with
 * look-alike letters, percent-encoded in part or whole with either hex case, with spaces around,
 * broken escapes in it, '=' raw or encoded, value encoded in part, given twice, among other
 * parameters -- never shows its value after redaction, whether the mock reads it as the credential
 * or not; the other parameters are kept as sent. A failure prints its seed; {@code -DQT_SEED=N}
 * replays it.
 */
class QueryRedactionPropertyTest {
  private static final List<String> CREDENTIALS = List.of("secret", "accessToken", "authToken");

  /** Parameters that carry no credential, as clients send them. */
  private static final List<String> OTHERS =
      List.of(
          "ip=192.0.2.1",
          "ip=2001%3Adb8%3A%3A1",
          "source=web",
          "channel=sms",
          "limit=5",
          "x=1",
          "secretive=1",
          "my-secret=2",
          "x=secret%3D3",
          "",
          "q=a+b",
          "%69p=203.0.113.9");

  /** A credential parameter as sent, and the value it carries (never shorter than 13). */
  record Spelled(String parameter, String value) {}

  @Test
  void noSpellingOfACredentialShowsItsValue() {
    qt().withExamples(5_000)
        .forAll(credential(), lists().of(Generate.pick(OTHERS)).ofSizeBetween(0, 4), longs().all())
        .checkAssert(
            (credential, others, order) -> {
              String query = arrange(credential, others, order);

              String redacted = QueryRedaction.redact(query);

              assertThat(redacted).as(query).doesNotContain(credential.value());
              assertThat(leniently(redacted)).as(query).doesNotContain(credential.value());
              for (String other : others) {
                assertThat(("&" + redacted + "&")).as(query).contains("&" + other + "&");
              }
            });
  }

  @Test
  void whatTheMockReadsAsACredentialIsMaskedInTheJournal() {
    qt().withExamples(5_000)
        .forAll(credential(), lists().of(Generate.pick(OTHERS)).ofSizeBetween(0, 3), longs().all())
        .checkAssert(
            (credential, others, order) -> {
              String query = arrange(credential, others, order);
              String read = readByTheMock(query);
              if (read != null) {
                assertThat(read).startsWith(credential.value());
                assertThat(leniently(QueryRedaction.redact(query))).doesNotContain(read);
              }
            });
  }

  // --- generators ------------------------------------------------------------------------------

  private static Gen<Spelled> credential() {
    Gen<String> name =
        Generate.pick(CREDENTIALS)
            .zip(longs().all(), longs().all(), QueryRedactionPropertyTest::name);
    Gen<String> separator = Generate.pick(List.of("=", "=", "%3D", "%3d"));
    Gen<String> value =
        strings()
            .betweenCodePoints('0', 'z')
            .ofLengthBetween(12, 24)
            .map(s -> "V" + s.replaceAll("[^0-9A-Za-z]", "Q"));
    return name.zip(
        separator,
        value,
        longs().all(),
        (n, sep, v, bits) -> {
          String tail = after(bits);
          return new Spelled(n + sep + encodeSome(v, bits) + tail, v);
        });
  }

  /**
   * The name, each letter in random case, some percent-encoded (hex in either case), 's' and 'k'
   * sometimes as their Unicode look-alikes (long s, Kelvin sign), maybe spaces around it, maybe a
   * broken escape in it.
   */
  private static String name(String name, long bits, long more) {
    StringBuilder out = new StringBuilder();
    if ((more & 3) == 0) {
      out.append((more & 4) == 0 ? "+" : "%20");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      long b = bits >>> (i * 3 % 60);
      char cased = (b & 1) == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c);
      if ((b & 6) == 6 && (c == 's' || c == 'k' || c == 'K')) {
        String lookAlike = c == 's' ? "\u017F" : "\u212A";
        out.append((more & 8) == 0 ? lookAlike : percentEncoded(lookAlike, more));
      } else if ((b & 6) == 2) {
        out.append(percentEncoded(String.valueOf(cased), more));
      } else {
        out.append(cased);
      }
    }
    if ((more & 48) == 16) {
      out.append((more & 64) == 0 ? "%zz" : "%\uFF13\uFF18"); // broken: not hex, fullwidth digits
    }
    if ((more & 384) == 128) {
      out.append("+");
    }
    return out.toString();
  }

  private static String encodeSome(String value, long bits) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      String c = String.valueOf(value.charAt(i));
      out.append((bits >>> (i % 64) & 1) == 1 && i % 3 == 0 ? percentEncoded(c, bits) : c);
    }
    return out.toString();
  }

  private static String after(long bits) {
    return List.of("", "", "=x", "%3Dy").get((int) (bits >>> 60 & 3));
  }

  private static String percentEncoded(String text, long bits) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      String hex = String.format("%02X", b & 0xff);
      out.append('%').append((bits & 1024) == 0 ? hex : hex.toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** The credential (maybe twice) among the others, at a place chosen by {@code order}. */
  private static String arrange(Spelled credential, List<String> others, long order) {
    List<String> parts = new ArrayList<>(others);
    int at = (int) Math.floorMod(order, parts.size() + 1L);
    parts.add(at, credential.parameter());
    if ((order & 1 << 20) != 0) {
      parts.add(credential.parameter());
    }
    return String.join("&", parts);
  }

  // --- oracles ---------------------------------------------------------------------------------

  /** The credential value the mock would read from {@code query}, or null. */
  private static String readByTheMock(String query) {
    try {
      QueryParameters q = QueryParameters.parse(query);
      for (String name : CREDENTIALS) {
        String value = q.optional(name).orElse(null);
        if (value != null) {
          return value;
        }
      }
      return null;
    } catch (ApiProblem refused) {
      return null;
    }
  }

  /** Every valid escape decoded (bytes as UTF-8), everything else kept. */
  private static String leniently(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) && hex(text.charAt(i + 2))) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean hex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
