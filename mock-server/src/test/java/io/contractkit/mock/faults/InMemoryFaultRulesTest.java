package io.contractkit.mock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The in-memory rule store: ids, order, and firings counted exactly under concurrency. */
class InMemoryFaultRulesTest {
  private final InMemoryFaultRules rules = new InMemoryFaultRules();

  private static FaultRule rule(Integer times) {
    return new FaultRule(
        FaultRoute.ANY,
        FaultRule.Match.ANY,
        new FaultRule.Fault(500, Map.of(), null, null, null),
        times,
        null);
  }

  @Test
  void rulesGetIdsInOrderAndAreListedNewestFirst() {
    assertThat(rules.isEmpty()).isTrue();
    rules.add(rule(null));
    rules.add(rule(1));

    assertThat(rules.isEmpty()).isFalse();
    assertThat(rules.newestFirst())
        .extracting(FaultRules.Stored::id)
        .containsExactly("fault-2", "fault-1");
  }

  @Test
  void aRuleFiresAsOftenAsItsTimesAllowEvenWhenManyRequestsRace() throws Exception {
    String id = rules.add(rule(100)).orElseThrow();
    AtomicInteger fired = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);

    List<CompletableFuture<Void>> racers =
        IntStream.range(0, 8)
            .mapToObj(
                t ->
                    CompletableFuture.runAsync(
                        () -> {
                          awaitQuietly(start);
                          for (int i = 0; i < 500; i++) {
                            if (rules.fire(id)) {
                              fired.incrementAndGet();
                            }
                          }
                        }))
            .toList();
    start.countDown();
    CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).join();

    assertThat(fired.get()).isEqualTo(100);
    FaultRules.Stored stored = rules.newestFirst().get(0);
    assertThat(stored.fired()).isEqualTo(100);
    assertThat(stored.usedUp()).isTrue();
  }

  @Test
  void aRuleWithoutTimesIsNeverUsedUpAndCountsEveryFiring() {
    String id = rules.add(rule(null)).orElseThrow();

    for (int i = 0; i < 3; i++) {
      assertThat(rules.fire(id)).isTrue();
    }

    assertThat(rules.newestFirst().get(0).fired()).isEqualTo(3);
    assertThat(rules.newestFirst().get(0).usedUp()).isFalse();
  }

  @Test
  void aRemovedRuleNoLongerFires() {
    String id = rules.add(rule(null)).orElseThrow();

    assertThat(rules.remove(id)).isTrue();

    assertThat(rules.fire(id)).isFalse();
    assertThat(rules.remove(id)).isFalse();
    assertThat(rules.isEmpty()).isTrue();
  }

  @Test
  void aResetRemovesEveryRuleAndStartsTheIdsAgain() {
    rules.add(rule(null));
    rules.add(rule(null));

    rules.reset();

    assertThat(rules.newestFirst()).isEmpty();
    assertThat(rules.add(rule(null))).contains("fault-1");
  }

  @Test
  void theStoreHoldsAtMostItsMaximumOfRules() {
    for (int i = 0; i < FaultRules.MAX_RULES; i++) {
      assertThat(rules.add(rule(null))).isPresent();
    }

    assertThat(rules.add(rule(null))).isEmpty();
    assertThat(rules.newestFirst()).hasSize(FaultRules.MAX_RULES);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
