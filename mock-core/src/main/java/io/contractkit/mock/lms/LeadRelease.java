package io.contractkit.mock.lms;

import io.contractkit.mock.concurrent.Futures;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.http.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code GET ~/lms/leads/bytoken/contact?accessToken=&authToken=&source=}, without an HTTP server:
 * the lead's contact for a one-time authToken, released once. Every failed authorization -- reused,
 * unknown, other lead's or expired authToken, unknown or expired accessToken -- gets the same
 * all-null answer, so a caller cannot tell which part was wrong.
 */
public final class LeadRelease {
  /** The all-null answer of every failed authorization. */
  public static final byte[] NULL_VALUES =
      ("{\"accessToken\":null,\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,"
              + "\"email\":null,\"phone\":null,\"fax\":null,\"notice\":null,\"company\":null}")
          .getBytes(StandardCharsets.UTF_8);

  private final Supplier<Fixtures> data;
  private final AuthTokenStore tokens;
  private final Clock clock;

  /** {@code data}: the data served now (read once per request). */
  public LeadRelease(Supplier<Fixtures> data, AuthTokenStore tokens, Clock clock) {
    this.data = data;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * The body of the 200 answer: the lead, or {@link #NULL_VALUES}.
   *
   * @throws io.contractkit.mock.http.ApiProblem a missing parameter (400)
   */
  public byte[] release(String queryString) {
    return Futures.join(releaseAsync(queryString));
  }

  /**
   * {@link #release}, answered when the token store has answered (at once in memory; when its store
   * answers for a shared one, on the store client's thread).
   *
   * @throws io.contractkit.mock.http.ApiProblem a missing parameter (400), at once
   * @return a future that fails only with the shared store's {@link
   *     io.contractkit.mock.http.ApiProblem} (503)
   */
  public CompletableFuture<byte[]> releaseAsync(String queryString) {
    QueryParameters query = QueryParameters.parse(queryString);
    String accessToken = query.required("accessToken");
    String authToken = query.required("authToken");
    query.required("source");

    Optional<Lead> lead = data.get().lead(accessToken).filter(l -> !l.expiredAt(clock.instant()));
    if (lead.isEmpty()) {
      return CompletableFuture.completedFuture(NULL_VALUES);
    }
    return tokens
        .consumeAsync(accessToken, authToken)
        .thenApply(authorized -> authorized ? lead.get().body() : NULL_VALUES);
  }
}
