package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RedisServerExtension;
import io.contractkit.mock.support.Replicas;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped and started again while three replicas are under load (lookups with the correct
 * secret, failures from fresh ips, uses of minted authTokens, spread over the replicas): while it
 * is away every answer that needs it is the 503 "State store unavailable" problem and no other 5xx,
 * no authToken is ever disclosed twice, and every replica answers again by itself once it is back.
 */
@Tag("stress") // load over an outage: left out of mutation analysis, as the other races
class RedisOutageUnderLoadTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final int REPLICAS = 3;
  private static final int WORKERS = 6;
  private static final int TOKENS = 300;
  private static final String LEAD_NAME = "Jürgen Weiß";

  private Replicas replicas;
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> disclosures = new ConcurrentHashMap<>();
  private final Set<String> wrongAnswers = ConcurrentHashMap.newKeySet();
  private final AtomicLong fresh = new AtomicLong();

  @Test
  void whileRedisIsAwayEveryAnswerIsItsProblemAndNoTokenDisclosesTwice() throws Exception {
    try (Replicas started = Replicas.start(REPLICAS, REDIS.freshConfig())) {
      replicas = started;
      List<String> tokens = mint();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        Thread worker = new Thread(() -> load(running, tokens), "load-" + w);
        worker.start();
        workers.add(worker);
      }
      long before = answered();
      awaitAnswers(before + 300);
      REDIS.stop();
      long stopped = answered();
      awaitAnswers(stopped + 300);
      int unavailableWhileAway = count(503);
      REDIS.start();
      for (int replica = 0; replica < REPLICAS; replica++) {
        awaitFound(replica);
      }
      long back = answered();
      awaitAnswers(back + 300);
      running.set(false);
      for (Thread worker : workers) {
        worker.join(TimeUnit.SECONDS.toMillis(30));
      }

      assertThat(wrongAnswers).as("answers the contract does not allow").isEmpty();
      assertThat(statuses.keySet()).as("statuses seen").isSubsetOf(200, 404, 503);
      assertThat(unavailableWhileAway).as("503s while Redis was away").isPositive();
      assertThat(count(200)).as("lookups and uses answered").isPositive();
      assertThat(disclosures).as("authTokens disclosed (each checked below)").isNotEmpty();
      disclosures.forEach(
          (token, n) -> assertThat(n.get()).as("disclosures of authToken %s", token).isEqualTo(1));
    }
  }

  /** Mints {@link #TOKENS} authTokens of the test's own for the fixture lead, over the replicas. */
  private List<String> mint() throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < TOKENS; i++) {
      String code = "outage-" + i;
      HttpResponse<String> minted =
          replicas.send(
              i,
              "POST",
              "/__admin/authtokens",
              "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"" + code + "\"}");
      assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
      tokens.add(code);
    }
    return tokens;
  }

  private void load(AtomicBoolean running, List<String> tokens) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running.get()) {
      int replica = random.nextInt(REPLICAS);
      try {
        switch (random.nextInt(3)) {
          case 0 -> {
            HttpResponse<String> a = get(replica, contacts(Fixture.SECRET, freshIp()));
            expect(a, 200, "\"Secret\":\"" + Fixture.SECRET + "\"");
          }
          case 1 ->
              expect(get(replica, contacts("wrong-secret", freshIp())), 404, "Contact not found");
          default -> {
            String token = tokens.get(random.nextInt(tokens.size()));
            HttpResponse<String> a =
                get(
                    replica,
                    "/lms/leads/bytoken/contact?accessToken="
                        + Fixture.LEAD
                        + "&authToken="
                        + token
                        + "&source=outage");
            expect(a, 200, "\"accessToken\":");
            if (a.statusCode() == 200 && a.body().contains(LEAD_NAME)) {
              disclosures.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
            }
          }
        }
      } catch (Exception e) {
        wrongAnswers.add("no answer: " + e);
      }
    }
  }

  /** The expected answer, or the state store's 503 problem; anything else is a wrong answer. */
  private void expect(HttpResponse<String> answer, int status, String bodyPart) {
    statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
    boolean expected = answer.statusCode() == status && answer.body().contains(bodyPart);
    boolean unavailable =
        answer.statusCode() == 503
            && answer
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json")
            && answer.body().contains("State store unavailable");
    if (!expected && !unavailable) {
      wrongAnswers.add(answer.uri() + " -> " + answer.statusCode() + " " + answer.body());
    }
  }

  /** An ip no request used before: its failures never reach the throttle's budget. */
  private String freshIp() {
    long n = fresh.incrementAndGet();
    return String.format("2001:db8:5:%x:%x::1", n >>> 16, n & 0xffff);
  }

  private static String contacts(String secret, String ip) {
    return "/api/v1/Contacts?secret=" + secret + "&ip=" + ip;
  }

  private long answered() {
    return statuses.values().stream().mapToLong(AtomicInteger::get).sum();
  }

  private int count(int status) {
    AtomicInteger n = statuses.get(status);
    return n == null ? 0 : n.get();
  }

  /** Waits until the workers have had {@code total} answers (at most 60 s). */
  private void awaitAnswers(long total) {
    await("answers of the load").atMost(Duration.ofSeconds(60)).until(() -> answered() >= total);
  }

  /** Waits (at most 20 s) until the replica finds the contact again: it recovered by itself. */
  private void awaitFound(int replica) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    int status;
    do {
      status = get(replica, contacts(Fixture.SECRET, freshIp())).statusCode();
    } while (status != 200 && System.nanoTime() < deadline);
    assertThat(status).as("replica %d after Redis is back", replica).isEqualTo(200);
  }

  private HttpResponse<String> get(int replica, String path) throws Exception {
    return replicas.send(replica, "GET", path);
  }
}
