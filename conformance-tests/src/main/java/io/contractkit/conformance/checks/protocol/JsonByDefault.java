package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;

/** Without an Accept header both APIs answer {@code application/json}. */
public final class JsonByDefault implements Check {
  public static final String ID = "PROTOCOL-JSON-BY-DEFAULT";

  private static final CheckInfo INFO =
      CheckInfo.errorWhenStrict(
              ID,
              Category.PROTOCOL,
              "Answers are application/json when no Accept header is sent",
              "A found contact and an LMS answer (for a random authToken, so no token is consumed) sent without an"
                  + " Accept header come back as application/json; a charset parameter is allowed.",
              "Both documents: \"Response Formats: application/json, text/json\";"
                  + " [CONTRACT G2](../docs/CONTRACT.md#g2), [CONTRACT G3](../docs/CONTRACT.md#g3):"
                  + " anything but Accept: text/json gets application/json (ASP.NET's first formatter): an"
                  + " error in strict mode, a warning in lenient mode.",
              """
          expected Content-Type application/json
          actual   Content-Type text/plain; charset=utf-8
          status   200
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("G2", "G3");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    ContentTypeProbe.expect(context, null, "application/json");
  }
}
