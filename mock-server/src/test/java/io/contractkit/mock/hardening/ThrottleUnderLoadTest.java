package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The brute-force throttle under load, with the default policy (10 failures in 60 s block for 300
 * s): of 200 wrong-secret lookups from one ip that start together, exactly 10 are answered 404 and
 * the other 190 are 429 with {@code Retry-After}; lookups from other ips in the same burst are not
 * blocked. Repeated, because a race shows up only under repetition.
 */
@Tag("stress")
class ThrottleUnderLoadTest {
  private static final ThrottlePolicy POLICY = ThrottlePolicy.DEFAULT;

  @RegisterExtension
  static final RunningMock mock =
      new RunningMock(MockConfig.defaults().withPort(0).withThrottle(POLICY).withRequestLog(false));

  private static final int FROM_ONE_IP = 200;
  private static final int FROM_OTHER_IPS = 50;
  private static final int ROUNDS = 20;
  private static final String LAST_NAME = "Müller-Lüdenscheidt";

  private static LoadDriver load;

  @BeforeAll
  static void startLoad() {
    load = new LoadDriver(mock::port, FROM_ONE_IP + FROM_OTHER_IPS);
  }

  @AfterAll
  static void stopLoad() {
    load.close();
  }

  @Test
  void twoHundredConcurrentWrongSecretsFromOneIpGetExactlyTheThresholdOf404sAndOtherIpsStayFree()
      throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      // The other ips must start each round with a whole budget; the attacker is new anyway.
      assertThat(load.post("/__admin/reset", "").status()).isEqualTo(204);
      String attacker = "203.0.113." + (round + 1);
      List<Callable<LoadDriver.Answer>> calls = new ArrayList<>();
      for (int i = 0; i < FROM_ONE_IP; i++) {
        String secret = "wrong-" + round + "-" + i;
        calls.add(() -> load.get(lookup(secret, attacker)));
      }
      for (int i = 0; i < FROM_OTHER_IPS; i++) {
        // Half look up the right secret, half a wrong one, each from its own ip.
        String secret = i % 2 == 0 ? Fixture.SECRET : "other-wrong-" + i;
        String ip = (i % 2 == 0 ? "198.51.100." : "192.0.2.") + (i + 1);
        calls.add(() -> load.get(lookup(secret, ip)));
      }

      List<LoadDriver.Answer> answers = load.together(calls);

      List<LoadDriver.Answer> attackers = answers.subList(0, FROM_ONE_IP);
      assertThat(attackers).allSatisfy(a -> assertThat(a.status()).isIn(404, 429));
      assertThat(attackers.stream().filter(a -> a.status() == 404))
          .as("404s from the attacking ip in round %d", round)
          .hasSize(POLICY.maxFailures());
      assertThat(attackers.stream().filter(a -> a.status() == 429))
          .allSatisfy(
              a -> {
                assertThat(a.header("Retry-After")).matches("[1-9][0-9]*");
                assertThat(a.header("Content-Type")).startsWith("application/problem+json");
                assertThat(a.body()).doesNotContain(LAST_NAME);
              });
      List<LoadDriver.Answer> others = answers.subList(FROM_ONE_IP, answers.size());
      for (int i = 0; i < others.size(); i++) {
        LoadDriver.Answer answer = others.get(i);
        if (i % 2 == 0) {
          assertThat(answer.status()).as("right secret from another ip").isEqualTo(200);
          assertThat(answer.body()).contains(LAST_NAME);
        } else {
          assertThat(answer.status()).as("wrong secret from another ip").isEqualTo(404);
        }
      }
      // Once the burst is over, the ip is blocked for the whole block time, even for the right
      // secret.
      LoadDriver.Answer blocked = load.get(lookup(Fixture.SECRET, attacker));
      assertThat(blocked.status()).isEqualTo(429);
      assertThat(Long.parseLong(blocked.header("Retry-After")))
          .isEqualTo(POLICY.block().toSeconds());
      assertThat(blocked.body()).doesNotContain(LAST_NAME);
    }
  }

  /**
   * A correct secret is refused only while its ip is blocked: during a burst of wrong secrets from
   * the same ip it gets either the contact (the block has not started yet; failures still in flight
   * do not refuse it) or 429 without the contact, it never counts as a failure, and the wrong
   * secrets still get exactly the threshold of 404s.
   */
  @Test
  void rightSecretsFromTheAttackingIpDuringTheBurstNeverCountAndAreRefusedOnlyOnceBlocked()
      throws Exception {
    for (int round = 0; round < ROUNDS / 2; round++) {
      assertThat(load.post("/__admin/reset", "").status()).isEqualTo(204);
      String attacker = "198.51.100." + (200 + round);
      List<Callable<LoadDriver.Answer>> calls = new ArrayList<>();
      for (int i = 0; i < FROM_ONE_IP + FROM_OTHER_IPS; i++) {
        String secret = i % 5 == 0 ? Fixture.SECRET : "wrong-" + round + "-" + i;
        calls.add(() -> load.get(lookup(secret, attacker)));
      }

      List<LoadDriver.Answer> answers = load.together(calls);

      List<LoadDriver.Answer> wrong = new ArrayList<>();
      for (int i = 0; i < answers.size(); i++) {
        LoadDriver.Answer answer = answers.get(i);
        if (i % 5 != 0) {
          wrong.add(answer);
        } else if (answer.status() == 200) {
          assertThat(answer.body()).contains(LAST_NAME);
        } else {
          assertThat(answer.status()).as("right secret during the burst").isEqualTo(429);
          assertThat(answer.body()).doesNotContain(LAST_NAME);
        }
      }
      assertThat(wrong.stream().filter(a -> a.status() == 404))
          .as("404s from the attacking ip in round %d", round)
          .hasSize(POLICY.maxFailures());
      assertThat(wrong).allSatisfy(a -> assertThat(a.status()).isIn(404, 429));
      assertThat(load.get(lookup(Fixture.SECRET, attacker)).status()).isEqualTo(429);
    }
  }

  @Test
  void twoSpellingsOfOneIpv6AddressShareOneBudgetUnderLoad() throws Exception {
    for (int round = 0; round < ROUNDS / 4; round++) {
      String suffix = Integer.toHexString(round + 1);
      List<Callable<LoadDriver.Answer>> calls = new ArrayList<>();
      for (int i = 0; i < FROM_ONE_IP; i++) {
        String ip = i % 2 == 0 ? "2001:db8::" + suffix : "2001:DB8:0:0:0:0:0:" + suffix;
        String secret = "wrong-v6-" + i;
        calls.add(() -> load.get(lookup(secret, ip)));
      }

      List<LoadDriver.Answer> answers = load.together(calls);

      assertThat(answers.stream().filter(a -> a.status() == 404)).hasSize(POLICY.maxFailures());
      assertThat(answers.stream().filter(a -> a.status() == 429))
          .hasSize(FROM_ONE_IP - POLICY.maxFailures());
    }
  }

  @Test
  void theBlockLiftsAfterTheBlockTimeAndTheBudgetIsWholeAgain() throws Exception {
    String attacker = "203.0.113.200";
    List<Callable<LoadDriver.Answer>> burst = new ArrayList<>();
    for (int i = 0; i < FROM_ONE_IP; i++) {
      String secret = "wrong-" + i;
      burst.add(() -> load.get(lookup(secret, attacker)));
    }
    load.together(burst);
    assertThat(load.get(lookup(Fixture.SECRET, attacker)).status()).isEqualTo(429);

    mock.clock().advance(POLICY.block().plus(Duration.ofSeconds(1)));

    LoadDriver.Answer free = load.get(lookup(Fixture.SECRET, attacker));
    assertThat(free.status()).isEqualTo(200);
    List<LoadDriver.Answer> again = load.together(burst);
    assertThat(again.stream().filter(a -> a.status() == 404)).hasSize(POLICY.maxFailures());
  }

  private static String lookup(String secret, String ip) {
    return "/api/v1/Contacts?secret=" + secret + "&ip=" + ip;
  }
}
