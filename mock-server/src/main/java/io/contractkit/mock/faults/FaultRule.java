package io.contractkit.mock.faults;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a fault rule says, as plain data (a shared store keeps it as JSON): which requests it
 * applies to, what it does to their answer, how often and how likely.
 *
 * @param route the operation, or {@link FaultRoute#ANY}
 * @param match the query values a request must have; {@link Match#ANY} for every request
 * @param fault what happens instead of, or before, the real answer
 * @param times how many times the rule fires before it stops applying; null for no limit
 * @param probability the chance (0 to 1) that the rule fires for a request it applies to; null for
 *     always
 */
public record FaultRule(
    FaultRoute route, Match match, Fault fault, Integer times, Double probability) {

  /**
   * The query values a request must have, each compared exactly as the mock looks them up: {@code
   * secret} and {@code accessToken} case-sensitively, {@code ip} after normalizing both sides (so
   * {@code 2001:DB8::1} matches {@code 2001:db8:0:0:0:0:0:1}). A null field matches any value.
   *
   * @param ip normalized
   */
  public record Match(String secret, String ip, String accessToken) {
    public static final Match ANY = new Match(null, null, null);

    public boolean isAny() {
      return secret == null && ip == null && accessToken == null;
    }
  }

  /**
   * What the rule does. Status, headers and body make an answer of their own; a delay alone delays
   * the real answer; a kind breaks the answer in a way HTTP cannot express.
   *
   * @param status null for 200 when there is a body, or for the real answer
   * @param headers never null; empty for none
   * @param body a JSON value (sent as JSON) or a string (sent as it is); null for none
   * @param delay null for none
   * @param kind null for a plain answer
   */
  public record Fault(
      Integer status,
      Map<String, String> headers,
      JsonNode body,
      DelayRange delay,
      FaultKind kind) {

    public Fault {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers)); // in the given order
      body = body == null ? null : body.deepCopy();
    }

    /** Whether the rule answers by itself rather than letting the real handler answer. */
    boolean hasOwnAnswer() {
      return status != null || body != null;
    }
  }
}
