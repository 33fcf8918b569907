package io.contractkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.checks.Severity;
import io.contractkit.conformance.checks.Target;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import io.contractkit.conformance.schema.SchemaViolation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportsTest {
  private static final URI BASE = URI.create("http://127.0.0.1:8080");
  private static final String HOSTILE_BODY =
      "{\"Email\": \"<script>alert(1)</script>\", \"Note\": \"bell\u0007here\"}";

  private static final CheckInfo PASSING =
      CheckInfo.error(
          "CONTACTS-UNKNOWN-SECRET-404",
          Category.CONTACTS,
          "Unknown secret gives 404",
          "An unknown secret is not found.",
          "HTTP 404 if contact is not found.",
          "expected 404, got 200");
  private static final CheckInfo SCHEMA =
      CheckInfo.error(
          "CONTACTS-FOUND-SCHEMA",
          Category.CONTACTS,
          "A found contact matches the schema",
          "The body is a ReadContactDto.",
          "The response sample and table.",
          "/Email [maxLength] ...");
  private static final CheckInfo EXTRA =
      CheckInfo.errorWhenStrict(
          "LMS-NO-EXTRA-PROPERTIES",
          Category.LMS,
          "No extra properties",
          "The body has only documented properties.",
          "The sample.",
          "extra property 'x'");
  private static final CheckInfo THROTTLE =
      CheckInfo.error(
          "CONTACTS-THROTTLE-BLOCKS",
          Category.CONTACTS,
          "Throttle blocks an ip",
          "Brute force is stopped.",
          "ip is used for brute force protection.",
          "expected 429, got 404");

  private ProbeRequest request;
  private RunResult result;

  @BeforeEach
  void buildRunByHand() {
    request =
        ProbeRequest.get(BASE, Target.CONTACTS_PATH)
            .param("secret", "8Qm3vT7kLp2XwZ9rBn4Y")
            .param("ip", "192.0.2.7");
    Exchange exchange =
        new Exchange(
            request,
            200,
            Map.of("Content-Type", List.of("application/json; charset=utf-8")),
            HOSTILE_BODY.getBytes(StandardCharsets.UTF_8));
    CheckFailure schemaFailure =
        new CheckFailure(
            "a body valid against ReadContactDto",
            "2 schema violations",
            exchange,
            List.of(
                new SchemaViolation("/Email", "format", "does not match the email format"),
                new SchemaViolation("", "required", "required property 'Secret' not found")));
    CheckFailure extraFailure =
        new CheckFailure("only documented properties", "extra property 'debug'", null);
    result =
        new RunResult(
            "test profile <b>",
            new Target(BASE, BASE),
            Mode.LENIENT,
            Instant.parse("2026-03-18T21:00:50Z"),
            Duration.ofMillis(1234),
            List.of(
                new CheckResult(PASSING, Severity.ERROR, Status.PASSED, null, null, 12),
                new CheckResult(SCHEMA, Severity.ERROR, Status.FAILED, schemaFailure, null, 30),
                new CheckResult(EXTRA, Severity.WARNING, Status.FAILED, extraFailure, null, 4),
                new CheckResult(
                    THROTTLE,
                    Severity.ERROR,
                    Status.SKIPPED,
                    null,
                    "the profile promises no throttle thresholds",
                    0)));
  }

  @Test
  void writesTheThreeReportsIntoAFolderItCreates(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("nested/report");

    List<Path> written = Reports.write(result, dir);

    assertThat(written)
        .containsExactly(
            dir.resolve("junit.xml"), dir.resolve("report.html"), dir.resolve("results.json"));
    assertThat(written).allSatisfy(p -> assertThat(p).isRegularFile());
  }

  @Test
  void junitXmlParsesAndHasAFailureOnlyForTheFailedError(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("junit.xml");
    JunitXmlReport.write(result, file);

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());

    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");

    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element contacts = (Element) suites.item(0);
    assertThat(contacts.getAttribute("name")).isEqualTo("conformance.CONTACTS");
    assertThat(contacts.getAttribute("tests")).isEqualTo("3");
    assertThat(contacts.getAttribute("failures")).isEqualTo("1");
    assertThat(contacts.getAttribute("skipped")).isEqualTo("1");
    Element lms = (Element) suites.item(1);
    assertThat(lms.getAttribute("name")).isEqualTo("conformance.LMS");
    assertThat(lms.getAttribute("failures")).isEqualTo("0");

    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("CONTACTS-FOUND-SCHEMA");
    assertThat(((Element) failure.getParentNode()).getAttribute("name"))
        .isEqualTo("CONTACTS-FOUND-SCHEMA A found contact matches the schema");
    assertThat(failure.getTextContent())
        .contains(request.curl())
        .contains("<script>alert(1)</script>")
        .contains("/Email [format]")
        .doesNotContain("\u0007");

    NodeList skipped = doc.getElementsByTagName("skipped");
    assertThat(skipped.getLength()).isEqualTo(1);
    assertThat(((Element) skipped.item(0)).getAttribute("message"))
        .isEqualTo("the profile promises no throttle thresholds");

    NodeList systemOut = doc.getElementsByTagName("system-out");
    assertThat(systemOut.getLength()).isEqualTo(1);
    assertThat(systemOut.item(0).getTextContent())
        .startsWith("WARNING: ")
        .contains("extra property 'debug'");
    assertThat(((Element) systemOut.item(0).getParentNode()).getAttribute("classname"))
        .isEqualTo("conformance.LMS");
  }

  /** A run with one check of each ending, failures without an exchange (short texts). */
  private static RunResult smallRun() {
    return new RunResult(
        "p",
        new Target(BASE, null),
        Mode.STRICT,
        Instant.parse("2026-03-18T21:00:50.789Z"),
        Duration.ofMillis(1234),
        List.of(
            new CheckResult(PASSING, Severity.ERROR, Status.PASSED, null, null, 12),
            new CheckResult(
                SCHEMA,
                Severity.ERROR,
                Status.FAILED,
                new CheckFailure("status 404", "status 200", null),
                null,
                30),
            new CheckResult(
                EXTRA,
                Severity.WARNING,
                Status.FAILED,
                new CheckFailure("only documented properties", "extra property 'debug'", null),
                null,
                4),
            new CheckResult(THROTTLE, Severity.ERROR, Status.SKIPPED, null, "no throttle", 0)));
  }

  @Test
  void junitXmlIsTheSurefireFormatIndentedOneElementPerLine() throws Exception {
    RunResult run = smallRun();
    var out = new java.io.ByteArrayOutputStream();

    JunitXmlReport.write(run, out);

    String properties =
        """
            <properties>
              <property name="profile" value="p"/>
              <property name="mode" value="strict"/>
              <property name="contactsBaseUrl" value="http://127.0.0.1:8080"/>
              <property name="lmsBaseUrl" value=""/>
            </properties>
        """;
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="conformance" tests="4" failures="1" errors="0" skipped="1" time="1.234">
              <testsuite name="conformance.CONTACTS" tests="3" failures="1" errors="0" skipped="1" time="0.042" timestamp="2026-03-18T21:00:50">
            """
                + properties
                + """
                <testcase classname="conformance.CONTACTS" name="CONTACTS-UNKNOWN-SECRET-404 Unknown secret gives 404" time="0.012">
                </testcase>
                <testcase classname="conformance.CONTACTS" name="CONTACTS-FOUND-SCHEMA A found contact matches the schema" time="0.030">
                  <failure message="expected status 404, got status 200" type="CONTACTS-FOUND-SCHEMA">CONTACTS-FOUND-SCHEMA  A found contact matches the schema  [error]
              expected:     status 404
              actual:       status 200
            </failure>
                </testcase>
                <testcase classname="conformance.CONTACTS" name="CONTACTS-THROTTLE-BLOCKS Throttle blocks an ip" time="0.000">
                  <skipped message="no throttle"/>
                </testcase>
              </testsuite>
              <testsuite name="conformance.LMS" tests="1" failures="0" errors="0" skipped="0" time="0.004" timestamp="2026-03-18T21:00:50">
            """
                + properties
                + """
                <testcase classname="conformance.LMS" name="LMS-NO-EXTRA-PROPERTIES No extra properties" time="0.004">
                  <system-out>WARNING: LMS-NO-EXTRA-PROPERTIES  No extra properties  [warning]
              expected:     only documented properties
              actual:       extra property 'debug'
            </system-out>
                </testcase>
              </testsuite>
            </testsuites>
            """);
  }

  @Test
  void junitXmlDropsCharactersThatXmlForbids() {
    assertThat(JunitXmlReport.xmlSafe("a\u0000b\u0007c\tdé\uFFFEf\uD83D\uDE00"))
        .isEqualTo("abc\tdéf\uD83D\uDE00");
  }

  @Test
  void htmlEscapesTheBodyAndShowsTheCurlLine() {
    String html = HtmlReport.render(result);

    assertThat(html).doesNotContain("<script>").doesNotContain("</script>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains(htmlEscaped(request.curl()));
    assertThat(html).contains("test profile &lt;b&gt;").doesNotContain("<b>");
    assertThat(html).contains("bell\\u0007here").doesNotContain("\u0007");
    assertThat(html)
        .contains(
            "CONTACTS-FOUND-SCHEMA", "/Email", "format", "<details", "FAILED (1 error, 1 warning)");
    assertThat(html).contains("the profile promises no throttle thresholds");
    assertThat(html).doesNotContain("http://fonts", "https://", "<link", "src=");
  }

  @Test
  void htmlShowsTheRunTheCategoriesEveryCheckAndEachFailureInFull() {
    String html = HtmlReport.render(result);

    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .contains(
            "<title>Conformance: test profile &lt;b&gt; — FAILED (1 error, 1 warning)</title>",
            "<h1>Conformance report</h1>\n<div class=\"verdict fail\">FAILED (1 error, 1 warning)</div>",
            "<dt>Profile</dt><dd>test profile &lt;b&gt;</dd>\n"
                + "<dt>Contacts API</dt><dd>http://127.0.0.1:8080</dd>\n"
                + "<dt>LMS API</dt><dd>http://127.0.0.1:8080</dd>\n"
                + "<dt>Mode</dt><dd>lenient</dd>\n"
                + "<dt>Started</dt><dd>2026-03-18 21:00:50 UTC</dd>\n"
                + "<dt>Duration</dt><dd>1.2 s</dd>\n"
                + "<dt>Checks</dt><dd>4 checks: 1 passed, 2 failed, 1 skipped</dd>\n",
            "<h2>Failed</h2>\n<ul class=\"failed\">\n"
                + "<li><span class=\"badge FAIL\">FAIL</span> <a href=\"#CONTACTS-FOUND-SCHEMA\">"
                + "<code>CONTACTS-FOUND-SCHEMA</code></a> A found contact matches the schema</li>\n"
                + "<li><span class=\"badge WARN\">WARN</span> <a href=\"#LMS-NO-EXTRA-PROPERTIES\">"
                + "<code>LMS-NO-EXTRA-PROPERTIES</code></a> No extra properties</li>\n</ul>\n",
            "<tr><td><strong>CONTACTS</strong> Contacts API</td><td class=\"num\">1</td>"
                + "<td class=\"num\">1</td><td class=\"num\">1</td><td><span class=\"bar\">"
                + "<span style=\"width:50%\"></span></span>50%</td></tr>\n"
                + "<tr><td><strong>LMS</strong> LMS lead contact API</td><td class=\"num\">0</td>"
                + "<td class=\"num\">1</td><td class=\"num\">0</td><td><span class=\"bar\">"
                + "<span style=\"width:0%\"></span></span>0%</td></tr>\n</tbody>",
            "<tr id=\"CONTACTS-UNKNOWN-SECRET-404\" class=\"PASS\"><td><span class=\"badge PASS\">"
                + "PASS</span></td><td><code class=\"id\">CONTACTS-UNKNOWN-SECRET-404</code>"
                + "<span class=\"title\">Unknown secret gives 404</span></td><td>error</td>"
                + "<td class=\"num\">12 ms</td></tr>\n",
            "<span class=\"title\">Throttle blocks an ip</span><p class=\"reason\">Skipped: the"
                + " profile promises no throttle thresholds</p></td><td>error</td>",
            "<details open><summary>expected a body valid against ReadContactDto, got 2 schema"
                + " violations</summary>\n<dl class=\"failure\">\n"
                + "<dt>check</dt><dd><code>CONTACTS-FOUND-SCHEMA</code> A found contact matches"
                + " the schema</dd>\n"
                + "<dt>severity</dt><dd>error</dd>\n"
                + "<dt>expected</dt><dd>a body valid against ReadContactDto</dd>\n"
                + "<dt>actual</dt><dd>2 schema violations</dd>\n"
                + "<dt>request</dt><dd><pre>"
                + htmlEscaped(request.curl())
                + "</pre></dd>\n"
                + "<dt>status</dt><dd>200</dd>\n"
                + "<dt>content type</dt><dd>application/json; charset=utf-8</dd>\n"
                + "<dt>body</dt><dd><pre>{&quot;Email&quot;: &quot;&lt;script&gt;alert(1)"
                + "&lt;/script&gt;&quot;, &quot;Note&quot;: &quot;bell\\u0007here&quot;}</pre></dd>\n"
                + "<dt>schema</dt><dd><table class=\"violations\">",
            "<tr><td><code>/Email</code></td><td><code>format</code></td>"
                + "<td>does not match the email format</td></tr>\n"
                + "<tr><td><code>/</code></td><td><code>required</code></td>"
                + "<td>required property 'Secret' not found</td></tr>\n</tbody></table></dd>\n"
                + "</dl>\n</details>\n</td><td>error</td><td class=\"num\">30 ms</td></tr>\n",
            "<tr id=\"LMS-NO-EXTRA-PROPERTIES\" class=\"WARN\">",
            "\n<details><summary>expected only documented properties, got extra property"
                + " 'debug'</summary>",
            "<dt>severity</dt><dd>warning</dd>\n"
                + "<dt>expected</dt><dd>only documented properties</dd>\n"
                + "<dt>actual</dt><dd>extra property 'debug'</dd>\n</dl>\n</details>\n"
                + "</td><td>warning</td><td class=\"num\">4 ms</td></tr>\n")
        .endsWith(
            "<footer>Generated by the contract-kit conformance suite. Reproduce a failure with"
                + " its curl line.</footer>\n</body>\n</html>\n");
    assertThat(html).doesNotContain("No checks ran.", "(not set)");
  }

  @Test
  void htmlOfARunWithoutChecksSaysSoAndEscapesQuotes() {
    RunResult empty =
        new RunResult(
            "a \"b\" & c",
            new Target(null, BASE),
            Mode.STRICT,
            Instant.EPOCH,
            Duration.ofMillis(812),
            List.of());

    String html = HtmlReport.render(empty);

    assertThat(html)
        .contains(
            "<div class=\"verdict pass\">PASSED</div>",
            "<dt>Profile</dt><dd>a &quot;b&quot; &amp; c</dd>",
            "<dt>Contacts API</dt><dd>(not set)</dd>",
            "<dt>Mode</dt><dd>strict</dd>",
            "<dt>Duration</dt><dd>812 ms</dd>",
            "<tbody>\n<tr><td colspan=\"5\">No checks ran.</td></tr>\n</tbody>",
            "<tbody>\n<tr><td colspan=\"4\">No checks ran.</td></tr>\n</tbody>")
        .doesNotContain("<h2>Failed</h2>", "<details");
  }

  @Test
  void htmlShowsAMultiLineValueAsABlock() {
    RunResult run =
        new RunResult(
            "p",
            new Target(BASE, BASE),
            Mode.STRICT,
            Instant.EPOCH,
            Duration.ZERO,
            List.of(
                new CheckResult(
                    PASSING,
                    Severity.ERROR,
                    Status.FAILED,
                    new CheckFailure("one line", "line 1\nline 2", null),
                    null,
                    1)));

    assertThat(HtmlReport.render(run))
        .contains(
            "<dt>expected</dt><dd>one line</dd>\n<dt>actual</dt><dd><pre>line 1\nline 2</pre></dd>");
  }

  @Test
  void jsonResultsAreTheWholeRunWithLowerCaseEnumsAndNullForWhatIsNotSet(@TempDir Path tmp)
      throws Exception {
    Path file = tmp.resolve("results.json");
    JsonReport.write(smallRun(), file);

    String written = java.nio.file.Files.readString(file);
    assertThat(written).isEqualTo(JsonReport.render(smallRun()) + "\n");
    assertThat(JsonMapper.builder().build().readTree(written))
        .isEqualTo(
            JsonMapper.builder()
                .build()
                .readTree(
                    """
                    {"profile":"p",
                     "target":{"contactsBaseUrl":"http://127.0.0.1:8080","lmsBaseUrl":null},
                     "mode":"strict","startedAt":"2026-03-18T21:00:50.789Z","durationMillis":1234,
                     "passed":false,
                     "counts":{"passed":1,"failed":2,"failedErrors":1,"failedWarnings":1,"skipped":1},
                     "categories":{
                       "CONTACTS":{"passed":1,"failed":1,"skipped":1,"score":50},
                       "LMS":{"passed":0,"failed":1,"skipped":0,"score":0}},
                     "checks":[
                       {"id":"CONTACTS-UNKNOWN-SECRET-404","title":"Unknown secret gives 404",
                        "category":"CONTACTS","severity":"error","status":"passed","millis":12},
                       {"id":"CONTACTS-FOUND-SCHEMA","title":"A found contact matches the schema",
                        "category":"CONTACTS","severity":"error","status":"failed","millis":30,
                        "failure":{"expected":"status 404","actual":"status 200",
                                   "schemaViolations":[]}},
                       {"id":"LMS-NO-EXTRA-PROPERTIES","title":"No extra properties",
                        "category":"LMS","severity":"warning","status":"failed","millis":4,
                        "failure":{"expected":"only documented properties",
                                   "actual":"extra property 'debug'","schemaViolations":[]}},
                       {"id":"CONTACTS-THROTTLE-BLOCKS","title":"Throttle blocks an ip",
                        "category":"CONTACTS","severity":"error","status":"skipped","millis":0,
                        "skipReason":"no throttle"}]}
                    """));
  }

  @Test
  void jsonFailureDetailsCarryEveryViolationAndNullForAMissingContentType() throws Exception {
    Exchange noContentType =
        new Exchange(request, 500, Map.of(), "oops\u0007".getBytes(StandardCharsets.UTF_8));
    CheckFailure failure =
        new CheckFailure(
            "no 5xx",
            "status 500",
            noContentType,
            List.of(
                new SchemaViolation("/Id", "type", "bad\u0007type"),
                new SchemaViolation("", "required", "required property 'Secret' not found")));
    RunResult run =
        new RunResult(
            "p",
            new Target(BASE, BASE),
            Mode.STRICT,
            Instant.EPOCH,
            Duration.ZERO,
            List.of(new CheckResult(SCHEMA, Severity.ERROR, Status.FAILED, failure, null, 1)));

    JsonNode f =
        JsonMapper.builder().build().readTree(JsonReport.render(run)).at("/checks/0/failure");

    assertThat(f.get("status").asInt()).isEqualTo(500);
    assertThat(f.get("contentType").isNull()).isTrue();
    assertThat(f.get("bodyExcerpt").asString()).isEqualTo("oops\\u0007");
    assertThat(f.get("curl").asString()).isEqualTo(request.curl());
    assertThat(f.at("/schemaViolations/0/message").asString()).isEqualTo("bad\\u0007type");
    assertThat(f.at("/schemaViolations/1/pointer").asString()).isEmpty();
    assertThat(f.at("/schemaViolations/1/keyword").asString()).isEqualTo("required");
  }

  @Test
  void jsonResultsParseAndCarryCountsAndFailureDetails() throws Exception {
    JsonNode json = JsonMapper.builder().build().readTree(JsonReport.render(result));

    assertThat(json.get("profile").asString()).isEqualTo("test profile <b>");
    assertThat(json.get("mode").asString()).isEqualTo("lenient");
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("durationMillis").asLong()).isEqualTo(1234);
    assertThat(json.at("/target/contactsBaseUrl").asString()).isEqualTo("http://127.0.0.1:8080");
    JsonNode counts = json.get("counts");
    assertThat(counts.get("passed").asInt()).isEqualTo(1);
    assertThat(counts.get("failed").asInt()).isEqualTo(2);
    assertThat(counts.get("failedErrors").asInt()).isEqualTo(1);
    assertThat(counts.get("failedWarnings").asInt()).isEqualTo(1);
    assertThat(counts.get("skipped").asInt()).isEqualTo(1);
    assertThat(json.at("/categories/CONTACTS/score").asInt()).isEqualTo(50);
    assertThat(json.at("/categories/LMS/failed").asInt()).isEqualTo(1);

    JsonNode schema = json.get("checks").get(1);
    assertThat(schema.get("id").asString()).isEqualTo("CONTACTS-FOUND-SCHEMA");
    assertThat(schema.get("status").asString()).isEqualTo("failed");
    assertThat(schema.get("severity").asString()).isEqualTo("error");
    assertThat(schema.at("/failure/curl").asString()).isEqualTo(request.curl());
    assertThat(schema.at("/failure/status").asInt()).isEqualTo(200);
    assertThat(schema.at("/failure/contentType").asString())
        .isEqualTo("application/json; charset=utf-8");
    assertThat(schema.at("/failure/bodyExcerpt").asString()).contains("<script>");
    assertThat(schema.at("/failure/schemaViolations/0/pointer").asString()).isEqualTo("/Email");
    assertThat(schema.at("/failure/schemaViolations/0/keyword").asString()).isEqualTo("format");

    JsonNode warning = json.get("checks").get(2);
    assertThat(warning.at("/failure/expected").asString()).isEqualTo("only documented properties");
    assertThat(warning.at("/failure").has("curl")).isFalse();
    assertThat(json.get("checks").get(3).get("skipReason").asString()).contains("throttle");
    assertThat(json.get("checks").get(0).has("failure")).isFalse();
  }

  @Test
  void consoleSummaryShowsTheCategoryTableEachFailureAndTheVerdict() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), false);

    console.summary(result, List.of(Path.of("conformance-report", "junit.xml")));

    String summary = text.toString();
    assertThat(summary).containsPattern("Category\\s+Passed\\s+Failed\\s+Skipped\\s+Score");
    assertThat(summary).containsPattern("CONTACTS\\s+1\\s+1\\s+1\\s+50%");
    assertThat(summary).containsPattern("LMS\\s+0\\s+1\\s+0\\s+0%");
    assertThat(summary).contains("FAIL CONTACTS-FOUND-SCHEMA", "WARN LMS-NO-EXTRA-PROPERTIES");
    assertThat(summary)
        .contains(request.curl(), "/Email [format]", "application/json; charset=utf-8");
    assertThat(summary).contains("4 checks: 1 passed, 2 failed, 1 skipped in 1.2 s");
    assertThat(summary).contains("Verdict: FAILED (1 error, 1 warning)");
    assertThat(summary).contains(Path.of("conformance-report", "junit.xml").toString());
    assertThat(summary).doesNotContain("\u001B", "\u0007");
  }

  @Test
  void consoleSummaryIsTheTableThenEachFailureThenTotalsVerdictAndReports() {
    StringWriter text = new StringWriter();

    new ConsoleReporter(new PrintWriter(text), false)
        .summary(smallRun(), List.of(Path.of("junit.xml"), Path.of("report.html")));

    assertThat(text.toString())
        .isEqualTo(
            """

            Conformance summary — profile "p", strict mode

            Not checked (1 check skipped without --skip; --fail-on-skipped fails the run on them)
              SKIP CONTACTS-THROTTLE-BLOCKS: no throttle

              Category  Passed  Failed  Skipped  Score
              CONTACTS       1       1        1    50%
              LMS            0       1        0     0%
              Total          1       2        1    33%

            Failures (2)

            FAIL CONTACTS-FOUND-SCHEMA  A found contact matches the schema  [error]
                 expected:     status 404
                 actual:       status 200

            WARN LMS-NO-EXTRA-PROPERTIES  No extra properties  [warning]
                 expected:     only documented properties
                 actual:       extra property 'debug'

            4 checks: 1 passed, 2 failed, 1 skipped in 1.2 s
            Verdict: FAILED (1 error, 1 warning)
            Reports:
              junit.xml
              report.html
            """);
  }

  @Test
  void consoleSummaryOfARunWithoutChecksOrFailures() {
    StringWriter text = new StringWriter();
    RunResult empty =
        new RunResult(
            "p",
            new Target(BASE, BASE),
            Mode.LENIENT,
            Instant.EPOCH,
            Duration.ofMillis(5),
            List.of());

    new ConsoleReporter(new PrintWriter(text), false).summary(empty, List.of());

    assertThat(text.toString())
        .isEqualTo(
            """

            Conformance summary — profile "p", lenient mode

              Category  Passed  Failed  Skipped  Score
              (no checks ran)

            0 checks: 0 passed, 0 failed, 0 skipped in 5 ms
            Verdict: PASSED
            """);
  }

  @Test
  void consoleColorsLabelsFailedRowsAndTheVerdict() {
    String bold = "\u001B[1m";
    String reset = "\u001B[0m";
    String red = "\u001B[31m";
    String green = "\u001B[32m";
    String yellow = "\u001B[33m";
    String dim = "\u001B[2m";
    RunResult run = smallRun();
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), true);

    for (int i = 0; i < run.results().size(); i++) {
      console.checkFinished(run.results().get(i), i + 1, 4);
    }
    console.summary(run, List.of());

    assertThat(text.toString())
        .contains(
            "[1/4] " + bold + green + "PASS" + reset + "  CONTACTS-UNKNOWN-SECRET-404",
            "[2/4] " + bold + red + "FAIL" + reset + "  CONTACTS-FOUND-SCHEMA",
            "[3/4] " + bold + yellow + "WARN" + reset + "  LMS-NO-EXTRA-PROPERTIES",
            "[4/4] " + bold + dim + "SKIP" + reset + "  CONTACTS-THROTTLE-BLOCKS",
            "Throttle blocks an ip"
                + dim
                + "  (0 ms)"
                + reset
                + dim
                + "  skipped: no throttle"
                + reset,
            "\n" + bold + "Conformance summary" + reset + " — profile",
            red + "  CONTACTS       1       1        1    50%" + reset + "\n",
            red + "  LMS            0       1        0     0%" + reset + "\n",
            "  Total          1       2        1    33%\n",
            bold + "Failures (2)" + reset,
            bold + red + "FAIL" + reset + " CONTACTS-FOUND-SCHEMA",
            bold + yellow + "WARN" + reset + " LMS-NO-EXTRA-PROPERTIES",
            "Verdict: " + bold + red + "FAILED (1 error, 1 warning)" + reset + "\n");
    StringWriter passing = new StringWriter();
    new ConsoleReporter(new PrintWriter(passing), true)
        .summary(
            new RunResult(
                "p", new Target(BASE, BASE), Mode.STRICT, Instant.EPOCH, Duration.ZERO, List.of()),
            List.of());
    assertThat(passing.toString()).contains("Verdict: " + bold + green + "PASSED" + reset);
  }

  @Test
  void consoleRowsOfCategoriesWithoutFailuresAreNotRed() {
    StringWriter text = new StringWriter();
    RunResult passing =
        new RunResult(
            "p",
            new Target(BASE, BASE),
            Mode.STRICT,
            Instant.EPOCH,
            Duration.ZERO,
            List.of(smallRun().results().get(0)));

    new ConsoleReporter(new PrintWriter(text), true).summary(passing, List.of());

    assertThat(text.toString()).contains("\n  CONTACTS       1       0        0   100%\n");
  }

  @Test
  void consoleProgressAndSummaryReachABufferedOutputAtOnce() {
    StringWriter text = new StringWriter();
    ConsoleReporter console =
        new ConsoleReporter(new PrintWriter(new java.io.BufferedWriter(text)), false);

    console.checkFinished(smallRun().results().get(0), 1, 4);
    assertThat(text.toString()).startsWith("[1/4] PASS");
    console.summary(smallRun(), List.of());
    assertThat(text.toString()).contains("Verdict: FAILED");
  }

  @Test
  void consoleSummaryCutsHugeValuesWhichTheJsonKeepsWhole() {
    String huge = "A".repeat(10_000);
    CheckFailure failure =
        new CheckFailure("an answer that is not a 5xx", "status 500 for secret " + huge, null);
    RunResult run =
        new RunResult(
            "p",
            new Target(BASE, BASE),
            Mode.STRICT,
            Instant.EPOCH,
            Duration.ZERO,
            List.of(new CheckResult(PASSING, Severity.ERROR, Status.FAILED, failure, null, 1)));
    StringWriter text = new StringWriter();

    new ConsoleReporter(new PrintWriter(text), false).summary(run, List.of());

    assertThat(text.toString()).doesNotContain(huge).contains("more characters");
    assertThat(JsonReport.render(run)).contains(huge);
  }

  @Test
  void consolePrintsOneProgressLinePerFinishedCheck() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), false);

    for (int i = 0; i < result.results().size(); i++) {
      console.checkFinished(result.results().get(i), i + 1, 12);
    }

    assertThat(text.toString().lines().toList())
        .containsExactly(
            "[ 1/12] PASS  CONTACTS-UNKNOWN-SECRET-404  Unknown secret gives 404  (12 ms)",
            "[ 2/12] FAIL  CONTACTS-FOUND-SCHEMA  A found contact matches the schema  (30 ms)",
            "[ 3/12] WARN  LMS-NO-EXTRA-PROPERTIES  No extra properties  (4 ms)",
            "[ 4/12] SKIP  CONTACTS-THROTTLE-BLOCKS  Throttle blocks an ip  (0 ms)  skipped: the profile promises no throttle thresholds");
  }

  @Test
  void colorsAreOnlyPrintedWhenEnabled() {
    StringWriter text = new StringWriter();
    new ConsoleReporter(new PrintWriter(text), true).checkFinished(result.results().get(1), 2, 4);

    assertThat(text.toString()).contains("\u001B[31m").contains("CONTACTS-FOUND-SCHEMA");
  }

  @Test
  void aPassingRunWithWarningsSaysPassed() {
    RunResult onlyWarning =
        new RunResult(
            "p",
            new Target(BASE, null),
            Mode.LENIENT,
            Instant.EPOCH,
            Duration.ZERO,
            List.of(result.results().get(2)));

    assertThat(onlyWarning.passed()).isTrue();
    assertThat(Reports.verdict(onlyWarning)).isEqualTo("PASSED (1 warning)");
  }

  @Test
  void checkReferenceHasOneSectionPerCheckHeadedByItsIdAndIsDeterministic() {
    List<CheckInfo> checks = List.of(PASSING, EXTRA);

    String md = CheckReference.render(checks);

    assertThat(md).isEqualTo(CheckReference.render(checks));
    assertThat(md).startsWith("# ");
    assertThat(md).contains("--only", "--skip", "strict", "lenient");
    assertThat(md.lines()).contains("## CONTACTS-UNKNOWN-SECRET-404", "## LMS-NO-EXTRA-PROPERTIES");
    assertThat(md).contains("[`LMS-NO-EXTRA-PROPERTIES`](#lms-no-extra-properties)");
    assertThat(md).contains("error in strict mode, warning in lenient mode");
    assertThat(CheckReference.render(List.of(EXTRA.covering("G15", "L7"))))
        .contains("- Contract: [G15](../docs/CONTRACT.md#g15), [L7](../docs/CONTRACT.md#l7)\n\n");
    assertThat(md).contains("**What it proves.** The body has only documented properties.");
    assertThat(md).contains("**What it rests on.** HTTP 404 if contact is not found.");
    assertThat(md).contains("```text\nexpected 404, got 200\n```");
  }

  @Test
  void durationsReadAsAPersonWouldSayThem() {
    assertThat(Reports.duration(Duration.ofMillis(999))).isEqualTo("999 ms");
    assertThat(Reports.duration(Duration.ofMillis(1000))).isEqualTo("1.0 s");
    assertThat(Reports.duration(Duration.ofMillis(59_999))).isEqualTo("60.0 s");
    assertThat(Reports.duration(Duration.ofMillis(60_000))).isEqualTo("1 min 0 s");
    assertThat(Reports.duration(Duration.ofMillis(192_900))).isEqualTo("3 min 12 s");
  }

  @Test
  void verdictAndTotalsCountInWords() {
    assertThat(Reports.verdict(smallRun())).isEqualTo("FAILED (1 error, 1 warning)");
    assertThat(Reports.totals(smallRun())).isEqualTo("4 checks: 1 passed, 2 failed, 1 skipped");
    RunResult one =
        new RunResult(
            "p",
            new Target(BASE, BASE),
            Mode.STRICT,
            Instant.EPOCH,
            Duration.ZERO,
            List.of(smallRun().results().get(1), smallRun().results().get(1)));
    assertThat(Reports.verdict(one)).isEqualTo("FAILED (2 errors, 0 warnings)");
    assertThat(Reports.totals(one)).isEqualTo("2 checks: 0 passed, 2 failed, 0 skipped");
    assertThat(Reports.plural(1, "check")).isEqualTo("1 check");
  }

  @Test
  void aCategoryScoreIsTheRoundedShareOfChecksThatRanAndPassed() {
    CheckResult pass = smallRun().results().get(0);
    CheckResult fail = smallRun().results().get(1);
    CheckResult skip = smallRun().results().get(3);
    RunResult twoOfThree =
        new RunResult(
            "p",
            new Target(BASE, BASE),
            Mode.STRICT,
            Instant.EPOCH,
            Duration.ZERO,
            List.of(pass, pass, fail, skip));
    RunResult onlySkipped =
        new RunResult(
            "p", new Target(BASE, BASE), Mode.STRICT, Instant.EPOCH, Duration.ZERO, List.of(skip));

    assertThat(twoOfThree.byCategory().get(Category.CONTACTS))
        .isEqualTo(new RunResult.Tally(2, 1, 1));
    assertThat(twoOfThree.byCategory().get(Category.CONTACTS).score()).isEqualTo(67);
    assertThat(onlySkipped.byCategory().get(Category.CONTACTS).score()).isEqualTo(100);
    StringWriter text = new StringWriter();
    new ConsoleReporter(new PrintWriter(text), false).summary(twoOfThree, List.of());
    assertThat(text.toString()).contains("  Total          2       1        1    67%\n");
  }

  @Test
  void checkReferenceCopesWithOneCheckNoChecksBackticksAndMissingTexts() {
    CheckInfo odd =
        new CheckInfo(
            "LMS-ODD_ID",
            "  A title\n  on two lines ",
            Category.LMS,
            Severity.WARNING,
            Severity.ERROR,
            "   ",
            null,
            "expected ```a``` and ``b``\n\n");

    String one = CheckReference.render(List.of(odd));

    assertThat(one).contains("There is 1 check.");
    assertThat(one)
        .contains(
            "- LMS lead contact API (`LMS`)\n  - [`LMS-ODD_ID`](#lms-odd_id) A title on two lines\n\n");
    assertThat(one)
        .endsWith(
            "## LMS-ODD_ID\n\n**A title on two lines**\n\n"
                + "- Category: LMS lead contact API (`LMS`)\n"
                + "- Severity: warning in strict mode, error in lenient mode\n"
                + "- Contract: none named\n\n"
                + "**What it proves.** (not documented)\n\n"
                + "**What it rests on.** (not documented)\n\n"
                + "**A failure looks like:**\n\n"
                + "````text\nexpected ```a``` and ``b``\n````\n\n");
    assertThat(CheckReference.render(List.of(PASSING, EXTRA))).contains("There are 2 checks.");
    assertThat(CheckReference.render(List.of()))
        .contains("There are 0 checks.")
        .endsWith("## Contents\n\nNo checks are registered.\n\n");
    assertThat(CheckReference.anchor("A B.c/D-e_f")).isEqualTo("a-bcd-e_f");
  }

  @Test
  void checkReferenceIsWrittenIntoAFolderItCreates(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("docs/CHECKS.md");

    CheckReference.write(file);

    assertThat(java.nio.file.Files.readString(file)).isEqualTo(CheckReference.standard());
  }

  private static String htmlEscaped(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
