package io.contractkit.conformance.profile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A list of unused authTokens per lead from the profile; each is handed out once per run. */
public final class StaticAuthTokens implements AuthTokenSource {
  private final Map<String, Deque<String>> unused = new HashMap<>();

  public StaticAuthTokens(Map<String, List<String>> tokens) {
    tokens.forEach((lead, list) -> unused.put(lead, new ArrayDeque<>(list)));
  }

  @Override
  public synchronized String fresh(String accessToken) {
    check(accessToken);
    return unused.get(accessToken).removeFirst();
  }

  /** Looks at the list only: none is used up. */
  @Override
  public synchronized void check(String accessToken) {
    Deque<String> left = unused.get(accessToken);
    if (left == null || left.isEmpty()) {
      throw new AuthTokenUnavailable(
          "the profile's lms.authTokens.staticTokens has no unused authToken left for lead "
              + accessToken);
    }
  }
}
