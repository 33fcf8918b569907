package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.MutableClock;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The throttle's hash table (growth, purges, shrinking, removals that shift probe runs back)
 * answers exactly as the plain model below: a map from ip to its failure times and block, as the
 * throttle was written before it kept its state in primitive arrays. Random runs of failures, found
 * secrets, clock steps, counts and lists of tracked ips, forgotten ips and resets, over enough ips
 * that every segment grows and shrinks several times; each seed is a test, so a failure names the
 * seed that replays it. The Redis throttle answers as the same model (fewer steps: each is a round
 * trip to a real redis-server).
 */
@ParameterizedClass
@EnumSource(ThrottleKind.class)
class InMemoryBruteForceThrottleModelTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration BLOCK = Duration.ofSeconds(30);

  @Parameter ThrottleKind kind;

  /** The reference: failure times in the window (oldest first) and the end of the block. */
  private static final class Model {
    private final Map<IpAddress, Deque<Long>> failures = new HashMap<>();
    private final Map<IpAddress, Long> blockedUntil = new HashMap<>();
    private final long window = WINDOW.toMillis();
    private final int maxFailures;

    Model(int maxFailures) {
      this.maxFailures = maxFailures;
    }

    Optional<Duration> blockedFor(IpAddress ip, long now) {
      long until = blockedUntil.getOrDefault(ip, 0L);
      return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    Optional<Duration> failed(IpAddress ip, long now) {
      Optional<Duration> blocked = blockedFor(ip, now);
      if (blocked.isPresent()) {
        return blocked;
      }
      Deque<Long> times = failures.computeIfAbsent(ip, k -> new ArrayDeque<>());
      times.removeIf(t -> t <= now - window);
      if (times.size() + 1 >= maxFailures) {
        times.clear();
        blockedUntil.put(ip, now + BLOCK.toMillis());
      } else {
        times.addLast(now);
      }
      return Optional.empty();
    }

    /** Ips whose failures are still in the window or whose block has not ended. */
    long tracked(long now) {
      return Stream.concat(failures.keySet().stream(), blockedUntil.keySet().stream())
          .distinct()
          .filter(
              ip -> {
                Deque<Long> times = failures.get(ip);
                boolean counting =
                    times != null && !times.isEmpty() && times.getLast() + window > now;
                return counting || blockedUntil.getOrDefault(ip, 0L) > now;
              })
          .count();
    }

    /** As {@link BruteForceThrottle#tracked}: blocked first (latest end first), then failures. */
    List<BruteForceThrottle.TrackedIp> tracked(long now, int limit) {
      return Stream.concat(failures.keySet().stream(), blockedUntil.keySet().stream())
          .distinct()
          .map(
              ip -> {
                long recent =
                    failures.getOrDefault(ip, new ArrayDeque<>()).stream()
                        .filter(t -> t > now - window)
                        .count();
                long blocked = Math.max(0, blockedUntil.getOrDefault(ip, 0L) - now);
                return new BruteForceThrottle.TrackedIp(
                    ip, (int) recent, Duration.ofMillis(blocked));
              })
          .filter(t -> t.failures() > 0 || t.blocked())
          .sorted(
              Comparator.comparing(BruteForceThrottle.TrackedIp::blockedFor)
                  .reversed()
                  .thenComparing(
                      Comparator.comparingInt(BruteForceThrottle.TrackedIp::failures).reversed())
                  .thenComparingLong(t -> t.ip().high())
                  .thenComparingLong(t -> t.ip().low()))
          .limit(limit)
          .toList();
    }

    boolean forget(IpAddress ip, long now) {
      boolean held =
          tracked(now) > 0
              && tracked(now, Integer.MAX_VALUE).stream().anyMatch(t -> t.ip().equals(ip));
      failures.remove(ip);
      blockedUntil.remove(ip);
      return held;
    }

    void reset() {
      failures.clear();
      blockedUntil.clear();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void answersAsThePlainModel(long seed) {
    Random random = new Random(seed);
    MutableClock clock = MutableClock.atFixedStart();
    // budgets of 3 and of 6: an ip keeps up to 1 or up to 4 earlier failures in its window
    int maxFailures = seed % 2 == 0 ? 3 : 6;
    BruteForceThrottle throttle =
        kind.create(clock, new ThrottlePolicy(maxFailures, WINDOW, BLOCK), seed, REDIS);
    int steps = kind == ThrottleKind.MEMORY ? 40_000 : 5_000;
    Model model = new Model(maxFailures);
    IpAddress[] ips = new IpAddress[1 + random.nextInt(3_000)];
    for (int i = 0; i < ips.length; i++) {
      ips[i] =
          i % 2 == 0
              ? IpAddress.of("198.51." + (i >> 8 & 0xff) + "." + (i & 0xff))
              : IpAddress.of("2001:db8::" + Integer.toHexString(i));
    }

    for (int step = 0; step < steps; step++) {
      long now = clock.millis();
      // a few hot ips get most of the failures, so that blocks happen
      IpAddress ip =
          ips[random.nextInt(4) == 0 ? random.nextInt(8) % ips.length : random.nextInt(ips.length)];
      int op = random.nextInt(1_000);
      String at = "step " + step + ", ip " + ip;
      if (op < 600) {
        assertThat(throttle.failed(ip)).as(at).isEqualTo(model.failed(ip, now));
      } else if (op < 900) {
        assertThat(throttle.blockedFor(ip)).as(at).isEqualTo(model.blockedFor(ip, now));
      } else if (op < 980) {
        clock.advance(Duration.ofMillis(random.nextInt(50)));
      } else if (op < 981) {
        clock.advance(Duration.ofMillis(random.nextInt(40_000))); // often past every window
      } else if (op < 990) {
        assertThat(kind.trackedIps(throttle)).as(at).isEqualTo(model.tracked(now));
      } else if (op < 993) {
        int limit = 1 + random.nextInt(random.nextBoolean() ? 5 : 5_000);
        assertThat(throttle.tracked(limit)).as(at).isEqualTo(model.tracked(now, limit));
      } else if (op < 999) {
        assertThat(throttle.forget(ip)).as(at).isEqualTo(model.forget(ip, now));
      } else {
        throttle.reset();
        model.reset();
      }
    }
    assertThat(kind.trackedIps(throttle)).isEqualTo(model.tracked(clock.millis()));
  }
}
