package io.contractkit.conformance.junit;

import io.contractkit.conformance.RunArguments;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.ClockHook;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.ProfileLoader;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The conformance suite as JUnit tests: the same checks, profile and results as {@code java -jar
 * conformance.jar}, one dynamic test per check, named by its id.
 *
 * <pre>
 * &#64;ConformanceTest
 * Stream&lt;DynamicNode&gt; conformance(ConformanceChecks checks) {
 *   return checks.profile(Path.of("src/test/resources/conformance.yaml"))
 *       .baseUrl(server.baseUrl())   // your server, started on port 0
 *       .tests();
 * }
 * </pre>
 *
 * <p>{@link #tests()} runs the engine once, as the jar does (its checks at once, under the locks
 * that keep them honest), and presents each check's result as it arrives (see {@link Verdicts}).
 * The options are the jar's; those of the {@code contractkit.conformance.args} configuration
 * parameter (with {@link ConformanceTest}) win over the ones set here, as the command line wins
 * over a profile: {@code --only} replaces {@link #only}, {@code --skip} adds to {@link #skip}.
 *
 * <p>An instance is used for one run: configure it, then call {@link #tests()}.
 */
public final class ConformanceChecks {
  private final RunArguments commandLine;
  private Path profileFile;
  private Profile profile;
  private String baseUrl;
  private String contactsBaseUrl;
  private String lmsBaseUrl;
  private final Set<String> only = new LinkedHashSet<>();
  private final Set<String> skip = new LinkedHashSet<>();
  private Mode mode;
  private Integer concurrency;
  private Duration maxWait;
  private Long seed;
  private Duration exploreBudget;
  private Integer exploreSequences;
  private boolean failOnSkipped;
  private Function<String, String> authTokens;
  private Consumer<Duration> clock;
  private PrintStream out = System.out;

  ConformanceChecks(RunArguments commandLine) {
    this.commandLine = Objects.requireNonNull(commandLine);
  }

  /** Without command-line options: for a plain {@code @TestFactory}. */
  public static ConformanceChecks create() {
    return new ConformanceChecks(RunArguments.none());
  }

  /** The profile file (YAML, or JSON by its {@code .json} extension), as the jar reads it. */
  public ConformanceChecks profile(Path file) {
    this.profileFile = Objects.requireNonNull(file);
    this.profile = null;
    return this;
  }

  /** A profile built in code (or read with {@link ProfileLoader}). */
  public ConformanceChecks profile(Profile profile) {
    this.profile = Objects.requireNonNull(profile);
    this.profileFile = null;
    return this;
  }

  /** The base URL of both APIs, over the profile's ({@code --base-url}). */
  public ConformanceChecks baseUrl(String url) {
    this.baseUrl = url;
    return this;
  }

  /** The Contacts API's base URL, over {@link #baseUrl} ({@code --contacts-base-url}). */
  public ConformanceChecks contactsBaseUrl(String url) {
    this.contactsBaseUrl = url;
    return this;
  }

  /** The LMS API's base URL, over {@link #baseUrl} ({@code --lms-base-url}). */
  public ConformanceChecks lmsBaseUrl(String url) {
    this.lmsBaseUrl = url;
    return this;
  }

  /** Only these checks ({@code --only}); an unknown id fails the run before any request. */
  public ConformanceChecks only(String... ids) {
    only.addAll(List.of(ids));
    return this;
  }

  /** Not these checks ({@code --skip}): they are left out, as by the jar. */
  public ConformanceChecks skip(String... ids) {
    skip.addAll(List.of(ids));
    return this;
  }

  /** Strict or lenient, over the profile's mode ({@code --mode}). */
  public ConformanceChecks mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  /** How many checks and requests at once ({@code --concurrency}, default 16). */
  public ConformanceChecks concurrency(int n) {
    this.concurrency = n;
    return this;
  }

  /** The longest real wait when the target's clock cannot be moved ({@code --max-wait}, 30 s). */
  public ConformanceChecks maxWait(Duration d) {
    this.maxWait = d;
    return this;
  }

  /** The seed of the values the checks send ({@code --seed}); default: a new one per run. */
  public ConformanceChecks seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * How long each exploration check sends random sequences ({@code --explore-budget}, 3 s; 0
   * explores nothing).
   */
  public ConformanceChecks exploreBudget(Duration d) {
    this.exploreBudget = d;
    return this;
  }

  /**
   * At most {@code n} random sequences per exploration check, within its budget ({@code
   * --explore-sequences}; default, or 0: no limit but the budget).
   */
  public ConformanceChecks exploreSequences(int n) {
    this.exploreSequences = n;
    return this;
  }

  /** A check skipped for lack of profile data fails ({@code --fail-on-skipped}). */
  public ConformanceChecks failOnSkipped() {
    this.failOnSkipped = true;
    return this;
  }

  /**
   * Fresh one-time authTokens from code, instead of the profile's {@code lms.authTokens}: {@code
   * fresh} gets a lead's accessToken and returns an authToken your server just issued for it (from
   * the server in the same JVM, say its outbox). Returning null or throwing means none can be had.
   */
  public ConformanceChecks authTokens(Function<String, String> fresh) {
    this.authTokens = Objects.requireNonNull(fresh);
    return this;
  }

  /**
   * Moves your server's clock forward, instead of the profile's {@code clock.advance}: the checks
   * that see a block lift or an authToken expire call it rather than wait (and run alone).
   */
  public ConformanceChecks clock(Consumer<Duration> advance) {
    this.clock = Objects.requireNonNull(advance);
    return this;
  }

  /** Where failed warnings are printed; standard output (Surefire's report of the test). */
  ConformanceChecks output(PrintStream out) {
    this.out = out;
    return this;
  }

  /**
   * Runs the checks and returns one test per check, in the jar's order, named by its id: each waits
   * for its check's result. Fails at once, with the jar's message, when the profile, an option or a
   * check id is wrong, or when the run cannot start (the target does not answer, the authToken
   * source fails).
   */
  public Stream<DynamicNode> tests() {
    RunArguments cl = commandLine;
    Profile p = profile();
    if (cl.mode() != null || mode != null) {
      p = p.withMode(cl.mode() != null ? cl.mode() : mode);
    }
    RunOptions defaults = RunOptions.defaults();
    RunOptions options =
        new RunOptions(
            first(cl.concurrency(), concurrency, defaults.concurrency()),
            first(cl.maxWait(), maxWait, defaults.maxWait()),
            first(cl.seed(), seed, defaults.seed()),
            defaults.clock(),
            first(cl.exploreBudget(), exploreBudget, defaults.exploreBudget()),
            first(cl.exploreSequences(), exploreSequences, defaults.exploreSequences()));
    // the command line wins over the code; in each, the API's own URL over the common one
    String contacts =
        first(cl.contactsBaseUrl(), cl.baseUrl(), first(contactsBaseUrl, baseUrl, null));
    String lms = first(cl.lmsBaseUrl(), cl.baseUrl(), first(lmsBaseUrl, baseUrl, null));
    ConformanceSuite suite = new ConformanceSuite(p, contacts, lms, options);
    if (authTokens != null) {
      suite.useAuthTokens(inCode(authTokens));
    }
    if (clock != null) {
      suite.useClockHook(ClockHook.inCode(clock));
    }
    Set<String> onlyIds = cl.only().isEmpty() ? only : cl.only();
    Set<String> skipIds = new LinkedHashSet<>(skip);
    skipIds.addAll(cl.skip());
    List<CheckInfo> selected = suite.select(onlyIds, skipIds).stream().map(Check::info).toList();
    LiveRun run = LiveRun.start(suite, onlyIds, skipIds, selected);
    boolean failOnSkips = failOnSkipped || cl.failOnSkipped();
    long runSeed = options.seed();
    return selected.stream()
        .map(
            info ->
                DynamicTest.dynamicTest(
                    info.id(),
                    () -> Verdicts.present(run.result(info.id()), runSeed, failOnSkips, out)));
  }

  private Profile profile() {
    if (commandLine.profile() != null) {
      return ProfileLoader.load(commandLine.profile());
    }
    if (profile != null) {
      return profile;
    }
    if (profileFile != null) {
      return ProfileLoader.load(profileFile);
    }
    throw new IllegalStateException(
        "no profile: call profile(Path) or profile(Profile) before tests(), or give --profile in"
            + " contractkit.conformance.args");
  }

  /** The authToken function as a source: null, empty or an exception means none can be had. */
  static AuthTokenSource inCode(Function<String, String> fresh) {
    return accessToken -> {
      String token;
      try {
        token = fresh.apply(accessToken);
      } catch (RuntimeException e) {
        throw new AuthTokenSource.AuthTokenUnavailable(
            "the authToken source in code threw " + e + " for lead " + accessToken);
      }
      if (token == null || token.isEmpty()) {
        throw new AuthTokenSource.AuthTokenUnavailable(
            "the authToken source in code gave no authToken for lead " + accessToken);
      }
      return token;
    };
  }

  private static <T> T first(T a, T b, T c) {
    return a != null ? a : b != null ? b : c;
  }
}
