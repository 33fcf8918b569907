package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.contacts.InMemoryBruteForceThrottle;
import io.contractkit.mock.contacts.IpAddress;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.fixtures.FixtureLoader;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.lms.AuthTokenStore;
import io.contractkit.mock.lms.InMemoryAuthTokenStore;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.MutableClock;
import io.contractkit.mock.support.RunningMock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * Floods of distinct ips and of unknown or fresh authTokens do not grow the mock's memory without
 * bound: the throttle and the token store never hold more than their bound (100,000 entries each,
 * about 13 and 22 MB), a flood of other ips does not lift a block, unknown and consumed tokens take
 * no room at all, and once the clock passes the window (or the token's expiry) every expired entry
 * is gone. In-process with 1.2 million distinct ips and tokens, and over HTTP with a smaller flood.
 */
@Tag("stress")
class ResourceBoundsTest {
  private static final int FLOOD = 1_200_000;

  /**
   * Caffeine's timer wheel files entries in buckets (about 1 s wide for delays under a minute,
   * about 69 s for longer ones): an expired entry is invisible at once, and swept from the heap
   * once the clock has passed its bucket.
   */
  private static final Duration SWEEP = Duration.ofSeconds(70);

  private static final ThrottlePolicy POLICY = ThrottlePolicy.DEFAULT;

  @RegisterExtension static final RunningMock mock = new RunningMock();

  private final MutableClock clock = MutableClock.atFixedStart();

  @Test
  void aFloodOfDistinctIpsIsBoundedAndForgottenOnceTheWindowHasPassed() {
    InMemoryBruteForceThrottle throttle = new InMemoryBruteForceThrottle(clock, POLICY);
    long before = usedHeapAfterGc();

    for (int i = 0; i < FLOOD; i++) {
      assertThat(throttle.failed(IpAddress.of(documentationIpv6(i)))).isEmpty();
    }

    long tracked = throttle.trackedIps();
    long during = usedHeapAfterGc();
    assertThat(tracked)
        .isPositive()
        .isLessThanOrEqualTo(InMemoryBruteForceThrottle.MAX_TRACKED_IPS);
    System.out.printf(
        "throttle: %,d ips sent, %,d tracked, heap %,d -> %,d bytes (%,d per ip)%n",
        FLOOD, tracked, before, during, (during - before) / tracked);

    clock.advance(POLICY.window().plus(SWEEP));

    assertThat(throttle.trackedIps()).isZero();
    long after = usedHeapAfterGc();
    System.out.printf("throttle: heap after the window %,d bytes%n", after);
    assertThat(after - before).as("heap left over after the window").isLessThan(4L << 20);
  }

  @Test
  void aBlockedIpIsKeptThroughAFloodOfOtherIpsUntilItsBlockEndsThenForgotten() {
    InMemoryBruteForceThrottle throttle = new InMemoryBruteForceThrottle(clock, POLICY);
    IpAddress blocked = IpAddress.of("203.0.113.9");
    for (int i = 0; i < POLICY.maxFailures(); i++) {
      throttle.failed(blocked);
    }
    for (int i = 0; i < FLOOD; i++) {
      throttle.failed(IpAddress.of(documentationIpv6(i)));
    }

    assertThat(throttle.blockedFor(blocked)).as("after the flood").isPresent();
    clock.advance(POLICY.window().plus(SWEEP));

    assertThat(throttle.trackedIps()).isEqualTo(1);
    assertThat(throttle.blockedFor(blocked)).isPresent();
    clock.advance(POLICY.block());
    assertThat(throttle.trackedIps()).isZero();
  }

  @Test
  void unknownAuthTokensTakeNoRoomAndAFloodOfIssuedOnesIsBoundedAndExpires() {
    Collection<Lead> leads = bundledLeads();
    InMemoryAuthTokenStore store = new InMemoryAuthTokenStore(clock, leads);
    long seeded = store.activeTokens();
    assertThat(seeded).isPositive();

    for (int i = 0; i < FLOOD; i++) {
      assertThat(store.consume(Fixture.LEAD, "unknown-" + i)).isFalse();
    }
    assertThat(store.activeTokens()).as("after a flood of unknown tokens").isEqualTo(seeded);

    long before = usedHeapAfterGc();
    long refused = 0;
    for (int i = 0; i < FLOOD; i++) {
      try {
        store.issue(Fixture.LEAD, "fresh-" + i, clock.instant().plus(Duration.ofMinutes(15)));
      } catch (AuthTokenStore.Full full) {
        refused++;
      }
    }
    long held = store.activeTokens();
    assertThat(refused)
        .as("refused beyond the bound")
        .isEqualTo(FLOOD - InMemoryAuthTokenStore.MAX_ISSUED_TOKENS);
    long during = usedHeapAfterGc();
    assertThat(held).isLessThanOrEqualTo(seeded + InMemoryAuthTokenStore.MAX_ISSUED_TOKENS);
    System.out.printf(
        "tokens: %,d issued, %,d held, heap %,d -> %,d bytes (%,d per token)%n",
        FLOOD, held, before, during, (during - before) / Math.max(1, held));

    clock.advance(Duration.ofMinutes(15).plus(SWEEP));

    assertThat(store.activeTokens()).as("after the issued tokens expired").isEqualTo(seeded);
  }

  @Test
  void theSeededAuthTokensSurviveAFloodOfIssuedOnes() {
    InMemoryAuthTokenStore store = new InMemoryAuthTokenStore(clock, bundledLeads());

    for (int i = 0; i < FLOOD; i++) {
      try {
        store.issue(Fixture.OTHER_LEAD, "flood-" + i, clock.instant().plus(Duration.ofMinutes(15)));
      } catch (AuthTokenStore.Full full) {
        // the bound is reached: later tokens are refused, never the seeded ones dropped
      }
    }

    assertThat(store.consume(Fixture.LEAD, Fixture.LEAD_TOKEN)).isTrue();
    assertThat(store.consume(Fixture.LEAD, Fixture.LEAD_TOKEN_2)).isTrue();
    assertThat(store.consume(Fixture.OTHER_LEAD, Fixture.OTHER_LEAD_TOKEN)).isTrue();
  }

  @Test
  void anHttpFloodOfDistinctIpsAndUnknownAuthTokensLeavesNothingBehindAfterTheWindow()
      throws Exception {
    InMemoryBruteForceThrottle throttle =
        (InMemoryBruteForceThrottle) mock.server().state().throttle();
    InMemoryAuthTokenStore tokens = (InMemoryAuthTokenStore) mock.server().state().authTokens();
    long seeded = tokens.activeTokens();
    int workers = 8;
    int perWorker = 1_500;
    try (LoadDriver load = new LoadDriver(mock::port, workers)) {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        calls.add(
            () -> {
              int unexpected = 0;
              for (int i = 0; i < perWorker; i++) {
                int n = worker * perWorker + i;
                String ip = documentationIpv6(n);
                if (load.get("/api/v1/Contacts?secret=flood-" + n + "&ip=" + ip).status() != 404) {
                  unexpected++;
                }
                String release =
                    "/lms/leads/bytoken/contact?accessToken="
                        + Fixture.LEAD
                        + "&authToken=flood-"
                        + n
                        + "&source=flood";
                if (load.get(release).status() != 200) {
                  unexpected++;
                }
              }
              return unexpected;
            });
      }
      assertThat(load.together(calls)).containsOnly(0);
    }

    assertThat(throttle.trackedIps()).isEqualTo((long) workers * perWorker);
    assertThat(tokens.activeTokens()).isEqualTo(seeded);

    mock.clock().advance(RunningMock.TEST_THROTTLE.window().plus(SWEEP));

    assertThat(throttle.trackedIps()).isZero();
  }

  /** Distinct addresses in 2001:db8::/32, the IPv6 documentation range. */
  private static String documentationIpv6(int n) {
    return "2001:db8:0:0:0:0:"
        + Integer.toHexString(n >>> 16)
        + ":"
        + Integer.toHexString(n & 0xffff);
  }

  private static Collection<Lead> bundledLeads() {
    Fixtures fixtures =
        new FixtureLoader(JsonMapper.builder().build(), new SchemaCatalog()).load(null);
    return fixtures.leadsByAccessToken().values();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
