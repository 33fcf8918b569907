package io.contractkit.mock.contacts;

import io.contractkit.mock.fixtures.Contact;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.QueryParameters;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET api/v1/Contacts?secret=&ip=}, without an HTTP server: the contact with that secret, or
 * none (404). When {@code ip} is given, failed lookups count against it and a blocked ip gets 429
 * with {@code Retry-After} -- even for a correct secret, which is never disclosed while blocked.
 */
public final class ContactLookup {
  /** The answer to an unknown secret: always the same. */
  public static final ApiProblem NOT_FOUND =
      ApiProblem.notFound("Contact not found", "No contact has this secret.");

  private final Supplier<Fixtures> data;
  private final BruteForceThrottle throttle;

  /** {@code data}: the data served now (read once per request). */
  public ContactLookup(Supplier<Fixtures> data, BruteForceThrottle throttle) {
    this.data = data;
    this.throttle = throttle;
  }

  /**
   * The found contact's body (200), or empty for an unknown secret (answer {@link #NOT_FOUND}).
   *
   * @throws ApiProblem a missing or invalid parameter (400), a blocked ip (429)
   */
  public Optional<byte[]> lookup(String queryString) {
    QueryParameters query = QueryParameters.parse(queryString);
    String secret = query.required("secret");
    IpAddress ip = query.optional("ip").map(ContactLookup::ipAddress).orElse(null);

    Optional<Contact> contact = data.get().contact(secret);
    if (contact.isPresent()) {
      // A found secret never counts; it is refused only while the ip is blocked.
      refuseIfBlocked(ip == null ? Optional.empty() : throttle.blockedFor(ip));
      return Optional.of(contact.get().body());
    }
    refuseIfBlocked(ip == null ? Optional.empty() : throttle.failed(ip));
    return Optional.empty();
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
