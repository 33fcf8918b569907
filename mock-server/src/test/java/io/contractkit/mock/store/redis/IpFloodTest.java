package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.store.StoreConfig;
import io.contractkit.mock.support.RedisServerExtension;
import io.contractkit.mock.support.Replicas;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A flood of 200,000 distinct ips, each with one failed lookup, spread over three replicas on one
 * Redis: every ip is one key (none more), and every key expires within a window plus the margin, as
 * {@code redis-cli} sees them. The 762 IPv4 documentation addresses and, for the bulk, IPv6 ones
 * from {@code 2001:db8::/32} (the ip parameter is data: nothing is sent to them).
 */
@Tag("slow") // 200,000 requests: about half a minute; left out of mutation analysis
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IpFloodTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final int REPLICAS = 3;
  private static final int IPS = 200_000;
  private static final int CONNECTIONS = 6;
  private static final int BATCH = 100;
  private static final ThrottlePolicy POLICY =
      new ThrottlePolicy(6, Duration.ofMinutes(1), Duration.ofMinutes(5));

  /** The ips of the flood: every IPv4 documentation address, then IPv6 ones up to {@link #IPS}. */
  static List<String> ips() {
    List<String> ips = new ArrayList<>(IPS);
    for (String net : List.of("192.0.2.", "198.51.100.", "203.0.113.")) {
      for (int host = 0; host < 256; host++) {
        ips.add(net + host);
      }
    }
    for (int i = 0; ips.size() < IPS; i++) {
      ips.add("2001:db8::" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff));
    }
    return ips;
  }

  @Test
  void twoHundredThousandDistinctIpsLeaveOneKeyEachAndEveryKeyExpires() throws Exception {
    StoreConfig store = REDIS.freshConfig();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> ips = ips();
    long started;
    long elapsed;
    int before;
    try (Replicas replicas =
        Replicas.start(REPLICAS, store, config -> config.withThrottle(POLICY))) {
      before = othersThanTheJournal(store);
      started = System.nanoTime();
      List<Thread> connections = new ArrayList<>();
      for (int c = 0; c < CONNECTIONS; c++) {
        int first = c;
        int port = replicas.replica(c).port();
        Thread connection = new Thread(() -> lookUp(port, ips, first, statuses), "flood-" + c);
        connection.start();
        connections.add(connection);
      }
      for (Thread connection : connections) {
        connection.join();
      }
      elapsed = System.nanoTime() - started;
    }
    System.out.printf(
        "IpFloodTest: %,d lookups in %.1f s (%,.0f/s)%n",
        ips.size(), elapsed / 1e9, ips.size() / (elapsed / 1e9));

    Map<Integer, Integer> counted = new TreeMap<>();
    statuses.forEach((status, n) -> counted.put(status, n.get()));
    assertThat(counted).as("answers by status (-1: no answer)").isEqualTo(Map.of(404, IPS));
    List<String> ipKeys = keys(store.prefix() + ":ip:*");
    assertThat(ipKeys).as("ip keys, without expiry, longest life in ms").hasSize(3);
    assertThat(Integer.parseInt(ipKeys.get(0))).as("one key per ip").isEqualTo(IPS);
    assertThat(Integer.parseInt(ipKeys.get(1))).as("ip keys without expiry").isZero();
    assertThat(Long.parseLong(ipKeys.get(2)))
        .as("longest time to live of an ip key")
        .isPositive()
        .isLessThanOrEqualTo(POLICY.window().plus(RedisStore.EXPIRY_MARGIN).toMillis());
    assertThat(othersThanTheJournal(store))
        .as("every key of the mock but the journal's: the ips' and those it had before the flood")
        .isEqualTo(IPS + before);
    assertThat(keys(store.prefix() + ":journal*").get(0))
        .as("the journal's keys: its list, its total and its count of changes")
        .isEqualTo("3");
  }

  /** How many keys the mock has, without the journal's (written a moment after each request). */
  private static int othersThanTheJournal(StoreConfig store) {
    return Integer.parseInt(keys(store.prefix() + ":*").get(0))
        - Integer.parseInt(keys(store.prefix() + ":journal*").get(0));
  }

  /**
   * Looks up every {@link #CONNECTIONS}th ip from {@code first} on one HTTP/1.1 connection,
   * pipelined: {@link #BATCH} requests written at once, then their answers read (far fewer system
   * calls and threads than a request each, so the flood takes seconds, not minutes). Counts the
   * answers by status; -1 for a connection that failed.
   */
  private static void lookUp(
      int port, List<String> ips, int first, Map<Integer, AtomicInteger> statuses) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      for (int from = first; from < ips.size(); from += CONNECTIONS * BATCH) {
        int sent = 0;
        for (int i = from; i < Math.min(ips.size(), from + CONNECTIONS * BATCH); i += CONNECTIONS) {
          out.write(
              ("GET /api/v1/Contacts?secret=wrong&ip="
                      + ips.get(i)
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          sent++;
        }
        out.flush();
        for (int i = 0; i < sent; i++) {
          String status = line(in);
          int length = 0;
          for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
              length = Integer.parseInt(header.substring(15).trim());
            }
          }
          in.skipNBytes(length);
          statuses
              .computeIfAbsent(Integer.parseInt(status.substring(9, 12)), s -> new AtomicInteger())
              .incrementAndGet();
        }
      }
    } catch (IOException | RuntimeException e) {
      statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static String line(DataInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  /** How many keys match, how many of them never expire, and the longest time to live (ms). */
  private static List<String> keys(String pattern) {
    String script =
        "local n, forever, longest = 0, 0, 0 "
            + "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do "
            + "n = n + 1 local t = redis.call('PTTL', k) "
            + "if t < 0 then forever = forever + 1 elseif t > longest then longest = t end end "
            + "return {n, forever, longest}";
    return REDIS.cli("EVAL", script, "0", pattern).lines().toList();
  }
}
