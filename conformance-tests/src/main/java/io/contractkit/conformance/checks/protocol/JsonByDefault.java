package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Mode;

/** Without an Accept header both APIs answer {@code application/json}. */
public final class JsonByDefault implements Check {
  public static final String ID = "PROTOCOL-JSON-BY-DEFAULT";

  private static final CheckInfo INFO =
      CheckInfo.error(
          ID,
          Category.PROTOCOL,
          "Answers are application/json when no Accept header is sent",
          "A found contact and an LMS answer (for a random authToken, so no token is consumed) sent without an"
              + " Accept header come back as application/json (lenient: application/json or text/json); a charset"
              + " parameter is allowed.",
          "Both documents: \"Response Formats: application/json, text/json\"; contract notes, shared conventions:"
              + " anything but Accept: text/json gets application/json; charset=utf-8 (ASP.NET's first formatter)."
              + " Strict expects that default; lenient also accepts an implementation that prefers text/json, the"
              + " other documented format.",
          """
          expected Content-Type application/json
          actual   Content-Type text/plain; charset=utf-8
          status   200
          curl -i 'https://api.example.com/api/v1/Contacts?secret=8Qm3vT7kLp2XwZ9rBn4Y'""");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    if (context.mode() == Mode.STRICT) {
      ContentTypeProbe.expect(context, null, "application/json");
    } else {
      ContentTypeProbe.expect(context, null, "application/json", "text/json");
    }
  }
}
