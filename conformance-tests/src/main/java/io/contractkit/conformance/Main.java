package io.contractkit.conformance;

import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckRegistry;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.checks.SuiteClock;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.ProfileException;
import io.contractkit.conformance.profile.ProfileLoader;
import io.contractkit.conformance.report.CheckReference;
import io.contractkit.conformance.report.ConsoleReporter;
import io.contractkit.conformance.report.FailureText;
import io.contractkit.conformance.report.Reports;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunOptions;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import io.contractkit.conformance.run.TargetUnreachable;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar conformance.jar --profile p.yaml [...]}: runs the conformance suite against an
 * implementation, prints live progress and a summary, writes the reports, and exits 0 (no
 * error-severity check failed), 1 (at least one did) or 2 (usage or profile problem).
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    version = "contract-kit conformance 0.1.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Checks that an implementation of the LMS lead-contact API and the Contacts API conforms to the contract.",
      "Command-line URLs win over the profile; --contacts-base-url and --lms-base-url win over --base-url."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no error-severity check failed",
      "1:at least one error-severity check failed",
      "2:usage or profile problem, or the target cannot be reached"
    })
public final class Main implements Callable<Integer> {
  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description = "YAML or JSON profile: where the APIs live and the test data (see PROFILE.md).")
  Path profileFile;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Base URL of both APIs (overrides the profile).")
  String baseUrl;

  @Option(
      names = "--contacts-base-url",
      paramLabel = "URL",
      description = "Base URL of the Contacts API (overrides --base-url and the profile).")
  String contactsBaseUrl;

  @Option(
      names = "--lms-base-url",
      paramLabel = "URL",
      description = "Base URL of the LMS API (overrides --base-url and the profile).")
  String lmsBaseUrl;

  @Option(
      names = "--only",
      paramLabel = "ID",
      split = ",",
      description = "Run only these checks; repeatable, comma-separated.")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--skip",
      paramLabel = "ID",
      split = ",",
      description = "Do not run these checks; repeatable, comma-separated.")
  List<String> skip = new ArrayList<>();

  @Option(
      names = "--list-checks",
      description = "Print every check (id, category, severity strict/lenient, title) and exit.")
  boolean listChecks;

  @Option(
      names = "--mode",
      paramLabel = "strict|lenient",
      converter = ModeConverter.class,
      description = "Override the profile's mode.")
  Mode mode;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      defaultValue = "conformance-report",
      description = "Where junit.xml, report.html and results.json go (default: ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(
      names = "--no-color",
      description = "No ANSI colors (also off when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Option(
      names = "--fail-on-skipped",
      description =
          "Exit 1 also when a check was skipped because the profile lacks what it needs (for gates that must run every check).")
  boolean failOnSkipped;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + RunOptions.DEFAULT_CONCURRENCY,
      description =
          "How many requests the suite has in flight at once, and how many checks run at the same"
              + " time; each check keeps its own ips and authTokens. 1 runs everything one after another"
              + " (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--max-wait",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "The longest real wait a check makes to see a block lift or an authToken expire when the"
              + " profile gives no clock hook (clock.advance): 30, 30s, 2m, 500ms (default: ${DEFAULT-VALUE}).")
  Duration maxWait;

  @Option(
      names = "--explore-budget",
      paramLabel = "DURATION",
      defaultValue = "3s",
      converter = DurationConverter.class,
      description =
          "How long each exploration check (EXPLORE-*) sends random sequences of operations;"
              + " shrinking a failure to its shortest sequence may take as long again. 0 explores"
              + " nothing (default: ${DEFAULT-VALUE}).")
  Duration exploreBudget;

  @Option(
      names = "--explore-sequences",
      paramLabel = "N",
      description =
          "At most N random sequences per exploration check, within --explore-budget: with a budget"
              + " long enough to reach N, every run with the same --seed sends the same sequences on"
              + " any machine (a failure replays exactly). Default (or 0): no limit but the budget.")
  Integer exploreSequences;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the random values the checks send (ips, wrong secrets and tokens); printed at the"
              + " start of every run, so that a run can be repeated. Default: a new one per run.")
  Long seed;

  @Option(
      names = "--write-check-reference",
      paramLabel = "FILE",
      description = "Write the check reference (Markdown) to FILE and exit.")
  Path checkReference;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } catch (ProfileException | TargetUnreachable | IllegalArgumentException e) {
      err.println("conformance: " + FailureText.visible(e.getMessage()));
      return USAGE;
    } catch (RuntimeException e) {
      err.println("conformance: unexpected error (a bug in the suite, please report it): " + e);
      return USAGE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run(PrintWriter out, PrintWriter err) {
    if (listChecks || checkReference != null) {
      if (listChecks) {
        listChecks(out);
      }
      if (checkReference != null) {
        try {
          CheckReference.write(checkReference);
        } catch (IOException e) {
          err.println(
              "conformance: cannot write the check reference to "
                  + checkReference
                  + ": "
                  + e.getMessage());
          return USAGE;
        }
        out.println("Wrote the check reference to " + checkReference);
      }
      return PASSED;
    }
    if (profileFile == null) {
      err.println(
          "conformance: missing --profile FILE (or use --list-checks, --write-check-reference, --help)");
      return USAGE;
    }

    ConformanceSuite.warmUpInBackground();
    Set<String> onlyIds = ids(only);
    Set<String> skipIds = ids(skip);
    CheckRegistry.standard()
        .select(onlyIds, skipIds); // an unknown id fails here, before any request

    Profile profile = ProfileLoader.load(profileFile);
    if (mode != null) {
      profile = profile.withMode(mode);
    }
    RunOptions options =
        new RunOptions(
            concurrency,
            maxWait,
            seed != null ? seed : new SecureRandom().nextLong(),
            SuiteClock.SYSTEM,
            exploreBudget,
            exploreSequences == null ? 0 : exploreSequences);
    ConformanceSuite suite =
        new ConformanceSuite(
            profile, first(contactsBaseUrl, baseUrl), first(lmsBaseUrl, baseUrl), options);

    ConsoleReporter console = new ConsoleReporter(out, color());
    out.printf(
        "Conformance run: profile %s (%s mode)%n  Contacts API: %s%n  LMS API:      %s%n"
            + "  Run:          %d at once, real waits up to %s, --seed %d%n%n",
        FailureText.visible(profile.name() == null ? profileFile.toString() : profile.name()),
        profile.mode().name().toLowerCase(Locale.ROOT),
        suite.target().contactsBase() == null ? "(not set)" : suite.target().contactsBase(),
        suite.target().lmsBase() == null ? "(not set)" : suite.target().lmsBase(),
        options.concurrency(),
        Reports.duration(options.maxWait()),
        options.seed());
    out.flush();

    RunResult result = suite.run(onlyIds, skipIds, console);
    List<Path> written;
    try {
      written = Reports.write(result, reportDir);
    } catch (IOException e) {
      console.summary(result, List.of());
      err.println("conformance: cannot write the reports to " + reportDir + ": " + e.getMessage());
      return USAGE;
    }
    console.summary(result, written);
    long skipped = result.count(Status.SKIPPED);
    if (failOnSkipped && skipped > 0) {
      err.println(
          "conformance: "
              + skipped
              + " check(s) skipped without --skip asking for it, and --fail-on-skipped is set");
      return FAILED;
    }
    return result.passed() ? PASSED : FAILED;
  }

  private static void listChecks(PrintWriter out) {
    List<CheckInfo> infos = CheckRegistry.standard().all().stream().map(Check::info).toList();
    if (infos.isEmpty()) {
      out.println("No checks are registered.");
      return;
    }
    int idWidth = "ID".length();
    int categoryWidth = "CATEGORY".length();
    for (CheckInfo info : infos) {
      idWidth = Math.max(idWidth, info.id().length());
      categoryWidth = Math.max(categoryWidth, info.category().name().length());
    }
    String format = "%-" + idWidth + "s  %-" + categoryWidth + "s  %-15s  %s%n";
    out.printf(Locale.ROOT, format, "ID", "CATEGORY", "STRICT/LENIENT", "TITLE");
    for (CheckInfo info : infos) {
      out.printf(
          Locale.ROOT,
          format,
          info.id(),
          info.category().name(),
          FailureText.severity(info.severity(Mode.STRICT))
              + "/"
              + FailureText.severity(info.severity(Mode.LENIENT)),
          info.title());
    }
    out.printf("%n%d checks%n", infos.size());
  }

  /** Ids from repeated and comma-separated options, trimmed, blanks dropped, order kept. */
  static Set<String> ids(List<String> values) {
    Set<String> ids = new LinkedHashSet<>();
    for (String v : values) {
      String id = v.trim();
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  private boolean color() {
    if (noColor || System.getenv("NO_COLOR") != null) {
      return false;
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try { // Java 22+: System.console() is not null when redirected; ask whether it is a terminal
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  /** {@code 30} (seconds), {@code 30s}, {@code 2m}, {@code 500ms} or ISO-8601 ({@code PT30S}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (v.matches("[0-9]+")) {
          return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.matches("[0-9]+ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("[0-9]+s")) {
          return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.matches("[0-9]+m")) {
          return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration; write 30, 30s, 2m or 500ms");
      }
    }
  }

  /** {@code strict} or {@code lenient}, in any case. */
  static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      try {
        return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a mode; use strict or lenient");
      }
    }
  }
}
