package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * POST, PUT, PATCH and DELETE on the two GET routes answer 405 with an Allow header listing GET.
 */
public final class OtherMethodsNotAllowed implements Check {
  public static final String ID = "PROTOCOL-OTHER-METHODS-405";
  private static final List<String> METHODS = List.of("POST", "PUT", "PATCH", "DELETE");

  private static final CheckInfo INFO =
      CheckInfo.errorWhenStrict(
              ID,
              Category.PROTOCOL,
              "Other methods on the two routes get 405 with Allow: GET",
              "POST, PUT, PATCH and DELETE on api/v1/Contacts and on lms/leads/bytoken/contact (with a random"
                  + " authToken, so nothing is consumed) answer 405 Method Not Allowed with an Allow header that lists GET.",
              "Both documents describe only \"GET api/v1/Contacts\" and \"[GET]"
                  + " ~/lms/leads/bytoken/contact\"; [CONTRACT G9](../docs/CONTRACT.md#g9): other methods"
                  + " on these routes get 405 with an Allow header (what ASP.NET does): an error in strict"
                  + " mode, a warning in lenient mode.",
              """
          expected status 405 with an Allow header that lists GET, for POST
          actual   status 404, Allow: (none)
          status   404
          curl -i -X POST 'https://api.example.com/api/v1/Contacts?secret=ckQ2w9Xr4TbLm8Zp1VnHs'""")
          .covering("G9");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void run(CheckContext context) {
    BothApis.run(context, OtherMethodsNotAllowed::onContacts, OtherMethodsNotAllowed::onLms);
  }

  private static void onContacts(CheckContext context) {
    URI base = context.contactsBase();
    for (String method : METHODS) {
      expect405(
          context,
          ProbeRequest.of(method, base, Target.CONTACTS_PATH)
              .param("secret", context.randomToken("ck", 20)));
    }
  }

  private static void onLms(CheckContext context) {
    URI base = context.lmsBase();
    String accessToken =
        context.lms().leads().isEmpty()
            ? context.randomToken("ck", 20)
            : context.lead(0).accessToken();
    for (String method : METHODS) {
      expect405(
          context,
          ProbeRequest.of(method, base, Target.LMS_PATH)
              .param("accessToken", accessToken)
              .param("authToken", context.randomToken("ck", 12))
              .param("source", context.lms().source()));
    }
  }

  private static void expect405(CheckContext context, ProbeRequest request) {
    Exchange e = context.send(request);
    String allow = String.join(", ", e.headers().getOrDefault("Allow", List.of()));
    boolean listsGet = Arrays.stream(allow.split(",")).map(String::trim).anyMatch("GET"::equals);
    if (e.status() != 405 || !listsGet) {
      throw new CheckFailure(
          "status 405 with an Allow header that lists GET, for " + request.method(),
          "status " + e.status() + ", Allow: " + (allow.isEmpty() ? "(none)" : allow),
          e);
    }
  }
}
