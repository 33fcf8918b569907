package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import java.time.Duration;
import java.util.Set;

/** CONTACTS-THROTTLE-WINDOW-ENDS: failures older than the window no longer count. */
public final class ThrottleWindowEnds implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-WINDOW-ENDS",
              Category.CONTACTS,
              "Failures older than the window no longer count",
              "A fresh ip has maxFailures - 1 wrong secrets, each answered 404; once windowSeconds +"
                  + " 1 s have passed on the target (the profile's clock hook, or a real wait up to"
                  + " --max-wait), two more wrong secrets from it are both answered 404, not 429. Skipped when"
                  + " neither is possible.",
              "[CONTRACT C21](../docs/CONTRACT.md#c21), [CONTRACT C22](../docs/CONTRACT.md#c22):"
                  + " failures count within a window (choice; windowSeconds from the profile).",
              """
          expected: status 404 for 2 wrong secrets from ip 192.0.2.31, 61 s after its 9 failed lookups (the profile promises a window of 60 s)
          actual:   status 429 at the second
          status 429 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=Xk2mPq7RtV9wYz3bN5cD&ip=192.0.2.31'""")
          .covering("C22");

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
    int window = context.throttle().windowSeconds();
    Duration later = Duration.ofSeconds(window + 1L);
    String purpose = "the " + window + " s window of failed lookups to pass";
    context.requireTimeCanPass(later, purpose);
    int max = context.throttle().maxFailures();
    if (max < 2) {
      throw new CheckSkipped("with maxFailures 1, every failure starts a block at once");
    }
    ContactLookups.FirstLookup first =
        ContactLookups.fromFreshIp(context, ContactLookups.wrongSecret(context));
    String ip = first.ip();
    String before =
        "status 404 for each of the first "
            + (max - 1)
            + " wrong secrets from ip "
            + ip
            + " (the profile promises the block only after "
            + max
            + " failures)";
    expect404(first.exchange(), before, " at wrong secret 1" + first.fromIps());
    for (int i = 2; i < max; i++) {
      expect404(wrongSecretFrom(context, ip), before, " at wrong secret " + i);
    }
    context.letTimePass(later, purpose);
    String after =
        "status 404 for 2 wrong secrets from ip "
            + ip
            + ", "
            + later.toSeconds()
            + " s after its "
            + (max - 1)
            + " failed lookups (the profile promises a window of "
            + window
            + " s)";
    expect404(wrongSecretFrom(context, ip), after, " at the first");
    expect404(wrongSecretFrom(context, ip), after, " at the second");
  }

  private static Exchange wrongSecretFrom(CheckContext context, String ip) {
    return context.send(ContactLookups.bySecret(context, ContactLookups.wrongSecret(context), ip));
  }

  private static void expect404(Exchange e, String expected, String where) {
    if (e.status() != 404) {
      throw new CheckFailure(expected, "status " + e.status() + where, e);
    }
  }
}
