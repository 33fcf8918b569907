package io.contractkit.conformance.explore;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Random sequences on the LMS API with authTokens of its own: send a fresh authToken to a lead (the
 * profile's {@code lms.authTokens}), use one of the authTokens sent so far with its own lead or
 * with another lead, and move the target's clock past an authToken's lifetime when the profile
 * gives a clock hook and the lifetime; each answer is compared with {@link AuthTokenModel}.
 */
final class LmsExplorer implements Explorer<LmsExplorer.Step> {
  /** One step of a sequence. */
  sealed interface Step permits Send, Use, MoveClock {}

  /** A fresh authToken sent to lead {@code lead} (0 is the profile's first lead). */
  record Send(int lead) implements Step {
    @Override
    public String toString() {
      return "send lead " + (lead + 1) + " a fresh authToken";
    }
  }

  /**
   * A use of the authToken sent {@code back} sends before the latest (0: the latest), with its own
   * lead's accessToken or with another lead's.
   */
  record Use(int back, boolean otherLead) implements Step {
    @Override
    public String toString() {
      return "use authToken "
          + (back == 0 ? "latest" : "latest-" + back)
          + (otherLead ? " for another lead" : "");
    }
  }

  /** The target's clock moved past an authToken's lifetime. */
  record MoveClock() implements Step {
    @Override
    public String toString() {
      return "clock moved";
    }
  }

  private final List<Profile.KnownLead> leads;
  private final Integer lifetimeSeconds;
  private final boolean clockMoves;

  /**
   * @param leads the leads whose authTokens the exploration takes (one or two)
   * @param lifetimeSeconds the profile's authToken lifetime, or null
   * @param clockMoves whether the target's clock may be moved (a hook and a lifetime)
   */
  LmsExplorer(List<Profile.KnownLead> leads, Integer lifetimeSeconds, boolean clockMoves) {
    this.leads = List.copyOf(leads);
    this.lifetimeSeconds = lifetimeSeconds;
    this.clockMoves = clockMoves;
  }

  @Override
  public int codes() {
    return 100;
  }

  /**
   * 0–39 a use of the latest authToken or one of the three before (with its own lead), 40–49 a use
   * with another lead (with one lead: its own), 50–89 an authToken sent to one of the leads, 90–99
   * a move of the clock (without one: an authToken sent to the first lead).
   */
  @Override
  public Step step(int code) {
    if (code < 40) {
      return new Use(code / 10, false);
    }
    if (code < 50) {
      return new Use((code - 40) / 3 % 4, leads.size() > 1);
    }
    if (code < 90) {
      return new Send(code % leads.size());
    }
    return clockMoves ? new MoveClock() : new Send(0);
  }

  @Override
  public int maxLength() {
    return 12;
  }

  Duration clockMove() {
    return Duration.ofSeconds(lifetimeSeconds == null ? 0 : lifetimeSeconds + 1L);
  }

  /**
   * How long a sequence may take in real time: half an authToken's lifetime (a minute when the
   * profile does not say), so that none expires on its own while the model assumes it does not.
   */
  Duration realTimeLimit() {
    return Duration.ofMillis(500L * (lifetimeSeconds == null ? 120 : lifetimeSeconds));
  }

  @Override
  public Transcript run(List<Step> steps, CheckContext context, Instant deadline) {
    Transcript t = new Transcript();
    AuthTokenModel model = new AuthTokenModel();
    List<String> values = new ArrayList<>();
    Instant start = context.now();
    for (Step step : steps) {
      if (context.now().isAfter(deadline)
          || Duration.between(start, context.now()).compareTo(realTimeLimit()) > 0) {
        return t; // stopped: the budget is spent, or the model would no longer be exact
      }
      if (step instanceof Send s) {
        String value = context.freshAuthToken(leads.get(s.lead()).accessToken());
        if (values.contains(value)) {
          // the target issued a code again that this sequence holds (a used one may be issued
          // again): the model cannot tell the two authTokens apart, so the sequence ends here
          return t;
        }
        values.add(value);
        int token = model.sent(s.lead());
        t.step(
            "authToken "
                + (token + 1)
                + " ("
                + value
                + ") sent to lead "
                + (s.lead() + 1)
                + " (profile lms.authTokens)");
      } else if (step instanceof Use u) {
        if (!use(u, model, values, context, t)) {
          return t;
        }
      } else {
        context.letTimePass(clockMove(), "the exploration's move of the clock");
        model.allExpired();
        t.step(
            "the target's clock moved forward by "
                + clockMove().toSeconds()
                + " s (profile clock.advance): past every authToken's lifetime");
      }
    }
    return t;
  }

  private boolean use(
      Use u, AuthTokenModel model, List<String> values, CheckContext context, Transcript t) {
    if (model.tokens() == 0) {
      return true; // nothing sent yet: nothing to use
    }
    int token = Math.max(0, model.tokens() - 1 - u.back());
    int lead = u.otherLead() ? (model.leadOf(token) + 1) % leads.size() : model.leadOf(token);
    AuthTokenModel.Expected expected = model.expected(token, lead);
    Exchange e = context.send(context.lmsRequest(leads.get(lead).accessToken(), values.get(token)));
    boolean released = Disclosure.lms(e, context) != null;
    String description =
        "authToken "
            + (token + 1)
            + " (lead "
            + (model.leadOf(token) + 1)
            + "'s, "
            + state(model, token)
            + ") used with lead "
            + (lead + 1);
    String want =
        switch (expected) {
          case RELEASE -> "the lead's contact";
          case NO_RELEASE -> "no contact data";
          case EITHER -> "either (the implementation's choice)";
        };
    String got =
        e.is5xx()
            ? "status " + e.status()
            : released ? "the lead's contact" : "no contact data (status " + e.status() + ")";
    t.request(description, e, want, got);
    boolean fits =
        !e.is5xx()
            && switch (expected) {
              case RELEASE -> released;
              case NO_RELEASE -> !released;
              case EITHER -> true;
            };
    if (!fits && collided(expected, released, token, lead, model, values, context)) {
      return false; // the sequence ends here, without a failure (see collided)
    }
    if (!fits) {
      t.mismatch(want + " for " + description + " at this step", got, e);
      return false;
    }
    model.used(token, lead, released);
    return true;
  }

  /**
   * Whether an authToken that released another lead's contact may be that lead's own authToken with
   * the same value: codes are issued per lead, so the other lead may hold an active one that the
   * suite never saw (sent by another check, or by an earlier sequence). A fresh one is tried with
   * its own lead: still fresh there, it releases its contact (the same value, two authTokens); an
   * implementation that took it for the other lead's spent it, and releases nothing (a failure). A
   * used or expired one cannot be told apart that way: the sequence ends without a verdict (the
   * fixed check of another lead's authToken holds that rule).
   */
  private boolean collided(
      AuthTokenModel.Expected expected,
      boolean released,
      int token,
      int lead,
      AuthTokenModel model,
      List<String> values,
      CheckContext context) {
    int own = model.leadOf(token);
    if (expected != AuthTokenModel.Expected.NO_RELEASE || !released || lead == own) {
      return false;
    }
    if (model.state(token) != AuthTokenModel.State.FRESH) {
      return true;
    }
    Exchange again =
        context.send(context.lmsRequest(leads.get(own).accessToken(), values.get(token)));
    return Disclosure.lms(again, context) != null;
  }

  private static String state(AuthTokenModel model, int token) {
    return switch (model.state(token)) {
      case FRESH -> "fresh";
      case EITHER -> "sent before a newer one, or tried with another lead";
      case SPENT -> "used or expired";
    };
  }
}
