package io.contractkit.conformance.profile;

/**
 * Where fresh one-time authTokens come from (the profile chooses: static list, HTTP or command).
 */
public interface AuthTokenSource {
  /** A fresh, never used authToken for the lead; throws {@link AuthTokenUnavailable} if none. */
  String fresh(String accessToken);

  /**
   * Before the run: throws {@link AuthTokenUnavailable} when the source cannot deliver an authToken
   * for the lead. Takes one (and throws it away) unless the source can tell without.
   */
  default void check(String accessToken) {
    fresh(accessToken);
  }

  /** No authToken could be obtained; the message says why. */
  final class AuthTokenUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthTokenUnavailable(String message) {
      super(message);
    }
  }
}
