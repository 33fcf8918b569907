package io.contractkit.conformance.checks;

import io.contractkit.conformance.http.Exchange;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Recognises an answer that discloses contact data: a 2xx whose JSON carries a non-null contact
 * property, or any answer whose body contains a personal value the run knows.
 */
public final class Disclosure {
  /** In the documented order, so that a failure names the same property on every run. */
  private static final List<String> LMS_PROPERTIES =
      List.of(
          "accessToken",
          "name",
          "street",
          "city",
          "zipCode",
          "email",
          "phone",
          "fax",
          "notice",
          "company");

  private static final Set<String> CONTACT_PROPERTIES =
      Set.of("secret", "email", "phone", "firstname", "lastname", "registrationip");

  private Disclosure() {}

  /** Why the LMS answer discloses contact data, or null when it does not. */
  public static String lms(Exchange e, CheckContext context) {
    if (e.status() >= 200 && e.status() < 300) {
      JsonNode body = e.json().orElse(null);
      if (body != null && body.isObject()) {
        for (String property : LMS_PROPERTIES) {
          JsonNode value = body.get(property);
          if (value != null && !value.isNull()) {
            return "property '" + property + "' is not null";
          }
        }
      }
    }
    return knownValue(e, context);
  }

  /** Why the Contacts answer discloses contact data, or null when it does not. */
  public static String contacts(Exchange e, CheckContext context) {
    if (e.status() >= 200 && e.status() < 300) {
      JsonNode body = e.json().orElse(null);
      if (body != null && body.isObject()) {
        Iterator<String> names = body.propertyNames().iterator();
        while (names.hasNext()) {
          String name = names.next();
          JsonNode value = body.get(name);
          if (CONTACT_PROPERTIES.contains(name.toLowerCase(java.util.Locale.ROOT))
              && value != null
              && !value.isNull()) {
            return "property '" + name + "' is not null";
          }
        }
      }
    }
    return knownValue(e, context);
  }

  private static String knownValue(Exchange e, CheckContext context) {
    String text = e.text();
    for (String value : context.knownPersonalValues()) {
      if (text.contains(value)) {
        return "the body contains the known personal value \"" + value + "\"";
      }
    }
    return null;
  }

  /** Fails unless the LMS answer discloses nothing (strict: exactly the all-null answer). */
  public static void expectNoLmsDisclosure(Exchange e, CheckContext context) {
    String leak = lms(e, context);
    if (leak != null) {
      throw new CheckFailure("no contact data", "contact data: " + leak, e);
    }
    Expect.not5xx(e);
    if (context.mode() == Mode.STRICT) {
      Expect.status(e, 200);
      Expect.valid(e, context, io.contractkit.conformance.schema.Schemas.LMS_CONTACT_INFO_NULL);
    }
  }
}
