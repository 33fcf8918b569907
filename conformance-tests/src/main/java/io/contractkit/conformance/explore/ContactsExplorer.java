package io.contractkit.conformance.explore;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Random sequences of lookups on the Contacts API from two ips of its own (A and B), with correct
 * and wrong secrets, and moves of the target's clock past the window and the block when the profile
 * gives a clock hook; each answer is compared with {@link ThrottleModel}.
 */
final class ContactsExplorer implements Explorer<ContactsExplorer.Step> {
  /** Ips a sequence may take; the fixed checks keep the rest of the documentation ranges. */
  static final int IPS_KEPT_FOR_OTHER_CHECKS = 150;

  /**
   * How many fresh ips a step tries when an ip's first answer is 429 (left blocked by a run
   * before).
   */
  static final int FRESH_IP_TRIES = 3;

  /** One step of a sequence. */
  sealed interface Step permits Lookup, MoveClock {}

  /**
   * A lookup from ip {@code ip} (0 is A, 1 is B) with the profile's first secret, or a wrong one.
   */
  record Lookup(int ip, boolean rightSecret) implements Step {
    @Override
    public String toString() {
      return (rightSecret ? "correct" : "wrong") + " secret from ip " + (char) ('A' + ip);
    }
  }

  /** The target's clock moved past the window and the block. */
  record MoveClock() implements Step {
    @Override
    public String toString() {
      return "clock moved";
    }
  }

  private final boolean clockMoves;
  private final Profile.Throttle throttle;
  private final String secret;

  ContactsExplorer(Profile.Throttle throttle, String secret, boolean clockMoves) {
    this.throttle = throttle;
    this.secret = secret;
    this.clockMoves = clockMoves;
  }

  @Override
  public int codes() {
    return 100;
  }

  /**
   * 0–59 a wrong secret from A, 60–79 the correct one from A, 80–87 a wrong one from B, 88–93 the
   * correct one from B, 94–99 a move of the clock (a wrong secret from A without a clock hook).
   */
  @Override
  public Step step(int code) {
    if (code < 60) {
      return new Lookup(0, false);
    }
    if (code < 80) {
      return new Lookup(0, true);
    }
    if (code < 88) {
      return new Lookup(1, false);
    }
    if (code < 94) {
      return new Lookup(1, true);
    }
    return clockMoves ? new MoveClock() : new Lookup(0, false);
  }

  /** Long enough to block an ip with successes in between, and to go on after. */
  @Override
  public int maxLength() {
    return 2 * throttle.maxFailures() + 10;
  }

  /** How far a move of the clock goes: past the window and the block, by a second. */
  Duration clockMove() {
    return Duration.ofSeconds(throttle.windowSeconds() + throttle.blockSeconds() + 1L);
  }

  /**
   * How long a sequence may take in real time: half the shorter of window and block, so that no
   * failure leaves the window and no block lifts on its own while the model assumes they do not.
   */
  Duration realTimeLimit() {
    return Duration.ofMillis(500L * Math.min(throttle.windowSeconds(), throttle.blockSeconds()));
  }

  @Override
  public Transcript run(List<Step> steps, CheckContext context, Instant deadline) {
    Transcript t = new Transcript();
    ThrottleModel model = new ThrottleModel(throttle.maxFailures());
    Map<Integer, String> ips = new HashMap<>();
    Instant start = context.now();
    for (Step step : steps) {
      if (context.now().isAfter(deadline)
          || Duration.between(start, context.now()).compareTo(realTimeLimit()) > 0
          || context.freshIpsLeft() < IPS_KEPT_FOR_OTHER_CHECKS + FRESH_IP_TRIES) {
        return t; // stopped: the budget is spent, or the model would no longer be exact
      }
      if (step instanceof Lookup l) {
        if (!lookUp(l, model, ips, context, t)) {
          return t;
        }
      } else {
        context.letTimePass(clockMove(), "the exploration's move of the clock");
        model.clockMovedPastEverything();
        t.step(
            "the target's clock moved forward by "
                + clockMove().toSeconds()
                + " s (profile clock.advance): past the window and the block");
      }
    }
    return t;
  }

  private boolean lookUp(
      Lookup l, ThrottleModel model, Map<Integer, String> ips, CheckContext context, Transcript t) {
    int expected = model.expected(l.ip(), l.rightSecret());
    boolean firstFromIp = !ips.containsKey(l.ip());
    Exchange e = null;
    for (int attempt = 0; attempt < (firstFromIp ? FRESH_IP_TRIES : 1); attempt++) {
      if (firstFromIp) {
        ips.put(l.ip(), context.freshIp());
      }
      ProbeRequest request =
          context
              .contactsRequest()
              .param("secret", l.rightSecret() ? secret : context.randomToken("", 20))
              .param("ip", ips.get(l.ip()));
      e = context.send(request);
      if (!(firstFromIp && e.status() == 429 && expected != 429)) {
        break; // an ip whose first answer is 429 may still be blocked by an earlier run
      }
    }
    String want = "status " + expected + why(model, l);
    String got = "status " + e.status();
    t.request(l.toString(), e, want, got);
    if (e.status() != expected) {
      t.mismatch(want + " for the " + l + " at this step", got, e);
      return false;
    }
    model.lookedUp(l.ip(), l.rightSecret());
    return true;
  }

  private static String why(ThrottleModel model, Lookup l) {
    char ip = (char) ('A' + l.ip());
    if (model.isBlocked(l.ip())) {
      return " (ip " + ip + " is blocked)";
    }
    return " (ip " + ip + " has " + model.failuresOf(l.ip()) + " failure(s) counted)";
  }
}
