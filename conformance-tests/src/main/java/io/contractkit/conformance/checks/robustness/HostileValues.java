package io.contractkit.conformance.checks.robustness;

import io.contractkit.conformance.http.ProbeRequest;
import java.util.List;

/**
 * The hostile-input catalogue of the robustness checks: values for one query parameter that have
 * broken real servers -- decoding errors, overflows, injections, encodings -- each with a short
 * label that failures show. A value is sent either percent-encoded as a browser would ({@link
 * ProbeRequest#param}), or, when the bytes themselves are the point (bad percent-encoding, invalid
 * UTF-8), exactly as written ({@link ProbeRequest#rawQuery}).
 *
 * <p>None of these is a valid secret or authToken: a correct implementation answers each with a 4xx
 * or a "not found"/all-null answer, never a 5xx, a dropped connection or contact data.
 */
public final class HostileValues {
  private HostileValues() {}

  /** How a hostile input is put into a request for the parameter {@code name}. */
  @FunctionalInterface
  public interface Placement {
    void addTo(ProbeRequest request, String name);
  }

  /**
   * One hostile input.
   *
   * @param label what it is, as shown in failures
   * @param rawBytes true when it is sent byte for byte (a raw socket: plain HTTP only)
   */
  public record Hostile(String label, boolean rawBytes, Placement placement) {
    public ProbeRequest addTo(ProbeRequest request, String name) {
      placement.addTo(request, name);
      return request;
    }
  }

  /** A value sent percent-encoded. */
  static Hostile value(String label, String value) {
    return new Hostile(label, false, (request, name) -> request.param(name, value));
  }

  /** Query text sent exactly as written after {@code name=}. */
  static Hostile raw(String label, String text) {
    return new Hostile(label, true, (request, name) -> request.rawQuery(name + "=" + text));
  }

  private static final List<Hostile> CATALOGUE =
      List.of(
          // size
          value("a 10 KB value", "A".repeat(10 * 1024)),
          value("300 characters", "ck".repeat(150)),
          value("whitespace only", "   "),
          value("a 30-digit number", "999999999999999999999999999999"),
          value("a negative number", "-1"),
          // control characters, percent-encoded
          value("NUL (%00)", "ck\u0000ck"),
          value("line feed (%0A)", "ck\nck"),
          value("CR LF with a header line (%0D%0A)", "ck\r\nSet-Cookie: ck=1"),
          value("escape (%1B)", "ck\u001b[31mck"),
          value("DEL (%7F)", "ck\u007fck"),
          // bytes that are not valid percent-encoding or not UTF-8
          raw("a bad percent-encoding (%zz)", "ck%zz"),
          raw("a trailing %", "ck%"),
          raw("invalid UTF-8 (%C3%28)", "ck%C3%28"),
          raw("overlong UTF-8 (%C0%AF)", "ck%C0%AF"),
          raw("an encoded surrogate (%ED%A0%80)", "ck%ED%A0%80"),
          // quotes and injections
          value("quotes and backslashes", "ck\"'\\`\\\\'"),
          value("SQL-like (' OR '1'='1' --)", "' OR '1'='1' --"),
          value("SQL-like (1; DROP TABLE Contacts; --)", "1; DROP TABLE Contacts; --"),
          value("script-like (<script>alert(1)</script>)", "<script>alert(1)</script>"),
          value("path traversal (../../etc/passwd)", "../../etc/passwd"),
          value("a format string (%s%n)", "%s%n%x%d"),
          value("JSON-like ({\"$ne\":null})", "{\"$ne\":null}"),
          value("LDAP-like (*)(uid=*))", "*)(uid=*))(|(uid=*"),
          // text that is not ASCII
          value("emoji", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD"),
          value("right-to-left text", "\u202Eck\u202C \u0645\u0631\u062D\u0628\u0627"),
          value("a byte order mark and a noncharacter", "\uFEFFck\uFFFF"),
          // query shapes
          new Hostile("1,000 extra parameters", false, HostileValues::manyParameters),
          new Hostile(
              "the parameter twice",
              false,
              (request, name) -> request.param(name, "ck-a").param(name, "ck-b")));

  /**
   * Tokens that a lookup built by string concatenation, a LIKE or a wildcard match, or a loosely
   * typed comparison could take for "any": sent as a secret or authToken, each must find nothing.
   */
  private static final List<String> INJECTIONS =
      List.of(
          "' OR 1=1 --",
          "' OR '1'='1",
          "\" OR \"\"=\"",
          "1' OR '1'='1' /*",
          "*",
          "%",
          "_",
          ".*",
          "null",
          "undefined",
          "0",
          "[]",
          "{}",
          "true");

  /** Every hostile input, in the order the checks send them. */
  public static List<Hostile> catalogue() {
    return CATALOGUE;
  }

  /** Injection-like tokens for the disclosure checks. */
  public static List<String> injections() {
    return INJECTIONS;
  }

  private static void manyParameters(ProbeRequest request, String name) {
    for (int i = 0; i < 1000; i++) {
      request.param("ck" + i, "x");
    }
    request.param(name, "ck-many");
  }
}
