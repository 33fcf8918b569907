package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckSkipped;
import java.util.function.Consumer;

/**
 * Runs the Contacts part and the LMS part of a protocol check. A part whose API the profile does
 * not configure (no base URL, no secret, no lead, ...) is left out; the check skips only when both
 * parts are left out.
 */
final class BothApis {
  private BothApis() {}

  static void run(
      CheckContext context, Consumer<CheckContext> contactsPart, Consumer<CheckContext> lmsPart) {
    String contactsSkipped = attempt(context, contactsPart);
    String lmsSkipped = attempt(context, lmsPart);
    if (contactsSkipped != null && lmsSkipped != null) {
      throw new CheckSkipped("Contacts: " + contactsSkipped + "; LMS: " + lmsSkipped);
    }
  }

  /** Runs the part; returns why it was left out, or null when it ran. */
  private static String attempt(CheckContext context, Consumer<CheckContext> part) {
    try {
      part.accept(context);
      return null;
    } catch (CheckSkipped skipped) {
      return skipped.getMessage();
    }
  }
}
