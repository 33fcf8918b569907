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
import java.util.function.Supplier;

/**
 * {@code GET api/v1/Contacts?secret=&ip=}: the contact with that secret, or 404. When {@code ip} is
 * given, failed lookups count against it and a blocked ip gets 429 with {@code Retry-After} -- even
 * for a correct secret, which is never disclosed while blocked.
 */
public final class ContactsHandler {
  /** The answer to an unknown secret: always the same, so serialised once. */
  public static final ApiProblem NOT_FOUND =
      ApiProblem.notFound("Contact not found", "No contact has this secret.");

  private final Supplier<Fixtures> data;
  private final BruteForceThrottle throttle;
  private final ProblemRenderer.Prerendered notFound;

  /**
   * {@code data}: the data served now (read once per request); {@code notFound}: {@link #NOT_FOUND}
   * prerendered for this route's path.
   */
  public ContactsHandler(
      Supplier<Fixtures> data, BruteForceThrottle throttle, ProblemRenderer.Prerendered notFound) {
    this.data = data;
    this.throttle = throttle;
    this.notFound = notFound;
  }

  public void lookup(Context ctx) {
    QueryParameters query = QueryParameters.parse(ctx.queryString());
    String secret = query.required("secret");
    IpAddress ip = query.optional("ip").map(ContactsHandler::ipAddress).orElse(null);

    Optional<Contact> contact = data.get().contact(secret);
    if (contact.isPresent()) {
      // A found secret never counts; it is refused only while the ip is blocked.
      refuseIfBlocked(ip == null ? Optional.empty() : throttle.blockedFor(ip));
      JsonResponses.send(ctx, 200, contact.get().body());
    } else {
      refuseIfBlocked(ip == null ? Optional.empty() : throttle.failed(ip));
      notFound.send(ctx);
    }
  }

  private static IpAddress ipAddress(String given) {
    return IpAddresses.parse(given)
        .orElseThrow(
            () -> ApiProblem.invalidParameter("ip", "must be an IPv4 or IPv6 address literal"));
  }

  private static void refuseIfBlocked(Optional<Duration> blockedFor) {
    if (blockedFor.isPresent()) {
      throw ApiProblem.tooManyRequests(ceilSeconds(blockedFor.get()));
    }
  }

  /** Whole seconds, rounded up, at least 1: the {@code Retry-After} of a block. */
  public static long ceilSeconds(Duration d) {
    long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
