package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;

/** CONTACTS-THROTTLE-BLOCKS: an ip is blocked exactly after the promised number of failures. */
public final class ThrottleBlocksAfterMaxFailures implements Check {
  static final CheckInfo INFO =
      CheckInfo.error(
              "CONTACTS-THROTTLE-BLOCKS",
              Category.CONTACTS,
              "Failed lookups from one ip lead to a block",
              "From a fresh ip, maxFailures wrong secrets are each answered 404 (no block too early), and"
                  + " the next wrong secret from that ip is answered 429. The first and the last of the"
                  + " failures go alone, those in between at once when the run allows it: each is a failed"
                  + " lookup within the window, so a counter that loses concurrent failures fails here.",
              "Document: ip \"If provided - it will be used for brute force protection\";"
                  + " [CONTRACT C16](../docs/CONTRACT.md#c16), [CONTRACT C21](../docs/CONTRACT.md#c21),"
                  + " [CONTRACT C23](../docs/CONTRACT.md#c23): after maxFailures failed lookups within the"
                  + " window (default 10 within 60 s), that ip is blocked: every lookup from it answers 429"
                  + " Too Many Requests (choice; thresholds from the profile).",
              """
          expected: status 429 for wrong secret 11 from ip 198.51.100.23: it had 10 failed lookups, and the profile promises a block after 10 within 60 s
          actual:   status 404
          status 404 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?secret=Xw3kT9bLq2ZcV7nR0sYd&ip=198.51.100.23'""")
          .covering("C16", "C21", "C23");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    IpBlocking.block(context);
  }
}
