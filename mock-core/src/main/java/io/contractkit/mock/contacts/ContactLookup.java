package io.contractkit.mock.contacts;

import io.contractkit.mock.concurrent.Futures;
import io.contractkit.mock.fixtures.Contact;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.QueryParameters;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    return Futures.join(lookupAsync(queryString));
  }

  /**
   * {@link #lookup}, answered when the throttle has answered (at once in memory; when its store
   * answers for a shared throttle, on the store client's thread).
   *
   * @throws ApiProblem a missing or invalid parameter (400), at once
   * @return a future that fails with the {@link ApiProblem} of a blocked ip (429), or the shared
   *     throttle's (503)
   */
  public CompletableFuture<Optional<byte[]>> lookupAsync(String queryString) {
    QueryParameters query = QueryParameters.parse(queryString);
    String secret = query.required("secret");
    IpAddress ip = query.optional("ip").map(ContactLookup::ipAddress).orElse(null);

    Optional<Contact> contact = data.get().contact(secret);
    Optional<byte[]> answer = contact.map(Contact::body);
    if (ip == null) {
      return CompletableFuture.completedFuture(answer);
    }
    // A found secret never counts; it is refused only while the ip is blocked.
    CompletableFuture<Optional<Duration>> refused =
        contact.isPresent() ? throttle.blockedForAsync(ip) : throttle.failedAsync(ip);
    return refused.thenApply(
        blockedFor -> {
          refuseIfBlocked(blockedFor);
          return answer;
        });
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
