package com.example.crm;

import io.contractkit.conformance.junit.ConformanceChecks;
import io.contractkit.conformance.junit.ConformanceTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;

/**
 * The server against the conformance suite: every check is a test of its own, named by its id, and
 * must pass (a check skipped for lack of profile data fails too). The server runs in this JVM on a
 * free port; the suite takes fresh codes from its code store and moves its clock instead of
 * waiting.
 */
class CrmConformanceTest {
  private static final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private static CrmServer server;

  @BeforeAll
  static void start() {
    server = CrmServer.start(0, clock, new OneTimeLeadCodes(clock, Duration.ofMinutes(15)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ConformanceTest
  Stream<DynamicNode> conformance(ConformanceChecks checks) {
    return checks
        .profile(Path.of("src/test/resources/conformance.yaml"))
        .baseUrl(server.baseUrl())
        .authTokens(accessToken -> server.codes().issue(accessToken))
        .clock(clock::advance)
        .failOnSkipped()
        .tests();
  }
}
