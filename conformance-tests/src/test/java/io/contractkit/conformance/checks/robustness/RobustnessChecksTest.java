package io.contractkit.conformance.checks.robustness;

import static io.contractkit.conformance.fakes.CheckResults.assertFailed;
import static io.contractkit.conformance.fakes.CheckResults.assertPassed;
import static io.contractkit.conformance.fakes.SimulatedImplementation.runCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.fakes.Answer;
import io.contractkit.conformance.fakes.Defect;
import io.contractkit.conformance.fakes.Incoming;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.fakes.Upstream;
import io.contractkit.conformance.fakes.Upstreams;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.CheckResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RobustnessChecksTest {
  private static final String KNOWN_SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";
  private static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";

  private static final SimulatedImplementation correct = SimulatedImplementation.correct();

  @Test
  void robustnessChecksAreRegisteredInRunOrderAsErrors() {
    assertThat(RobustnessChecks.all().stream().map(c -> c.info().id()))
        .containsExactly(
            ContactsNoServerError.ID,
            LmsNoServerError.ID,
            ContactsNoDisclosure.ID,
            LmsNoDisclosure.ID);
    assertThat(RobustnessChecks.all())
        .extracting(Check::info)
        .allSatisfy(
            info -> {
              assertThat(info.strictSeverity()).isEqualTo(Severity.ERROR);
              assertThat(info.lenientSeverity()).isEqualTo(Severity.ERROR);
              assertThat(info.sampleFailure().lines()).hasSizeBetween(3, 6);
            });
  }

  @Test
  void theCatalogueHasDistinctLabelsAndTheBytesThatMustArriveExactly() {
    List<String> labels =
        HostileValues.catalogue().stream().map(HostileValues.Hostile::label).toList();
    assertThat(labels).doesNotHaveDuplicates();
    assertThat(
            HostileValues.catalogue().stream()
                .filter(HostileValues.Hostile::rawBytes)
                .map(HostileValues.Hostile::label))
        .contains("a bad percent-encoding (%zz)", "a trailing %", "invalid UTF-8 (%C3%28)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ContactsNoServerError.ID,
        LmsNoServerError.ID,
        ContactsNoDisclosure.ID,
        LmsNoDisclosure.ID
      })
  void everyRobustnessCheckPassesAgainstACorrectImplementation(String id) {
    assertPassed(correct.run(id).result(id).orElseThrow());
  }

  // ---- ROBUSTNESS-CONTACTS-NO-5XX --------------------------------------------------------------

  @Test
  void contactsNo5xxFailsOnA500ForValuesLongerThan1000Characters() {
    Defect longValues500 =
        (request, upstream) ->
            request.isContacts()
                    && request.params().values().stream().anyMatch(v -> v.length() > 1000)
                ? Answer.json(500, "{\"message\":\"String or binary data would be truncated.\"}")
                : upstream.forward(request);

    CheckResult result = runCheck(longValues500, ContactsNoServerError.ID);

    assertFailed(result);
    assertThat(result.failure().expected())
        .isEqualTo("no 5xx (a 2xx or 4xx answer) for secret: a 10 KB value");
    assertThat(result.failure().actual()).isEqualTo("status 500 for secret: a 10 KB value");
    assertThat(result.failure().exchange().request().curl())
        .startsWith("curl -i ")
        .contains("secret=AAAA");
  }

  @Test
  void contactsNo5xxReportsTheIpParameterWhenOnlyTheIpBreaksTheServer() {
    Defect ipWithQuote500 =
        (request, upstream) ->
            request.isContacts() && request.param("ip").filter(ip -> ip.contains("'")).isPresent()
                ? Answer.json(500, "{\"message\":\"Unclosed quotation mark\"}")
                : upstream.forward(request);

    CheckResult result = runCheck(ipWithQuote500, ContactsNoServerError.ID);

    assertFailed(result);
    assertThat(result.failure().actual())
        .isEqualTo("status 500 for ip: quotes and backslashes (random secret)");
  }

  // ---- ROBUSTNESS-LMS-NO-5XX -------------------------------------------------------------------

  @Test
  void lmsNo5xxFailsOnA500WhenAValueContainsAQuote() {
    Defect quote500 =
        (request, upstream) ->
            request.isLms()
                    && request.params().values().stream()
                        .anyMatch(v -> v.contains("'") || v.contains("\""))
                ? Answer.json(500, "{\"message\":\"Incorrect syntax near ''\"}")
                : upstream.forward(request);

    CheckResult result = runCheck(quote500, LmsNoServerError.ID);

    assertFailed(result);
    assertThat(result.failure().actual())
        .isEqualTo("status 500 for accessToken: quotes and backslashes");
    assertThat(result.failure().exchange().request().curl())
        .contains("/lms/leads/bytoken/contact?accessToken=ck%22%27");
  }

  @Test
  void lmsNo5xxFailsWithTheCurlLineWhenTheConnectionIsClosedWithoutAnAnswer() {
    Defect closeOnScript =
        (request, upstream) ->
            request.isLms()
                    && request.param("accessToken").filter(s -> s.contains("<script>")).isPresent()
                ? closeWithoutAnswer()
                : upstream.forward(request);

    CheckResult result = runCheck(closeOnScript, LmsNoServerError.ID);

    assertFailed(result);
    assertThat(result.failure().expected()).contains("an HTTP answer that is not a 5xx");
    assertThat(result.failure().actual())
        .startsWith("no answer (")
        .contains("for accessToken: script-like (<script>alert(1)</script>); reproduce: curl -i ")
        .contains("accessToken=%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
  }

  // ---- ROBUSTNESS-CONTACTS-NO-DISCLOSURE -------------------------------------------------------

  @Test
  void contactsNoDisclosureFailsWhenAnSqlInjectionSecretFindsAContact() {
    Defect sqlInjectable =
        (request, upstream) ->
            request.isContacts()
                    && request.param("secret").filter("' OR 1=1 --"::equals).isPresent()
                ? upstream.forward(request.withQuery("secret=" + KNOWN_SECRET))
                : upstream.forward(request);

    CheckResult result = runCheck(sqlInjectable, ContactsNoDisclosure.ID);

    assertFailed(result);
    assertThat(result.failure().expected()).isEqualTo("no contact data for secret: ' OR 1=1 --");
    assertThat(result.failure().actual())
        .startsWith("contact data for secret: ' OR 1=1 --: property '");
  }

  @Test
  void contactsNoDisclosureFailsWhenTheLookupIsALikePattern() {
    Defect likeLookup =
        (request, upstream) -> {
          String secret = request.param("secret").orElse("");
          boolean matchesKnownPrefix =
              secret.endsWith("%")
                  && secret.length() > 1
                  && KNOWN_SECRET.startsWith(secret.substring(0, secret.length() - 1));
          return request.isContacts() && matchesKnownPrefix
              ? upstream.forward(request.withQuery("secret=" + KNOWN_SECRET))
              : upstream.forward(request);
        };

    CheckResult result = runCheck(likeLookup, ContactsNoDisclosure.ID);

    assertFailed(result);
    assertThat(result.failure().actual())
        .startsWith("contact data for secret: a known secret's first half + %: ");
    assertThat(result.failure().exchange().request().target()).endsWith("secret=8Qm3vT7kLp%25");
  }

  // ---- ROBUSTNESS-LMS-NO-DISCLOSURE ------------------------------------------------------------

  @Test
  void lmsNoDisclosureFailsWhenAWildcardAuthTokenReleasesTheLead() {
    Defect wildcardToken =
        (request, upstream) ->
            request.isLms() && request.param("authToken").filter("*"::equals).isPresent()
                ? upstream.forward(withFreshAuthToken(request, upstream))
                : upstream.forward(request);

    CheckResult result = runCheck(wildcardToken, LmsNoDisclosure.ID);

    assertFailed(result);
    assertThat(result.failure().expected())
        .isEqualTo("no contact data for authToken: * (valid accessToken)");
    assertThat(result.failure().actual())
        .startsWith("contact data for authToken: * (valid accessToken): property '");
    assertThat(result.failure().exchange().request().target()).contains("&authToken=*&");
  }

  @Test
  void lmsNoDisclosureRecognisesTheReleasedLeadsValuesInAnErrorBody() {
    // The profile gives no expected record for the lead: the check must learn it from a release.
    UnaryOperator<Profile> leadWithoutExpected =
        p -> {
          List<Profile.KnownLead> leads = new ArrayList<>(p.lms().leads());
          leads.set(0, new Profile.KnownLead(LEAD, null));
          Profile.Lms l = p.lms();
          return new Profile(
              p.name(),
              p.mode(),
              p.http(),
              p.contacts(),
              new Profile.Lms(
                  l.baseUrl(),
                  l.source(),
                  leads,
                  l.expiredLead(),
                  l.concurrency(),
                  l.authTokens()));
        };
    Defect chattyError =
        (request, upstream) ->
            request.isLms() && request.param("authToken").filter("undefined"::equals).isPresent()
                ? Answer.json(
                    400, "{\"message\":\"authToken undefined is not valid for Jürgen Weiß\"}")
                : upstream.forward(request);

    CheckResult result = runCheck(chattyError, leadWithoutExpected, LmsNoDisclosure.ID);

    assertFailed(result);
    assertThat(result.failure().actual())
        .isEqualTo(
            "contact data for authToken: undefined (valid accessToken): the body contains the known personal value"
                + " \"Jürgen Weiß\"");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Mints a fresh authToken for the lead through the mock's admin API and puts it in the query. */
  private static Incoming withFreshAuthToken(Incoming request, Upstream upstream) {
    String accessToken = request.param("accessToken").orElseThrow();
    String token =
        Upstreams.mint(upstream, accessToken).jsonBody().orElseThrow().get("authToken").asString();
    String source = request.param("source").orElse("conformance");
    return request.withQuery(
        "accessToken=" + accessToken + "&authToken=" + token + "&source=" + source);
  }

  /**
   * Throws an IOException out of the proxy's handler (which declares it but the lambda cannot): the
   * JDK server then closes the connection without an answer.
   */
  private static Answer closeWithoutAnswer() {
    return RobustnessChecksTest.<RuntimeException>sneakyThrow(
        new IOException("planted: connection closed"));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> Answer sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }
}
