package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Expect;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Answers that carry personal data tell caches not to store them. */
public final class CacheControlNoStore implements Check {
  /** The lead it uses: lms.leads[2 % n] ({@link CheckContext#spreadLead}). */
  static final int LEAD_SLOT = 2;

  public static final String ID = "PROTOCOL-CACHE-CONTROL-NO-STORE";

  private static final CheckInfo INFO =
      CheckInfo.warning(
              ID,
              Category.PROTOCOL,
              "Answers with personal data carry Cache-Control: no-store",
              "A found contact and a lead's contact released for a fresh authToken carry a Cache-Control header with"
                  + " the no-store directive, so no browser or proxy cache keeps the personal data.",
              "Not in the documents (a warning, not an error): RFC 9111 section 5.2.2.5 no-store for"
                  + " sensitive answers; the LMS answer is released once (\"will only be accepted once\"),"
                  + " so a cached copy would outlive that promise"
                  + " ([CONTRACT G20](../docs/CONTRACT.md#g20)).",
              """
          expected Cache-Control containing no-store (the answer carries personal data)
          actual   Cache-Control: public, max-age=600
          status   200
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("G20");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.authTokenLocks(context.spreadLead(LEAD_SLOT));
  }

  @Override
  public void run(CheckContext context) {
    BothApis.run(context, CacheControlNoStore::foundContact, CacheControlNoStore::releasedLead);
  }

  private static void foundContact(CheckContext context) {
    String secret = context.knownContacts().get(0).secret();
    Exchange e = context.send(context.contactsRequest().param("secret", secret));
    Expect.status(e, 200);
    expectNoStore(e);
  }

  private static void releasedLead(CheckContext context) {
    String accessToken = context.lead(context.spreadLead(LEAD_SLOT)).accessToken();
    Exchange e = context.send(context.lmsRequest(accessToken, context.freshAuthToken(accessToken)));
    Expect.status(e, 200);
    expectNoStore(e);
  }

  private static void expectNoStore(Exchange e) {
    List<String> values = e.headers().getOrDefault("Cache-Control", List.of());
    boolean noStore =
        values.stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(d -> d.split("=")[0].trim().toLowerCase(Locale.ROOT))
            .anyMatch("no-store"::equals);
    if (!noStore) {
      throw new CheckFailure(
          "Cache-Control containing no-store (the answer carries personal data)",
          values.isEmpty()
              ? "no Cache-Control header"
              : "Cache-Control: " + String.join(", ", values),
          e);
    }
  }
}
