package io.contractkit.conformance;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.contractkit.conformance.fakes.SimulatedImplementation;
import io.contractkit.conformance.profile.ProfileLoader;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.ConformanceSuite;
import io.contractkit.conformance.run.RunListener;
import io.contractkit.conformance.run.RunOptions;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import io.contractkit.mock.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The suite against plain WireMock on the mock's export ({@code export --wiremock DIR}), with the
 * example profile without its admin hooks (plain stubs mint no authToken and have no clock): the
 * checks that do not pass are exactly those of what the README lists as beyond plain stubs.
 */
@Tag("slow") // the whole suite against a WireMock
class PlainWireMockExportTest {
  static final Path README = Path.of("..", "README.md");
  static final String SECTION = "### Without the extension: plain stubs";
  static final Pattern CHECK_ID =
      Pattern.compile("\\b(CONTACTS|LMS|PROTOCOL|ROBUSTNESS|EXPLORE)(-[A-Z0-9]+)+\\b");

  @TempDir Path tmp;

  @Test
  void theChecksThatDoNotPassAreThoseTheReadmeListsAsBeyondPlainStubs() throws Exception {
    Path root = tmp.resolve("wiremock");
    assertThat(new CommandLine(new Main()).execute("export", "--wiremock", root.toString()))
        .isZero();
    String example = Files.readString(SimulatedImplementation.EXAMPLE_PROFILE);
    Path profile = tmp.resolve("plain-stubs.yaml");
    Files.writeString(
        profile, example.substring(0, example.indexOf("  # Fresh one-time authTokens")) + "\n");
    WireMockServer wireMock =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderDirectory(root.toString()));
    wireMock.start();
    RunResult result;
    try {
      result =
          new ConformanceSuite(
                  ProfileLoader.load(profile),
                  wireMock.baseUrl(),
                  wireMock.baseUrl(),
                  RunOptions.defaults().withMaxWait(Duration.ZERO).withSeed(20261206))
              .run(Set.of(), Set.of(), RunListener.NONE);
    } finally {
      wireMock.stop();
    }
    Set<String> notPassed = new TreeSet<>();
    for (CheckResult r : result.results()) {
      if (r.status() != Status.PASSED) {
        notPassed.add(r.info().id());
      }
    }

    assertThat(result.results()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(notPassed).containsExactlyElementsOf(listedInTheReadme());
  }

  /** The check ids in the README's "Without the extension: plain stubs". */
  static Set<String> listedInTheReadme() throws Exception {
    String readme = Files.readString(README);
    int start = readme.indexOf(SECTION);
    assertThat(start).as("the README's section " + SECTION).isNotNegative();
    String section = readme.substring(start, readme.indexOf("\n## ", start));
    Set<String> ids = new TreeSet<>();
    Matcher id = CHECK_ID.matcher(section);
    while (id.find()) {
      ids.add(id.group());
    }
    return ids;
  }
}
