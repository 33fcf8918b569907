package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;

/** The lookups the Contacts checks send: by secret, with or without an {@code ip}. */
final class ContactLookups {
  /**
   * How many fresh ips a check tries when the first answer from one is 429: a run within the block
   * time of an earlier run may draw an ip that the earlier run blocked.
   */
  static final int FRESH_IP_TRIES = 3;

  private ContactLookups() {}

  static ProbeRequest bySecret(CheckContext context, String secret) {
    return context.contactsRequest().param("secret", secret);
  }

  static ProbeRequest bySecret(CheckContext context, String secret, String ip) {
    return bySecret(context, secret).param("ip", ip);
  }

  /** A secret of the usual shape (20 letters and digits) that no implementation knows. */
  static String wrongSecret(CheckContext context) {
    return context.randomToken("", 20);
  }

  /** The first existing secret of the profile (or a skip when it lists none). */
  static String knownSecret(CheckContext context) {
    return context.knownContacts().get(0).secret();
  }

  /**
   * Fails, saying what was {@code expected}, when the answer discloses contact data (a 2xx with a
   * contact property, or a known personal value anywhere in the body).
   */
  static void expectNothingDisclosed(Exchange e, CheckContext context, String expected) {
    String leak = Disclosure.contacts(e, context);
    if (leak != null) {
      throw new CheckFailure(expected, "status " + e.status() + " with contact data: " + leak, e);
    }
  }

  /** Fails, saying what was {@code expected}, unless the status is {@code status}. */
  static void expectStatus(Exchange e, int status, String expected) {
    if (e.status() != status) {
      throw new CheckFailure(expected, "status " + e.status(), e);
    }
  }

  /**
   * The first lookup of {@code secret} from a fresh ip. An ip whose first answer is 429 is taken as
   * still blocked by an earlier run and replaced, up to {@link #FRESH_IP_TRIES} ips; the last
   * answer is returned whatever it is.
   */
  static FirstLookup fromFreshIp(CheckContext context, String secret) {
    for (int tries = 1; ; tries++) {
      String ip = context.freshIp();
      Exchange first = context.send(bySecret(context, secret, ip));
      if (first.status() != 429 || tries == FRESH_IP_TRIES) {
        return new FirstLookup(ip, first, tries);
      }
    }
  }

  /** The ip that was used, its first answer, and how many fresh ips were tried to get it. */
  record FirstLookup(String ip, Exchange exchange, int ipsTried) {
    /** " (from 3 fresh ips in a row)" when the 429 came from every ip tried, else "". */
    String fromIps() {
      return ipsTried > 1 ? " (from " + ipsTried + " fresh ips in a row)" : "";
    }
  }
}
