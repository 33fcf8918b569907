package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.http.Exchange;

/** {@link Disclosure#expectNoLmsDisclosure}, with a failure that names the situation. */
final class NoDisclosure {
  private NoDisclosure() {}

  /**
   * Fails when the answer discloses contact data (both modes), or in strict mode when it is not the
   * all-null LmsContactInfo.
   *
   * @param situation what was wrong with the request, e.g. "a reused authToken"
   */
  static void expect(String situation, Exchange e, CheckContext context) {
    boolean leaks = Disclosure.lms(e, context) != null;
    try {
      Disclosure.expectNoLmsDisclosure(e, context);
    } catch (CheckFailure f) {
      String expected = f.expected() + " for " + situation;
      if (!leaks && context.mode() == Mode.STRICT) {
        expected +=
            " (strict: the all-null LmsContactInfo, as for every failed authorization;"
                + " lenient accepts any answer that discloses nothing and is not a 5xx)";
      }
      throw new CheckFailure(expected, f.actual(), f.exchange(), f.violations());
    }
  }
}
