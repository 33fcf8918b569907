package io.contractkit.mock.contacts;

import io.contractkit.mock.fixtures.Contact;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.JsonResponses;
import io.contractkit.mock.http.ProblemRenderer;
import io.contractkit.mock.http.QueryParameters;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET api/v1/Contacts?secret=&ip=}: the contact with that secret, or 404. When {@code ip} is
 * given, failed lookups count against it and a blocked ip gets 429 with {@code Retry-After} -- even
 * for a correct secret, which is never disclosed while blocked.
 */
public final class ContactsHandler {
  private static final BruteForceThrottle.Attempt UNTHROTTLED =
      new BruteForceThrottle.Attempt() {
        @Override
        public Optional<Duration> refusedFor() {
          return Optional.empty();
        }

        @Override
        public void succeeded() {}

        @Override
        public void failed() {}
      };

  /** The answer to an unknown secret: always the same, so serialised once. */
  public static final ApiProblem NOT_FOUND =
      ApiProblem.notFound("Contact not found", "No contact has this secret.");

  private final Fixtures fixtures;
  private final BruteForceThrottle throttle;
  private final ProblemRenderer.Prerendered notFound;

  /** {@code notFound}: {@link #NOT_FOUND} prerendered for this route's path. */
  public ContactsHandler(
      Fixtures fixtures, BruteForceThrottle throttle, ProblemRenderer.Prerendered notFound) {
    this.fixtures = fixtures;
    this.throttle = throttle;
    this.notFound = notFound;
  }

  public void lookup(Context ctx) {
    QueryParameters query = QueryParameters.parse(ctx.queryString());
    String secret = query.required("secret");
    Optional<String> ip =
        query
            .optional("ip")
            .map(
                given ->
                    IpAddresses.normalize(given)
                        .orElseThrow(
                            () ->
                                ApiProblem.invalidParameter(
                                    "ip", "must be an IPv4 or IPv6 address literal")));

    BruteForceThrottle.Attempt attempt = ip.map(throttle::begin).orElse(UNTHROTTLED);
    Optional<Duration> refused = attempt.refusedFor();
    if (refused.isPresent()) {
      throw ApiProblem.tooManyRequests(ceilSeconds(refused.get()));
    }
    Optional<Contact> contact = fixtures.contact(secret);
    if (contact.isEmpty()) {
      attempt.failed();
      notFound.send(ctx);
      return;
    }
    attempt.succeeded();
    JsonResponses.send(ctx, 200, contact.get().body());
  }

  private static long ceilSeconds(Duration d) {
    long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
