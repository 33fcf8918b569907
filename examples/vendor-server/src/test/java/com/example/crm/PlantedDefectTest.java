package com.example.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.junit.ConformanceChecks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The suite catches a regression: the same profile run against the server with a code store that
 * forgets to use codes up must fail, under the checks of one-time codes (and the one that compares
 * a reused code's answer with the other failures) and no others. The run's tests are executed here,
 * and their failures are what this test expects (so they do not fail the build).
 */
class PlantedDefectTest {

  /** The planted defect: a code is checked, but never removed, so it works again and again. */
  static final class ReusableCodes implements LeadCodes {
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;

    ReusableCodes(Clock clock) {
      this.clock = clock;
    }

    @Override
    public String issue(String accessToken) {
      String code = Long.toString(System.nanoTime());
      expiries.put(accessToken + "\n" + code, clock.instant().plus(Duration.ofMinutes(15)));
      return code;
    }

    @Override
    public boolean consume(String accessToken, String code) {
      Instant expiry = expiries.get(accessToken + "\n" + code);
      return expiry != null && clock.instant().isBefore(expiry);
    }
  }

  @Test
  void theProfileRunFailsExactlyTheChecksOfOneTimeCodesAgainstCodesThatCanBeReused() {
    MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    try (CrmServer broken = CrmServer.start(0, clock, new ReusableCodes(clock))) {
      Map<String, String> outcomes = new LinkedHashMap<>();
      ConformanceChecks.create()
          .profile(Path.of("src/test/resources/conformance.yaml"))
          .baseUrl(broken.baseUrl())
          .authTokens(accessToken -> broken.codes().issue(accessToken))
          .clock(clock::advance)
          .tests()
          .map(DynamicTest.class::cast)
          .forEach(test -> outcomes.put(test.getDisplayName(), outcome(test)));

      assertThat(outcomes).hasSizeGreaterThanOrEqualTo(37); // the suite's checks as of 0.1.0
      assertThat(outcomes.entrySet())
          .filteredOn(e -> !e.getValue().equals("passed"))
          .extracting(Map.Entry::getKey)
          .containsExactly(
              "LMS-AUTHTOKEN-ONE-TIME",
              "LMS-AUTHTOKEN-CONCURRENT-ONE-TIME",
              "LMS-FAILURES-INDISTINGUISHABLE",
              "EXPLORE-LMS-AUTHTOKENS");
      assertThat(outcomes.get("LMS-AUTHTOKEN-ONE-TIME"))
          .startsWith("failed: LMS-AUTHTOKEN-ONE-TIME  An authToken is accepted only once  [error]")
          .contains("expected:", "actual:", "request:      curl -i");
    }
  }

  /** Runs one check's test as JUnit would: "passed", "skipped: why" or "failed: the failure". */
  private static String outcome(DynamicTest test) {
    try {
      test.getExecutable().execute();
      return "passed";
    } catch (TestAbortedException e) {
      return "skipped: " + e.getMessage();
    } catch (AssertionFailedError e) {
      return "failed: " + e.getMessage();
    } catch (Throwable e) {
      throw new AssertionError(test.getDisplayName() + " broke", e);
    }
  }
}
