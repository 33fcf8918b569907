package io.contractkit.conformance.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract's one-time authTokens as a reference model ([L6], [L11], [L16], [L17]): a fresh
 * authToken releases its own lead's contact once; a used one, an expired one and another lead's
 * never do. Where the contract leaves the choice to the implementation, the model accepts either
 * answer and learns from it: an authToken sent before the lead's newest one may or may not still
 * work (an implementation may invalidate earlier authTokens), and one tried with another lead's
 * accessToken may or may not still work for its own lead afterwards.
 */
final class AuthTokenModel {
  /** What the model knows of one authToken. */
  enum State {
    /** Releases its lead's contact at its next use. */
    FRESH,
    /** May or may not release: the implementation's choice. */
    EITHER,
    /** Never releases again: used, expired, or found refused. */
    SPENT
  }

  /** What the model expects of one use. */
  enum Expected {
    RELEASE,
    NO_RELEASE,
    EITHER
  }

  private final List<Integer> leadOf = new ArrayList<>();
  private final List<State> states = new ArrayList<>();

  /** A new authToken was sent to {@code lead}; returns its number. */
  int sent(int lead) {
    for (int i = 0; i < states.size(); i++) {
      if (leadOf.get(i) == lead && states.get(i) == State.FRESH) {
        states.set(i, State.EITHER);
      }
    }
    leadOf.add(lead);
    states.add(State.FRESH);
    return states.size() - 1;
  }

  int tokens() {
    return states.size();
  }

  int leadOf(int token) {
    return leadOf.get(token);
  }

  State state(int token) {
    return states.get(token);
  }

  /** What the contract expects when {@code token} is sent with {@code lead}'s accessToken. */
  Expected expected(int token, int lead) {
    if (lead != leadOf.get(token)) {
      return Expected.NO_RELEASE;
    }
    return switch (states.get(token)) {
      case FRESH -> Expected.RELEASE;
      case EITHER -> Expected.EITHER;
      case SPENT -> Expected.NO_RELEASE;
    };
  }

  /** Moves the model on by a use whose answer did or did not release the contact. */
  void used(int token, int lead, boolean released) {
    if (lead != leadOf.get(token)) {
      if (states.get(token) == State.FRESH) {
        states.set(token, State.EITHER);
      }
      return;
    }
    if (released || states.get(token) == State.EITHER) {
      states.set(token, State.SPENT);
    }
  }

  /** The clock moved past every authToken's lifetime. */
  void allExpired() {
    states.replaceAll(s -> State.SPENT);
  }
}
