package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.contractkit.mock.clock.TimeShift;
import io.contractkit.mock.store.StoreConfig;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared snapshot on a real Redis: the compare-and-set (a change made elsewhere in between is
 * read and the change made again on it), the version, the fields a value owns, the messages and the
 * reading again after a reconnect.
 */
class SharedSnapshotTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final SharedSnapshot.Codec<String> TEXT =
      new SharedSnapshot.Codec<>() {
        @Override
        public String write(String value) {
          return value;
        }

        @Override
        public String read(String text) {
          return text;
        }
      };

  private final List<AutoCloseable> opened = new ArrayList<>();
  private StoreConfig config;
  private RedisStore redis;

  @BeforeEach
  void connect() {
    config = REDIS.freshConfig();
    redis = store();
  }

  private RedisStore store() {
    RedisStore store = RedisStore.connect(config);
    opened.add(store);
    return store;
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  /** A snapshot that hears no message: it knows only what it read and wrote itself. */
  private SharedSnapshot<String> deaf(RedisStore store, SharedSnapshot.Fields fields) {
    return new SharedSnapshot<>(
        store, "text", store.key("changes"), TEXT, "-", (before, after) -> fields);
  }

  private String field(String field) {
    return REDIS.cli("HGET", config.prefix() + ":shared:text", field).strip();
  }

  @Test
  void aChangeIsWrittenWithTheNextVersionAndHeldAtOnce() {
    SharedSnapshot<String> text = deaf(redis, SharedSnapshot.Fields.NONE);
    assertThat(text.current()).isEqualTo("-");
    assertThat(text.version()).isZero();
    assertThat(text.key()).isEqualTo(config.prefix() + ":shared:text");
    assertThat(text.name()).isEqualTo("text");

    assertThat(text.update(s -> s + "a")).isEqualTo("-a");
    assertThat(text.update(s -> s + "b")).isEqualTo("-ab");

    assertThat(text.current()).isEqualTo("-ab");
    assertThat(text.version()).isEqualTo(2);
    assertThat(field("v")).isEqualTo("2");
    assertThat(field("value")).isEqualTo("-ab");
  }

  @Test
  void aChangeMadeElsewhereInBetweenIsReadAndTheChangeMadeAgainOnIt() {
    SharedSnapshot<String> here = deaf(redis, SharedSnapshot.Fields.NONE);
    SharedSnapshot<String> there = deaf(store(), SharedSnapshot.Fields.NONE);
    List<String> heard = new CopyOnWriteArrayList<>();
    here.onRemoteChange(heard::add);
    there.update(s -> s + "t");
    AtomicInteger runs = new AtomicInteger();

    String result =
        here.update(
            s -> {
              runs.incrementAndGet();
              return s + "h";
            });

    assertThat(result).isEqualTo("-th");
    assertThat(runs).hasValue(2);
    assertThat(heard).containsExactly("-t");
    assertThat(here.version()).isEqualTo(2);
    assertThat(field("value")).isEqualTo("-th");
  }

  @Test
  void aChangeThatThrowsWritesNothing() {
    SharedSnapshot<String> text = deaf(redis, SharedSnapshot.Fields.NONE);

    assertThatThrownBy(
            () ->
                text.update(
                    s -> {
                      throw new IllegalStateException("no");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(text.version()).isZero();
    assertThat(field("v")).isEmpty();
  }

  @Test
  void theFieldsAChangeCreatesAndDropsAreWrittenWithIt() {
    deaf(redis, new SharedSnapshot.Fields(Map.of("f:1", "0", "f:2", "7"), List.of()))
        .update(s -> "x");
    assertThat(field("f:1")).isEqualTo("0");
    assertThat(field("f:2")).isEqualTo("7");

    deaf(redis, new SharedSnapshot.Fields(Map.of("f:3", "1"), List.of("f:1", "f:2")))
        .update(s -> "y");

    assertThat(field("f:1")).isEmpty();
    assertThat(field("f:2")).isEmpty();
    assertThat(field("f:3")).isEqualTo("1");
    assertThat(field("v")).isEqualTo("2");
  }

  @Test
  void aMessageIsHeldOnlyWhenItIsNewerThanTheLocalCopy() {
    SharedSnapshot<String> text = deaf(redis, SharedSnapshot.Fields.NONE);
    List<String> heard = new ArrayList<>();
    text.onRemoteChange(heard::add);

    text.received(2, "two");
    text.received(2, "two again");
    text.received(1, "one");
    text.received(3, "");

    assertThat(text.current()).isEqualTo("-"); // '' is the initial value
    assertThat(text.version()).isEqualTo(3);
    assertThat(heard).containsExactly("two", "-");
  }

  @Test
  void readingAgainHoldsWhatRedisHoldsEvenAnOlderVersion() {
    SharedSnapshot<String> text = deaf(redis, SharedSnapshot.Fields.NONE);
    List<String> heard = new ArrayList<>();
    text.onRemoteChange(heard::add);
    text.update(s -> "a");
    text.update(s -> "b");

    text.reload();
    assertThat(heard).isEmpty(); // the same version: nothing new

    REDIS.cli("DEL", config.prefix() + ":shared:text");
    text.reload();

    assertThat(text.current()).isEqualTo("-");
    assertThat(text.version()).isZero();
    assertThat(heard).containsExactly("-");

    REDIS.cli("HSET", config.prefix() + ":shared:text", "v", "1", "value", "c");
    text.reload();
    assertThat(text.current()).isEqualTo("c");
    assertThat(text.version()).isEqualTo(1);
  }

  @Test
  void everyReplicaHearsAChangeAndAReplicaStartedLaterReadsIt() {
    SharedSnapshots one = new SharedSnapshots(redis);
    SharedSnapshots two = new SharedSnapshots(store());
    SharedSnapshot<String> first = one.snapshot("text", TEXT, "-");
    SharedSnapshot<String> second = two.snapshot("text", TEXT, "-");
    List<String> heard = new CopyOnWriteArrayList<>();
    second.onRemoteChange(heard::add);

    first.update(s -> "a b c"); // spaces in the value are part of it

    propagated().untilAsserted(() -> assertThat(second.current()).isEqualTo("a b c"));
    assertThat(second.version()).isEqualTo(1);
    assertThat(heard).containsExactly("a b c");
    assertThat(new SharedSnapshots(store()).snapshot("text", TEXT, "-").current())
        .isEqualTo("a b c");
  }

  @Test
  void messagesForOtherOrUnknownValuesAndBrokenOnesChangeNothing() {
    SharedSnapshots shared = new SharedSnapshots(redis);
    SharedSnapshot<TimeShift> clock = new RedisTimeShiftStoreProbe(shared).snapshot;
    String channel = config.prefix() + ":changes";

    REDIS.cli("PUBLISH", channel, "other 9 x");
    REDIS.cli("PUBLISH", channel, "clock 5 {not json");
    REDIS.cli("PUBLISH", channel, "clock x {}");
    REDIS.cli("PUBLISH", channel, "clock 2 {\"offset\":0,\"frozenAt\":\"2030-01-01T00:00:00Z\"}");

    propagated().untilAsserted(() -> assertThat(clock.version()).isEqualTo(2));
    assertThat(clock.current().frozenAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void theClockReadsRealTimeAsTheOneInstanceOfItAfterAChangeElsewhere() {
    RedisTimeShiftStore here = new RedisTimeShiftStore(new SharedSnapshots(redis));
    RedisTimeShiftStore there = new RedisTimeShiftStore(new SharedSnapshots(store()));
    there.update(s -> new TimeShift(Duration.ofHours(1), null));
    propagated().untilAsserted(() -> assertThat(here.current().offset()).hasHours(1));

    there.update(s -> new TimeShift(Duration.ZERO, null));

    propagated().untilAsserted(() -> assertThat(here.current()).isSameAs(TimeShift.NONE));
    assertThat(there.current()).isEqualTo(TimeShift.NONE);
  }

  /** The clock's snapshot, as a {@link RedisTimeShiftStore} registers it. */
  private static final class RedisTimeShiftStoreProbe {
    final SharedSnapshot<TimeShift> snapshot;

    RedisTimeShiftStoreProbe(SharedSnapshots shared) {
      snapshot = shared.snapshot("clock", SharedSnapshot.json(TimeShift.class), TimeShift.NONE);
    }
  }

  /**
   * Waits for a change to reach another replica: milliseconds normally, so a short bound (a change
   * that never arrives fails fast).
   */
  private static org.awaitility.core.ConditionFactory propagated() {
    return await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10));
  }
}
