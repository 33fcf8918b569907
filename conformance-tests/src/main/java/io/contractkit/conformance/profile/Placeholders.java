package io.contractkit.conformance.profile;

import java.util.Map;

/** {@code {name}} placeholders in the profile's hooks, replaced by their values. */
final class Placeholders {
  private Placeholders() {}

  /** The template with every {@code {name}} of {@code values} replaced (others are kept). */
  static String fill(String template, Map<String, String> values) {
    String filled = template;
    for (Map.Entry<String, String> v : values.entrySet()) {
      filled = filled.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
    }
    return filled;
  }
}
