package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.Main;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RedisServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three replicas as real processes ({@code java io.contractkit.mock.Main --store redis://…}) under
 * load: token sends, minted tokens used, failed lookups until a block. One replica is killed with
 * SIGKILL ({@link Process#destroyForcibly()}) while the load runs on. The others keep answering
 * every request (never a 5xx), and nothing any replica acknowledged is lost: every sent message is
 * in the outbox, every disclosed token stays used, every minted token not yet used still works
 * once, and every ip answered with a 429 stays blocked on the others.
 */
@Tag("slow") // three JVMs: tens of seconds; left out of mutation analysis
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReplicaKilledTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final int REPLICAS = 3;
  private static final int KILLED = 2;
  private static final int WORKERS = 6;
  private static final int MAX_FAILURES = 6;
  private static final String LEAD_NAME = "Jürgen Weiß";
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) ");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<Process> processes = new ArrayList<>();
  private final List<URI> replicas = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** What the replicas acknowledged, and how they answered. */
  private final Set<String> sentMessages = ConcurrentHashMap.newKeySet();

  private final Set<String> disclosedCodes = ConcurrentHashMap.newKeySet();
  private final Set<String> unusedCodes = ConcurrentHashMap.newKeySet();
  private final Set<String> blockedIps = ConcurrentHashMap.newKeySet();
  private final List<String> serverErrors = new CopyOnWriteArrayList<>();
  private final List<String> survivorsUnanswered = new CopyOnWriteArrayList<>();
  private int rounds; // guarded by this
  private final AtomicBoolean stop = new AtomicBoolean();
  private volatile boolean killed;
  private final AtomicInteger unansweredByTheKilled = new AtomicInteger();

  @AfterEach
  void killWhatIsLeft() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void theOtherReplicasKeepAnsweringAndLoseNothingThatWasAcknowledged() throws Exception {
    String prefix = REDIS.freshConfig().prefix();
    List<CompletableFuture<Process>> starting = new ArrayList<>();
    for (int i = 0; i < REPLICAS; i++) {
      starting.add(CompletableFuture.supplyAsync(() -> startProcess(prefix)));
    }
    for (CompletableFuture<Process> process : starting) {
      processes.add(process.join());
    }
    for (Process process : processes) {
      replicas.add(listeningOn(process));
    }

    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      Thread thread = new Thread(() -> work(worker), "load-" + w);
      thread.start();
      workers.add(thread);
    }
    awaitRounds(2 * WORKERS);
    killed = true; // before the kill: a request it leaves unanswered is then expected
    processes.get(KILLED).destroyForcibly();
    assertThat(processes.get(KILLED).waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
    awaitRounds(roundsDone() + 3 * WORKERS);
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }

    System.out.printf(
        "ReplicaKilledTest: %d rounds; %d sends, %d tokens disclosed, %d kept, %d ips blocked;"
            + " %d requests unanswered by the killed replica%n",
        roundsDone(),
        sentMessages.size(),
        disclosedCodes.size(),
        unusedCodes.size(),
        blockedIps.size(),
        unansweredByTheKilled.get());
    assertThat(serverErrors).as("5xx answers").isEmpty();
    assertThat(unansweredByTheKilled)
        .as("load on the killed replica after the kill")
        .hasPositiveValue();
    assertThat(survivorsUnanswered).as("requests the other replicas did not answer").isEmpty();
    assertThat(sentMessages).as("acknowledged sends").isNotEmpty();
    assertThat(disclosedCodes).as("disclosed tokens").isNotEmpty();
    assertThat(blockedIps).as("blocked ips").isNotEmpty();
    for (int survivor = 0; survivor < REPLICAS; survivor++) {
      if (survivor == KILLED) {
        continue;
      }
      Set<String> inOutbox = new HashSet<>();
      for (JsonNode message :
          JSON.readTree(get(survivor, "/__admin/outbox?limit=1000").body()).path("messages")) {
        inOutbox.add(message.path("id").asString());
      }
      assertThat(inOutbox).as("outbox of replica %d", survivor).containsAll(sentMessages);
      for (String ip : blockedIps) {
        assertThat(lookup(survivor, Fixture.SECRET, ip))
            .as("%s on replica %d", ip, survivor)
            .isEqualTo(429);
      }
      for (String code : disclosedCodes) {
        assertThat(get(survivor, release(code)).body())
            .as("used token %s on replica %d", code, survivor)
            .doesNotContain(LEAD_NAME);
      }
    }
    for (String code : unusedCodes) {
      assertThat(get(0, release(code)).body()).as("unused token %s", code).contains(LEAD_NAME);
      assertThat(get(1, release(code)).body()).as("token %s used", code).doesNotContain(LEAD_NAME);
    }
  }

  /**
   * One worker's rounds, each on the replicas in turn: a token sent, two tokens minted (with codes
   * of this test's own) and one of them used, and failed lookups from a fresh ip until a 429.
   */
  private void work(int worker) {
    int turn = worker;
    for (int round = 0; !stop.get(); round++) {
      Optional<HttpResponse<String>> sent =
          send(
              turn++,
              "POST",
              "/lms/leads/bytoken/authtoken?channel=email&source=web&accessToken=" + Fixture.LEAD,
              "");
      sent.filter(a -> a.statusCode() == 202)
          .ifPresent(a -> sentMessages.add(JSON.readTree(a.body()).path("messageId").asString()));

      String used = "kill-" + worker + "-" + round + "-a";
      String kept = "kill-" + worker + "-" + round + "-b";
      if (mint(turn++, used)) {
        send(turn++, "GET", release(used), "")
            .filter(a -> a.body().contains(LEAD_NAME))
            .ifPresent(a -> disclosedCodes.add(used));
      }
      if (mint(turn++, kept)) {
        unusedCodes.add(kept);
      }

      String ip = "2001:db8:" + Integer.toHexString(worker + 1) + "::" + Integer.toHexString(round);
      for (int attempt = 0; attempt < 2 * MAX_FAILURES; attempt++) {
        Optional<HttpResponse<String>> answer =
            send(turn++, "GET", "/api/v1/Contacts?secret=wrong&ip=" + ip, "");
        if (answer.isPresent() && answer.get().statusCode() == 429) {
          blockedIps.add(ip);
          break;
        }
      }
      synchronized (this) {
        rounds++;
        notifyAll();
      }
    }
  }

  private boolean mint(int replica, String code) {
    return send(
            replica,
            "POST",
            "/__admin/authtokens",
            "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"" + code + "\"}")
        .filter(a -> a.statusCode() == 201)
        .isPresent();
  }

  /**
   * The answer, or empty when there was none (only the killed replica may leave a request
   * unanswered: anything else is recorded as a failure). 5xx answers are recorded too.
   */
  private Optional<HttpResponse<String>> send(int turn, String method, String path, String body) {
    int replica = turn % REPLICAS;
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(replicas.get(replica).resolve(path))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() >= 500) {
        serverErrors.add(replica + " " + method + " " + path + " " + answer.statusCode());
      }
      return Optional.of(answer);
    } catch (IOException e) {
      if (replica != KILLED || !killed) {
        survivorsUnanswered.add(replica + " " + method + " " + path + " " + e);
      }
      // the killed replica: its requests in flight and after the kill get no answer
      unansweredByTheKilled.incrementAndGet();
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(int replica, String path) {
    return send(replica, "GET", path, "").orElseThrow();
  }

  private int lookup(int replica, String secret, String ip) {
    return get(replica, "/api/v1/Contacts?secret=" + secret + "&ip=" + ip).statusCode();
  }

  private static String release(String authToken) {
    return "/lms/leads/bytoken/contact?accessToken="
        + Fixture.LEAD
        + "&authToken="
        + authToken
        + "&source=web";
  }

  private synchronized int roundsDone() {
    return rounds;
  }

  /** Waits until the workers have done that many rounds in all (at most two minutes). */
  private synchronized void awaitRounds(int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (rounds < atLeast) {
      long left = deadline - System.nanoTime();
      assertThat(left).as("%d rounds done in time (%d done)", atLeast, rounds).isPositive();
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Starts a replica as a process on a free port. */
  private static Process startProcess(String prefix) {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--port",
            "0",
            "--no-request-log",
            "--no-watch",
            "--throttle-max-failures",
            String.valueOf(MAX_FAILURES),
            "--throttle-window",
            "60s",
            "--throttle-block",
            "300s",
            "--store",
            REDIS.url(),
            "--store-prefix",
            prefix);
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().remove("MOCK_ADMIN_TOKEN");
      builder.environment().remove("MOCK_REDIS_PASSWORD");
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URI the replica prints once it listens; its output after that is drained. */
  private static URI listeningOn(Process process) throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        Thread drain = new Thread(() -> drain(lines), "replica-output");
        drain.setDaemon(true);
        drain.start();
        return URI.create(listening.group(1) + "/");
      }
      seen.add(line);
    }
    throw new AssertionError("the replica ended without listening: " + seen);
  }

  private static void drain(BufferedReader lines) {
    try {
      while (lines.readLine() != null) {
        // the replica's output is not needed after it listens
      }
    } catch (IOException e) {
      // the replica ended
    }
  }
}
