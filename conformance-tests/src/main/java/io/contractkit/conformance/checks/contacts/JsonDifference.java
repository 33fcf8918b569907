package io.contractkit.conformance.checks.contacts;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The first place where a JSON value differs from the expected one, compared by meaning: object
 * properties one by one (a property the actual value has and the expected one does not is no
 * difference; an absent property equals an expected {@code null}), numbers by value, RFC 3339
 * date-time strings by instant ({@link RfcDateTime}), everything else exactly.
 *
 * @param pointer the JSON pointer of the difference ("" for the whole value)
 * @param expected the expected value there, as JSON text
 * @param actual the actual value there, as JSON text, or "(missing)"
 */
record JsonDifference(String pointer, String expected, String actual) {
  static final String MISSING = "(missing)";
  private static final int MAX_VALUE_CHARS = 120;

  static Optional<JsonDifference> first(JsonNode expected, JsonNode actual) {
    return first("", expected, actual);
  }

  private static Optional<JsonDifference> first(String pointer, JsonNode expected, JsonNode actual) {
    if (actual == null || actual.isMissingNode()) {
      return expected.isNull() ? Optional.empty() : differ(pointer, expected, null);
    }
    if (expected.isObject() && actual.isObject()) {
      for (Map.Entry<String, JsonNode> p : expected.properties()) {
        Optional<JsonDifference> d = first(pointer + "/" + escape(p.getKey()), p.getValue(), actual.get(p.getKey()));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (expected.isArray() && actual.isArray()) {
      for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
        String at = pointer + "/" + i;
        if (i >= expected.size()) {
          return Optional.of(new JsonDifference(at, MISSING, text(actual.get(i))));
        }
        Optional<JsonDifference> d = first(at, expected.get(i), actual.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return sameScalar(expected, actual) ? Optional.empty() : differ(pointer, expected, actual);
  }

  private static boolean sameScalar(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isString() && actual.isString()) {
      String e = expected.stringValue();
      String a = actual.stringValue();
      if (e.equals(a)) {
        return true;
      }
      Optional<RfcDateTime> ed = RfcDateTime.parse(e);
      Optional<RfcDateTime> ad = RfcDateTime.parse(a);
      return ed.isPresent() && ad.isPresent() && ed.get().sameAs(ad.get());
    }
    return expected.equals(actual);
  }

  private static Optional<JsonDifference> differ(String pointer, JsonNode expected, JsonNode actual) {
    return Optional.of(new JsonDifference(pointer, text(expected), actual == null ? MISSING : text(actual)));
  }

  private static String text(JsonNode node) {
    String json = node.toString();
    return json.length() <= MAX_VALUE_CHARS ? json : json.substring(0, MAX_VALUE_CHARS) + "…";
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer for a message: "/" for the whole value. */
  String where() {
    return pointer.isEmpty() ? "/" : pointer;
  }
}
