package io.contractkit.conformance.explore;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.profile.Profile;
import java.util.Set;

/**
 * EXPLORE-CONTACTS-THROTTLE: random sequences of correct and wrong secrets from two ips of its own,
 * and moves of the clock, against the contract's model of the throttle.
 */
public final class ExploreContactsThrottle implements Check {
  public static final String ID = "EXPLORE-CONTACTS-THROTTLE";

  static final CheckInfo INFO =
      CheckInfo.error(
              ID,
              Category.EXPLORATION,
              "Random sequences of lookups agree with the throttle's model",
              "For --explore-budget (default 3 s), seeded random sequences of lookups with the"
                  + " profile's first secret or a wrong one, from two fresh documentation ips of its own,"
                  + " and (with a clock hook) moves of the target's clock past the window and the block,"
                  + " each answer compared with the contract's model: 404 for a wrong secret, 200 for the"
                  + " correct one, 429 for every lookup from an ip after maxFailures failures; a correct"
                  + " secret neither counts nor resets the count; the other ip is not affected; a move"
                  + " past window and block is a fresh start. A failing sequence is shrunk to the shortest"
                  + " one found and printed as curl lines with the --seed that replays it.",
              "[CONTRACT C16](../docs/CONTRACT.md#c16), [CONTRACT C17](../docs/CONTRACT.md#c17),"
                  + " [CONTRACT C20](../docs/CONTRACT.md#c20), [CONTRACT C21](../docs/CONTRACT.md#c21),"
                  + " [CONTRACT C23](../docs/CONTRACT.md#c23), [CONTRACT C24](../docs/CONTRACT.md#c24):"
                  + " the throttle's rules, with the thresholds the profile promises (contacts.throttle);"
                  + " with a clock hook, [C22](../docs/CONTRACT.md#c22) and"
                  + " [C26](../docs/CONTRACT.md#c26) too (a move past window and block is a fresh start).",
              """
          expected: status 429 (ip A is blocked) for the wrong secret from ip A at this step (the contract's reference model)
          actual:   status 404 at step 12 of this sequence, the shortest found (replay it with --seed 7 --only EXPLORE-CONTACTS-THROTTLE and the same --explore-budget; this check's own seed is -517207197):
                    # 1. wrong secret from ip A: expected status 404 (ip A has 0 failure(s) counted), got status 404
                    curl -i 'https://api.example.com/api/v1/Contacts?secret=CRWdDK2yHbIuNrD5fWAv&ip=203.0.113.174'
                    # 2. correct secret from ip A: expected status 200 (ip A has 1 failure(s) counted), got status 200
                    curl -i 'https://api.example.com/api/v1/Contacts?secret=Xw3kT9bLq2ZcV7nR0sYd&ip=203.0.113.174'
                    ...
                    # 12. wrong secret from ip A: expected status 429 (ip A is blocked), got status 404
                    curl -i 'https://api.example.com/api/v1/Contacts?secret=9AEVM00uiaQ6bhJJkjIi&ip=203.0.113.174'""")
          .covering("C16", "C17", "C20", "C21", "C23", "C24");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.clockLocks();
  }

  @Override
  public void run(CheckContext context) {
    Profile.Throttle throttle = context.throttle();
    String secret = context.knownContacts().get(0).secret();
    context.contactsBase();
    Exploration.explore(
        new ContactsExplorer(throttle, secret, context.canMoveClock()), context, ID);
  }
}
