package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;

/** Query parameters the operation does not know are ignored, as ASP.NET model binding does. */
public final class UnknownParametersIgnored implements Check {
  public static final String ID = "PROTOCOL-UNKNOWN-PARAMETERS-IGNORED";

  /** A cache-buster, as frontends and proxies add. */
  static final String CACHE_BUSTER = "_";

  static final String CACHE_BUSTER_VALUE = "1700000000";

  private static final CheckInfo INFO =
      CheckInfo.errorWhenStrict(
              ID,
              Category.PROTOCOL,
              "Unknown query parameters are ignored",
              "?secret=…&_=1700000000 finds a known contact like ?secret=… does, and the LMS answers"
                  + " a wrong authToken with &_=1700000000 with the same status as without it.",
              "[CONTRACT G8](../docs/CONTRACT.md#g8): unknown query parameters are ignored, as"
                  + " ASP.NET model binding does: an error in strict mode, a warning in lenient mode.",
              """
          expected: status 200 with the contact for a known secret sent with the extra parameter _=1700000000
          actual:   status 400, no contact data
          status 400 application/json
          curl -i 'https://api.example.com/api/v1/Contacts?_=1700000000&secret=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("G8");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    String spelling = "the extra parameter " + CACHE_BUSTER + "=" + CACHE_BUSTER_VALUE;
    BothApis.run(
        context,
        c ->
            EquivalentRequests.contactIsFound(
                c, spelling, r -> r.param(CACHE_BUSTER, CACHE_BUSTER_VALUE)),
        c ->
            EquivalentRequests.lmsAnswersAlike(
                c, spelling, r -> r.param(CACHE_BUSTER, CACHE_BUSTER_VALUE)));
  }
}
