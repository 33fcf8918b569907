package io.contractkit.conformance.explore;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.profile.Profile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * EXPLORE-LMS-AUTHTOKENS: random sequences of authTokens sent, used, reused and used for another
 * lead, and moves of the clock, against the contract's model of one-time authTokens.
 */
public final class ExploreLmsAuthTokens implements Check {
  public static final String ID = "EXPLORE-LMS-AUTHTOKENS";

  static final CheckInfo INFO =
      CheckInfo.error(
              ID,
              Category.EXPLORATION,
              "Random sequences of authTokens agree with the one-time model",
              "For --explore-budget (default 3 s), seeded random sequences of: a fresh authToken sent"
                  + " to one of the profile's first two leads (lms.authTokens), a use of one of the"
                  + " authTokens sent so far with its own lead or with the other lead, and (with a clock"
                  + " hook and lms.authTokenLifetimeSeconds) a move of the target's clock past the"
                  + " lifetime; each answer compared with the contract's model: a fresh authToken"
                  + " releases its lead's contact once, a used, expired or other lead's authToken never"
                  + " does. Valid choices are accepted: an earlier authToken may stop working when a"
                  + " newer one is sent, and one tried with another lead may stop working. Codes are"
                  + " issued per lead, so the other lead may hold an authToken of the same value: a"
                  + " fresh authToken that releases the other lead's contact is tried again with its"
                  + " own lead, and if that releases its contact too, the two leads were given the same"
                  + " value and the sequence ends without a verdict (if not, the release for the other"
                  + " lead is the failure); when it is no longer fresh (used, expired, sent before a"
                  + " newer one or already tried with the other lead), such a release ends the"
                  + " sequence without a verdict; so does a code the target issues again while the"
                  + " sequence holds it (a used code may be issued again). A failing sequence is"
                  + " shrunk to the shortest one"
                  + " found and printed as curl lines with the --seed that replays it.",
              "[CONTRACT L6](../docs/CONTRACT.md#l6), [CONTRACT L11](../docs/CONTRACT.md#l11),"
                  + " [CONTRACT L16](../docs/CONTRACT.md#l16): an authToken is accepted once, for its"
                  + " own lead; with a clock hook and the lifetime, [L17](../docs/CONTRACT.md#l17) too"
                  + " (within its lifetime).",
              """
          expected: no contact data for authToken 1 (lead 1's, used or expired) used with lead 1 at this step (the contract's reference model)
          actual:   the lead's contact at step 4 of this sequence, the shortest found (replay it with --seed 7 --only EXPLORE-LMS-AUTHTOKENS and the same --explore-budget; this check's own seed is 1234):
                    # 1. authToken 1 (318204) sent to lead 1 (profile lms.authTokens)
                    # 2. authToken 1 (lead 1's, fresh) used with lead 1: expected the lead's contact, got the lead's contact
                    curl -i 'https://api.example.com/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=318204&source=conformance'
                    # 3. authToken 2 (604411) sent to lead 1 (profile lms.authTokens)
                    # 4. authToken 1 (lead 1's, used or expired) used with lead 1: expected no contact data, got the lead's contact
                    curl -i 'https://api.example.com/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=318204&source=conformance'""")
          .covering("L6", "L11", "L16");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    Set<ResourceLock> locks = new HashSet<>(context.authTokenLocks(0, 1));
    if (movesClock(context)) {
      locks.addAll(context.clockLocks());
    }
    return locks;
  }

  @Override
  public void run(CheckContext context) {
    List<Profile.KnownLead> leads = context.lms().leads();
    context.lead(0);
    Profile.AuthTokens source = context.lms().authTokens();
    if (source != null && source.staticTokens() != null) {
      throw new CheckSkipped(
          "lms.authTokens.staticTokens is a list: the exploration would use it up before the other"
              + " checks take theirs (give an http or command source)");
    }
    context.lmsBase();
    Exploration.explore(
        new LmsExplorer(
            leads.subList(0, Math.min(2, leads.size())),
            context.lms().authTokenLifetimeSeconds(),
            movesClock(context)),
        context,
        ID);
  }

  private static boolean movesClock(CheckContext context) {
    return context.canMoveClock()
        && context.profile().lms() != null
        && context.profile().lms().authTokenLifetimeSeconds() != null;
  }
}
