package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import io.contractkit.mock.support.SchemaAssertions;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Brute-force protection of the Contacts API. The test server blocks an ip after 3 failed lookups
 * within 60 s, for 300 s ({@link RunningMock#TEST_THROTTLE}); time moves only by the test clock.
 */
class BruteForceThrottleTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String IP = "203.0.113.7";
  private static final String OTHER_IP = "198.51.100.23";

  private Response lookup(String secret, String ip) {
    var request = given().spec(mock.spec()).queryParam("secret", secret);
    if (ip != null) {
      request.queryParam("ip", ip);
    }
    return request.get("/api/v1/Contacts");
  }

  private void failTimes(int n, String ip) {
    for (int i = 0; i < n; i++) {
      assertThat(lookup("wrong-" + i, ip).statusCode()).as("failure %d", i + 1).isEqualTo(404);
    }
  }

  @Test
  void blocksAnIpAfterTheConfiguredNumberOfFailures() {
    failTimes(3, IP);

    Response blocked = lookup("wrong-again", IP);

    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.contentType()).isEqualTo("application/problem+json");
    SchemaAssertions.assertValid("Problem.schema.json", blocked.asString());
  }

  @Test
  void doesNotBlockBeforeTheConfiguredNumberOfFailures() {
    failTimes(2, IP);

    assertThat(lookup(Fixture.SECRET, IP).statusCode()).isEqualTo(200);
  }

  @Test
  void keepsACorrectSecretHiddenWhileBlocked() {
    failTimes(3, IP);

    Response blocked = lookup(Fixture.SECRET, IP);

    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.asString()).doesNotContain(Fixture.SECRET).doesNotContain("Zoë");
  }

  @Test
  void sendsRetryAfterWithTheSecondsLeftInTheBlock() {
    failTimes(3, IP);
    assertThat(lookup("x", IP).header("Retry-After")).isEqualTo("300");

    mock.clock().advance(Duration.ofSeconds(100).plusMillis(500));

    assertThat(lookup("x", IP).header("Retry-After")).isEqualTo("200");
  }

  @Test
  void leavesAnotherIpAlone() {
    failTimes(3, IP);

    assertThat(lookup(Fixture.SECRET, OTHER_IP).statusCode()).isEqualTo(200);
    assertThat(lookup("wrong", OTHER_IP).statusCode()).isEqualTo(404);
  }

  @Test
  void neverThrottlesLookupsWithoutIp() {
    failTimes(10, null);

    assertThat(lookup(Fixture.SECRET, null).statusCode()).isEqualTo(200);
  }

  @Test
  void liftsTheBlockAfterTheBlockTime() {
    failTimes(3, IP);
    mock.clock().advance(Duration.ofSeconds(299));
    assertThat(lookup(Fixture.SECRET, IP).statusCode()).isEqualTo(429);

    mock.clock().advance(Duration.ofSeconds(1));

    assertThat(lookup(Fixture.SECRET, IP).statusCode()).isEqualTo(200);
  }

  @Test
  void countsFailuresAgainWithAFreshBudgetAfterABlock() {
    failTimes(3, IP);
    mock.clock().advance(Duration.ofSeconds(300));

    failTimes(3, IP);

    assertThat(lookup(Fixture.SECRET, IP).statusCode()).isEqualTo(429);
  }

  @Test
  void forgetsFailuresOlderThanTheWindow() {
    failTimes(2, IP);
    mock.clock().advance(Duration.ofSeconds(61));

    failTimes(2, IP);

    assertThat(lookup(Fixture.SECRET, IP).statusCode()).isEqualTo(200);
  }

  @Test
  void slidesTheWindowRatherThanResettingIt() {
    failTimes(1, IP);
    mock.clock().advance(Duration.ofSeconds(40));
    failTimes(1, IP);
    mock.clock().advance(Duration.ofSeconds(21));

    // The first failure left the window, the second is still in it: two more are allowed.
    failTimes(2, IP);
    assertThat(lookup("one-too-many", IP).statusCode()).isEqualTo(429);
  }

  @Test
  void successfulLookupsAloneNeverBlock() {
    for (int i = 0; i < 20; i++) {
      assertThat(lookup(Fixture.SECRET, IP).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void treatsEquivalentIpv6SpellingsAsOneIp() {
    failTimes(2, "2001:db8::5");
    failTimes(1, "2001:DB8:0:0:0:0:0:5");

    assertThat(lookup(Fixture.SECRET, "2001:db8:0::5").statusCode()).isEqualTo(429);
  }

  @Test
  void concurrentWrongSecretsGetNoMore404sThanTheThreshold() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String secret = "wrong-" + i;
        calls.add(() -> lookup(secret, IP).statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }

      assertThat(statuses).filteredOn(s -> s == 404).hasSize(3);
      assertThat(statuses).filteredOn(s -> s == 429).hasSize(61);
    } finally {
      pool.shutdownNow();
    }
  }
}
