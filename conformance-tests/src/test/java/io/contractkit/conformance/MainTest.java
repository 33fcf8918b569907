package io.contractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckRegistry;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private static String mockBase() {
    String base = SimulatedImplementation.sharedMock().baseUri().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private Path profile() throws Exception {
    Path file = tmp.resolve("vendor.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "name: vendor under test",
            "contacts:",
            "  baseUrl: http://127.0.0.1:9",
            "lms:",
            "  baseUrl: http://127.0.0.1:9",
            ""));
    return file;
  }

  @Test
  void listChecksPrintsTheTableAndExitsZeroWithoutAProfile() {
    int code = run("--list-checks", "--no-color");

    assertThat(code).isZero();
    List<Check> checks = CheckRegistry.standard().all();
    if (checks.isEmpty()) {
      assertThat(out.toString()).contains("No checks are registered.");
    } else {
      assertThat(out.toString()).containsPattern("ID\\s+CATEGORY\\s+STRICT/LENIENT\\s+TITLE");
      assertThat(out.toString()).contains(checks.get(0).info().id(), checks.get(0).info().title());
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aMissingProfileFileExitsTwoNamingTheFile() {
    Path missing = tmp.resolve("no-such-profile.yaml");

    int code = run("--profile", missing.toString(), "--report-dir", tmp.resolve("r").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(missing.toString())
        .contains("not found")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  @Test
  void anUnknownCheckIdInOnlyExitsTwoNamingTheId() throws Exception {
    int code =
        run(
            "--profile",
            profile().toString(),
            "--only",
            "NO-SUCH-CHECK",
            "--report-dir",
            tmp.resolve("r").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("NO-SUCH-CHECK").doesNotContain("\tat ");
  }

  @Test
  void anUnknownCheckIdInACommaSeparatedSkipListExitsTwoNamingTheId() throws Exception {
    int code =
        run(
            "--profile",
            profile().toString(),
            "--skip",
            " ,ALSO-NOT-A-CHECK",
            "--report-dir",
            tmp.resolve("r").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("ALSO-NOT-A-CHECK");
  }

  @Test
  void helpExitsZeroAndDescribesEveryOption() {
    int code = run("--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "--profile", "--base-url", "--contacts-base-url", "--lms-base-url", "--only", "--skip")
        .contains(
            "--list-checks", "--mode", "--report-dir", "--no-color", "--write-check-reference")
        .contains("--concurrency", "--max-wait", "--seed", "--fail-on-skipped")
        .contains("conformance-report");
  }

  @Test
  void noProfileAndNoListingExitsTwoSayingWhatIsMissing() {
    int code = run();

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--profile");
  }

  @Test
  void anUnknownModeIsAUsageError() throws Exception {
    int code = run("--profile", profile().toString(), "--mode", "sloppy");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("sloppy");
  }

  @Test
  void aProfileThatDoesNotParseExitsTwoWithTheLoadersMessage() throws Exception {
    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(broken, "name: x\nnotAField: 1\ncontacts:\n  baseUrl: http://127.0.0.1:9\n");

    int code = run("--profile", broken.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(broken.toString()).contains("notAField");
  }

  @Test
  void writeCheckReferenceWritesMarkdownAndExitsZeroWithoutAProfile() throws Exception {
    Path file = tmp.resolve("docs/CHECKS.md");

    int code = run("--write-check-reference", file.toString());

    assertThat(code).isZero();
    String md = Files.readString(file);
    assertThat(md).startsWith("# Conformance check reference");
    for (Check check : CheckRegistry.standard().all()) {
      assertThat(md.lines()).contains("## " + check.info().id());
    }
  }

  @Test
  void aRunWithEveryCheckSkippedWritesTheReportsAndPassesWithLenientModeFromTheCommandLine()
      throws Exception {
    Path reports = tmp.resolve("out");
    List<String> args =
        new ArrayList<>(
            List.of("--profile", profile().toString(), "--no-color", "--mode", "LENIENT"));
    args.addAll(
        List.of(
            "--base-url", "http://127.0.0.1:10", "--lms-base-url", "http://127.0.0.1:11/lms-root"));
    args.addAll(List.of("--report-dir", reports.toString()));
    for (Check check : CheckRegistry.standard().all()) {
      args.add("--skip=" + check.info().id());
    }

    int code = run(args.toArray(String[]::new));

    assertThat(code).as(err.toString()).isZero();
    assertThat(reports.resolve("junit.xml")).isRegularFile();
    assertThat(reports.resolve("report.html")).isRegularFile();
    JsonNode json = JsonMapper.builder().build().readTree(reports.resolve("results.json").toFile());
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("mode").asString()).isEqualTo("lenient");
    assertThat(json.at("/target/contactsBaseUrl").asString()).isEqualTo("http://127.0.0.1:10");
    assertThat(json.at("/target/lmsBaseUrl").asString()).isEqualTo("http://127.0.0.1:11/lms-root");
    assertThat(json.get("checks")).isEmpty();
    assertThat(out.toString())
        .contains("Verdict: PASSED", reports.resolve("results.json").toString());
  }

  @Test
  void aCheckSkippedForLackOfProfileDataPassesTheGateUnlessFailOnSkippedIsSet() throws Exception {
    String[] args = {
      "--profile",
      profile().toString(),
      "--base-url",
      mockBase(),
      "--no-color",
      "--only",
      "CONTACTS-FOUND-SCHEMA",
      "--report-dir",
      tmp.resolve("skip").toString()
    };

    assertThat(run(args)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("SKIP", "contacts.secrets");
    String summary = out.toString().substring(out.toString().indexOf("Conformance summary"));
    assertThat(summary)
        .contains(
            "Not checked (1 check skipped without --skip; --fail-on-skipped fails the run on them)\n"
                + "  SKIP CONTACTS-FOUND-SCHEMA: the profile lists no existing secret"
                + " (contacts.secrets)\n");
    assertThat(summary.indexOf("Not checked")).isLessThan(summary.indexOf("Category"));

    String[] strict = java.util.Arrays.copyOf(args, args.length + 1);
    strict[args.length] = "--fail-on-skipped";
    assertThat(run(strict)).isEqualTo(1);
    assertThat(err.toString())
        .contains("1 check(s) skipped without --skip asking for it, and --fail-on-skipped is set");
  }

  private String[] skippingAll(String... first) {
    List<String> args = new ArrayList<>(List.of(first));
    for (Check check : CheckRegistry.standard().all()) {
      args.add("--skip=" + check.info().id());
    }
    return args.toArray(String[]::new);
  }

  @Test
  void listChecksIsATableWithAColumnPerFieldAndACount() {
    run("--list-checks");

    List<CheckInfo> infos = CheckRegistry.standard().all().stream().map(Check::info).toList();
    int idWidth = infos.stream().mapToInt(i -> i.id().length()).max().orElseThrow();
    int categoryWidth =
        infos.stream().mapToInt(i -> i.category().name().length()).max().orElseThrow();
    assertThat(categoryWidth).isEqualTo("EXPLORATION".length());
    String format = "%-" + idWidth + "s  %-" + categoryWidth + "s  %-15s  %s";
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(String.format(format, "ID", "CATEGORY", "STRICT/LENIENT", "TITLE"));
    CheckInfo first = infos.get(0);
    assertThat(lines.get(1))
        .isEqualTo(String.format(format, first.id(), "CONTACTS", "error/error", first.title()));
    assertThat(lines)
        .contains(
            String.format(
                format,
                "CONTACTS-MALFORMED-IP-400",
                "CONTACTS",
                "error/warning",
                CheckRegistry.standard().all().stream()
                    .map(Check::info)
                    .filter(i -> i.id().equals("CONTACTS-MALFORMED-IP-400"))
                    .findFirst()
                    .orElseThrow()
                    .title()));
    assertThat(lines.subList(lines.size() - 2, lines.size()))
        .containsExactly("", infos.size() + " checks");
    assertThat(out.toString()).doesNotContain("\u001B");
  }

  @Test
  void listingAndWritingTheReferenceAtOnceDoesBoth() {
    Path file = tmp.resolve("CHECKS.md");

    assertThat(run("--list-checks", "--write-check-reference", file.toString())).isZero();

    assertThat(out.toString()).contains("STRICT/LENIENT", "Wrote the check reference to " + file);
    assertThat(file).isRegularFile();
  }

  @Test
  void aReferenceThatCannotBeWrittenExitsTwo() throws Exception {
    Path aFile = Files.writeString(tmp.resolve("plain"), "x");

    int code = run("--write-check-reference", aFile.resolve("CHECKS.md").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write the check reference to " + aFile);
  }

  @Test
  void theRunHeaderNamesTheProfileFileWhenItHasNoNameAndShowsUnsetUrls() throws Exception {
    Path file = tmp.resolve("unnamed.yaml");
    Files.writeString(file, "lms:\n  baseUrl: http://127.0.0.1:9\n");

    int code =
        run(skippingAll("--profile", file.toString(), "--report-dir", tmp.resolve("r").toString()));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith(
            "Conformance run: profile "
                + file
                + " (strict mode)\n  Contacts API: (not set)\n  LMS API:      http://127.0.0.1:9\n"
                + "  Run:          16 at once, real waits up to 30.0 s, --seed ")
        .doesNotContain("\u001B");
  }

  @Test
  void theRunHeaderNamesTheProfileAndTheApiSpecificUrlWinsOverBaseUrl() throws Exception {
    Path reports = tmp.resolve("r");

    int code =
        run(
            skippingAll(
                "--profile",
                profile().toString(),
                "--mode",
                " Lenient ",
                "--base-url",
                "http://127.0.0.1:10",
                "--contacts-base-url",
                "http://127.0.0.1:12",
                "--report-dir",
                reports.toString()));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith(
            "Conformance run: profile vendor under test (lenient mode)\n"
                + "  Contacts API: http://127.0.0.1:12\n  LMS API:      http://127.0.0.1:10\n");
    JsonNode json = JsonMapper.builder().build().readTree(reports.resolve("results.json").toFile());
    assertThat(json.at("/target/contactsBaseUrl").asString()).isEqualTo("http://127.0.0.1:12");
    assertThat(json.at("/target/lmsBaseUrl").asString()).isEqualTo("http://127.0.0.1:10");
  }

  @Test
  void anUnknownModeSaysWhichModesThereAre() throws Exception {
    run("--profile", profile().toString(), "--mode", "sloppy");

    assertThat(err.toString()).contains("'sloppy' is not a mode; use strict or lenient");
  }

  @Test
  void idsAreTrimmedAndBlankOnesDropped() throws Exception {
    int code =
        run(
            "--profile",
            profile().toString(),
            "--base-url",
            mockBase(),
            "--only",
            " CONTACTS-FOUND-SCHEMA ,,",
            "--skip",
            " ",
            "--report-dir",
            tmp.resolve("r").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("[1/1] SKIP  CONTACTS-FOUND-SCHEMA");
  }

  @Test
  void anErrorThatFailsExitsOneAndAFailOnSkippedRunWithoutSkipsPasses() throws Exception {
    Path file = tmp.resolve("wrong-secret.yaml");
    Files.writeString(
        file,
        "contacts:\n  baseUrl: " + mockBase() + "\n  secrets:\n    - secret: no-such-secret\n");

    int failing =
        run(
            "--profile",
            file.toString(),
            "--only",
            "CONTACTS-FOUND-SCHEMA",
            "--report-dir",
            tmp.resolve("r").toString());
    int passing =
        run(
            skippingAll(
                "--profile",
                file.toString(),
                "--fail-on-skipped",
                "--report-dir",
                tmp.resolve("r2").toString()));

    assertThat(failing).isEqualTo(1);
    assertThat(out.toString()).contains("FAIL  CONTACTS-FOUND-SCHEMA", "status 404");
    assertThat(passing).as(err.toString()).isZero();
  }

  @Test
  void anUnreachableTargetExitsTwoWithOneMessageNamingHostPortAndCauseAndRunsNoCheck()
      throws Exception {
    Path file = tmp.resolve("unreachable.yaml");
    Files.writeString(
        file, "contacts:\n  baseUrl: http://127.0.0.1:9\n  secrets:\n    - secret: abc\n");

    int code = run("--profile", file.toString(), "--report-dir", tmp.resolve("r").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "conformance: cannot reach the Contacts API at 127.0.0.1:9 (http://127.0.0.1:9):"
                + " connection refused. Is the implementation running there? (The run did not"
                + " start.)\n");
    assertThat(out.toString()).doesNotContain("FAIL", "SKIP", "ConnectException");
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  @Test
  void anUnknownHostExitsTwoSayingSo() throws Exception {
    Path file = tmp.resolve("unknown-host.yaml");
    Files.writeString(file, "lms:\n  baseUrl: http://no-such-host.invalid:8080\n");

    int code = run("--profile", file.toString(), "--report-dir", tmp.resolve("r").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "cannot reach the LMS API at no-such-host.invalid:8080"
                + " (http://no-such-host.invalid:8080): unknown host");
  }

  @Test
  void anAuthTokenSourceThatFailsWhenFirstUsedExitsTwoNamingSourceRequestAndAnswer()
      throws Exception {
    Path file = tmp.resolve("broken-source.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "lms:",
            "  baseUrl: " + mockBase(),
            "  leads:",
            "    - accessToken: lead-7Gk2mQ9xWp4tR8vZ",
            "  authTokens:",
            "    http:",
            "      url: \"{baseUrl}/__admin/authtokenz\"",
            ""));

    int code = run("--profile", file.toString(), "--report-dir", tmp.resolve("r").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("authToken source fails when the suite first uses it")
        .contains("lms.authTokens.http: POST " + mockBase() + "/__admin/authtokenz answered 404");
    assertThat(out.toString()).doesNotContain("SKIP");
  }

  @Test
  void concurrencyOutsideOneToSixtyFourIsAUsageError() throws Exception {
    int code = run("--profile", profile().toString(), "--concurrency", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("the concurrency must be from 1 to 64, not 0");
  }

  @Test
  void aNegativeNumberOfExplorationSequencesIsAUsageError() throws Exception {
    int code = run("--profile", profile().toString(), "--explore-sequences", "-3");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "the number of exploration sequences must be from 1 to 1000000 (or 0 for no limit), not -3");
  }

  @Test
  void maxWaitTakesSecondsOrAUnitAndRefusesOtherText() {
    Main.DurationConverter convert = new Main.DurationConverter();

    assertThat(convert.convert("30")).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(convert.convert(" 45s ")).isEqualTo(java.time.Duration.ofSeconds(45));
    assertThat(convert.convert("2m")).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(convert.convert("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(convert.convert("pt1h")).isEqualTo(java.time.Duration.ofHours(1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> convert.convert("soon"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("'soon' is not a duration");
  }

  @Test
  void theSeedAndTheConcurrencyOfARunAreInItsHeader() throws Exception {
    int code =
        run(
            skippingAll(
                "--profile",
                profile().toString(),
                "--seed",
                "42",
                "--concurrency",
                "3",
                "--max-wait",
                "5",
                "--report-dir",
                tmp.resolve("r").toString()));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("  Run:          3 at once, real waits up to 5.0 s, --seed 42\n");
  }

  @Test
  void reportsThatCannotBeWrittenExitTwoAfterTheSummary() throws Exception {
    Path aFile = Files.writeString(tmp.resolve("plain"), "x");

    int code =
        run(skippingAll("--profile", profile().toString(), "--report-dir", aFile.toString()));

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).contains("Verdict: PASSED");
    assertThat(err.toString()).contains("cannot write the reports to " + aFile);
  }

  @Test
  void aBaseUrlWithoutAHostIsAUsageError() throws Exception {
    int code = run("--profile", profile().toString(), "--base-url", "http:/x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("base URL http:/x has no host").doesNotContain("\tat ");
  }

  @Test
  void everythingPrintedReachesABufferedOutputBeforeTheExitCode() {
    StringWriter buffered = new StringWriter();
    CommandLine cmd = new CommandLine(new Main());
    cmd.setOut(new PrintWriter(new java.io.BufferedWriter(buffered)));
    cmd.setErr(new PrintWriter(new java.io.BufferedWriter(err)));

    assertThat(cmd.execute("--list-checks")).isZero();
    assertThat(buffered.toString()).contains("STRICT/LENIENT");
    assertThat(cmd.execute("--profile", tmp.resolve("none.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not found");
  }
}
