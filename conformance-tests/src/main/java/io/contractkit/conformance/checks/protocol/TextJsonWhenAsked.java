package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;

/** With {@code Accept: text/json} both APIs answer {@code text/json}. */
public final class TextJsonWhenAsked implements Check {
  public static final String ID = "PROTOCOL-TEXT-JSON-WHEN-ASKED";

  private static final CheckInfo INFO =
      CheckInfo.error(
              ID,
              Category.PROTOCOL,
              "Answers are text/json when Accept: text/json is sent",
              "A found contact and an LMS answer (for a random authToken) requested with Accept: text/json come back"
                  + " as text/json, the second documented response format; a charset parameter is allowed.",
              "Both documents: \"Response Formats: application/json, text/json\";"
                  + " [CONTRACT G4](../docs/CONTRACT.md#g4): Accept: text/json gets Content-Type:"
                  + " text/json.",
              """
          expected Content-Type text/json
          actual   Content-Type application/json; charset=utf-8
          status   200
          curl -i -H 'Accept: text/json' 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y'""")
          .covering("G2", "G4");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    ContentTypeProbe.expect(context, "text/json", "text/json");
  }
}
