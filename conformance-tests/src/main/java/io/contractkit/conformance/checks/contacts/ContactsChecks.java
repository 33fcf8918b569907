package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.Check;
import java.util.List;

/** The checks of this category, in the order they run. */
public final class ContactsChecks {
  private ContactsChecks() {}

  public static List<Check> all() {
    return List.of(
        new FoundContactMatchesSchema(),
        new FoundContactEqualsProfile(),
        new FoundContactHasNoExtraProperties(),
        new UnknownSecretIs404(),
        new MissingSecretIs400(),
        new EmptySecretIs400(),
        new MalformedIpIs400(),
        new ThrottleBlocksAfterMaxFailures(),
        new ThrottleBlocksValidSecret(),
        new ThrottleIsPerIp(),
        new ThrottleSendsRetryAfter(),
        new ThrottleIgnoresSuccesses(),
        new ThrottleIgnoresRefusals(),
        new ThrottleNotWithoutIp(),
        new ThrottleOneBudgetPerAddress(),
        new ThrottleBlockLifts(),
        new ThrottleWindowEnds(),
        new ThrottleRetryAfterCountsDown());
  }
}
