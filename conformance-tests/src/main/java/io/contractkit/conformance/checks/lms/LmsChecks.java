package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Check;
import java.util.List;

/** The checks of this category, in the order they run. */
public final class LmsChecks {
  private LmsChecks() {}

  public static List<Check> all() {
    return List.of(
        new SuccessMatchesSchema(),
        new SuccessEqualsProfile(),
        new SuccessHasNoExtraProperties(),
        new AuthTokenIsOneTime(),
        new AuthTokenIsOneTimeUnderConcurrency(),
        new AuthTokenExpires(),
        new WrongAuthTokenDisclosesNothing(),
        new OtherLeadsAuthTokenDisclosesNothing(),
        new UnknownAccessTokenDisclosesNothing(),
        new ExpiredAccessTokenDisclosesNothing(),
        MissingParameterIsRejected.accessToken(),
        MissingParameterIsRejected.authToken(),
        MissingParameterIsRejected.source(),
        new FailuresAreIndistinguishable());
  }
}
