package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contractkit.mock.faults.DelayRange;
import io.contractkit.mock.faults.FaultKind;
import io.contractkit.mock.faults.FaultRoute;
import io.contractkit.mock.faults.FaultRule;
import io.contractkit.mock.faults.FaultRules;
import io.contractkit.mock.store.StoreConfig;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** The fault rules in Redis, as two replicas share them: ids, counts, removal and the limit. */
class RedisFaultRulesTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private final List<RedisStore> opened = new ArrayList<>();
  private StoreConfig config;
  private RedisFaultRules here;
  private RedisFaultRules there;

  @BeforeEach
  void connect() {
    config = REDIS.freshConfig();
    here = rules();
    there = rules();
  }

  private RedisFaultRules rules() {
    RedisStore store = RedisStore.connect(config);
    opened.add(store);
    return new RedisFaultRules(store, new SharedSnapshots(store));
  }

  @AfterEach
  void close() {
    opened.forEach(RedisStore::close);
  }

  private static FaultRule rule(Integer times) {
    return new FaultRule(
        FaultRoute.ANY,
        FaultRule.Match.ANY,
        new FaultRule.Fault(500, Map.of(), null, null, null),
        times,
        null);
  }

  private String fieldsInRedis() {
    return REDIS.cli("HLEN", config.prefix() + ":shared:faults").strip();
  }

  @Test
  void aRuleKeepsEveryPartThroughRedis() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-B", "b");
    headers.put("X-A", "a");
    FaultRule rule =
        new FaultRule(
            FaultRoute.LEAD_CONTACT,
            new FaultRule.Match("s-1", "2001:db8:0:0:0:0:0:1", "lead-1"),
            new FaultRule.Fault(
                503,
                headers,
                JsonMapper.builder().build().readTree("{\"m\":[1,\"x\"]}"),
                new DelayRange(Duration.ofMillis(10), Duration.ofSeconds(2)),
                FaultKind.SLOW_BODY),
            7,
            0.25);

    here.add(rule);

    propagated().untilAsserted(() -> assertThat(there.newestFirst()).hasSize(1));
    FaultRule read = there.newestFirst().get(0).rule();
    assertThat(read).isEqualTo(rule);
    assertThat(read.fault().headers().keySet()).containsExactly("X-B", "X-A");
  }

  @Test
  void idsCountUpOverReplicasNewestFirstAndStartAgainAfterAReset() {
    assertThat(here.isEmpty()).isTrue();
    assertThat(here.add(rule(null))).hasValue("fault-1");
    propagated().untilAsserted(() -> assertThat(there.isEmpty()).isFalse());
    assertThat(there.add(rule(2))).hasValue("fault-2");

    assertThat(there.newestFirst())
        .extracting(FaultRules.Stored::id)
        .containsExactly("fault-2", "fault-1");

    here.reset();

    assertThat(here.isEmpty()).isTrue();
    propagated().untilAsserted(() -> assertThat(there.isEmpty()).isTrue());
    assertThat(there.add(rule(null))).hasValue("fault-1");
    assertThat(fieldsInRedis()).as("v, value and one count").isEqualTo("3");
  }

  @Test
  void aRuleFiresAsOftenAsItsTimesOverReplicasAndEachKnowsItIsUsedUp() {
    String id = here.add(rule(3)).orElseThrow();
    propagated().untilAsserted(() -> assertThat(there.newestFirst()).hasSize(1));

    assertThat(here.fire(id)).isTrue();
    assertThat(there.fire(id)).isTrue();
    assertThat(there.fire(id)).isTrue();
    assertThat(here.fire(id)).isFalse();
    assertThat(there.fire(id)).isFalse();

    assertThat(here.newestFirst().get(0).fired()).isEqualTo(3);
    assertThat(here.newestFirst().get(0).usedUp()).isTrue();
    assertThat(there.newestFirst().get(0).usedUp()).isTrue();
  }

  @Test
  void countsOverEveryReplicaAreReadForTheAdminApi() {
    String id = here.add(rule(null)).orElseThrow();
    propagated().untilAsserted(() -> assertThat(there.newestFirst()).hasSize(1));
    for (int i = 0; i < 4; i++) {
      assertThat(there.fire(id)).isTrue();
    }

    assertThat(here.newestFirst().get(0).fired()).as("as this replica knows").isZero();
    assertThat(here.counted().get(0).fired()).isEqualTo(4);
    assertThat(here.newestFirst().get(0).fired()).isEqualTo(4);
  }

  @Test
  void aRuleRemovedElsewhereNoLongerFiresEvenBeforeThisReplicaHearsOfIt() {
    String id = here.add(rule(null)).orElseThrow();
    propagated().untilAsserted(() -> assertThat(there.newestFirst()).hasSize(1));
    assertThat(there.fire(id)).isTrue();

    assertThat(here.remove(id)).isTrue();
    assertThat(there.fire(id)).as("its count went with it").isFalse();

    assertThat(here.remove(id)).isFalse();
    assertThat(here.fire(id)).isFalse();
    assertThat(here.fire("fault-9")).isFalse();
    assertThat(fieldsInRedis()).as("v and value only").isEqualTo("2");
    propagated().untilAsserted(() -> assertThat(there.isEmpty()).isTrue());
  }

  @Test
  void aCountOfARemovedRuleIsForgottenSoTheNextRuleWithItsIdStartsAtZero() {
    String id = here.add(rule(1)).orElseThrow();
    assertThat(here.fire(id)).isTrue();
    propagated().untilAsserted(() -> assertThat(there.newestFirst()).hasSize(1));
    assertThat(there.counted().get(0).usedUp()).isTrue();

    here.reset();
    assertThat(here.add(rule(1))).hasValue(id);

    propagated()
        .untilAsserted(
            () ->
                assertThat(there.newestFirst())
                    .singleElement()
                    .satisfies(s -> assertThat(s.usedUp()).isFalse()));
    assertThat(here.newestFirst().get(0).fired()).isZero();
    assertThat(there.fire(id)).isTrue();
  }

  @Test
  void atMostMaxRulesAreStored() {
    for (int i = 0; i < FaultRules.MAX_RULES; i++) {
      assertThat(here.add(rule(null))).isPresent();
    }

    assertThat(there.add(rule(null))).isEmpty();
    assertThat(here.newestFirst()).hasSize(FaultRules.MAX_RULES);
  }

  /**
   * Waits for a change to reach another replica: milliseconds normally, so a short bound (a change
   * that never arrives fails fast).
   */
  private static org.awaitility.core.ConditionFactory propagated() {
    return await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10));
  }
}
