package io.contractkit.conformance.checks.robustness;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;

/** Hostile values in accessToken, authToken and source never get a 5xx or a dropped connection. */
public final class LmsNoServerError implements Check {
  public static final String ID = "ROBUSTNESS-LMS-NO-5XX";

  private static final CheckInfo INFO =
      CheckInfo.error(
              ID,
              Category.ROBUSTNESS,
              "Hostile accessToken, authToken and source values never get a 5xx",
              "Every hostile value of the catalogue in accessToken, authToken and source in turn (the others"
                  + " valid-looking, the authToken random so nothing is consumed) gets an HTTP answer that is not a 5xx.",
              "LMS document: \"This value is required and must not be omitted\" for all three"
                  + " parameters; [CONTRACT G19](../docs/CONTRACT.md#g19): no input gets a 5xx, in either"
                  + " mode; a bad parameter is a client error.",
              """
          expected no 5xx (a 2xx or 4xx answer) for authToken: quotes and backslashes
          actual   status 500 for authToken: quotes and backslashes
          status   500
          curl -i 'https://api.example.com/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=ck%22%27%5C%60&source=conformance'""")
          .covering("G19");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    String accessToken =
        context.lms().leads().isEmpty()
            ? context.randomToken("ck", 20)
            : context.lead(0).accessToken();
    HostileRequests.expectNoServerError(context, HostileRequests.lms(context, accessToken));
  }
}
