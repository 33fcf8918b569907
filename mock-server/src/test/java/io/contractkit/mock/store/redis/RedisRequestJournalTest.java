package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.admin.JournalEntry;
import io.contractkit.mock.support.CapturedStandardError;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The journal in Redis: recording only queues (no call to Redis on the request's path), a flush
 * writes the queue as one script call, the list is capped and numbered by the shared total, and a
 * Redis that cannot be reached loses entries but never fails a caller.
 */
class RedisRequestJournalTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  /** Flushed by hand only: the background writer would run within the hour. */
  private static final long BY_HAND = 3_600_000;

  private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123Z");

  private static JournalEntry entry(String method, String path, String query) {
    return new JournalEntry(0, AT, method, path, query, 200, 1.5);
  }

  private static JournalEntry lookup(int i) {
    return entry("GET", "/api/v1/Contacts", "secret=s" + i);
  }

  private static List<String> queries(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::query).toList();
  }

  @Test
  void keepsTheNewestUpToItsSizeNumberedByTheTotalNewestFirst() {
    RedisRequestJournal journal = new RedisRequestJournal(REDIS.freshStore(), 3, BY_HAND);
    for (int i = 1; i <= 5; i++) {
      journal.record(lookup(i));
      if (i % 2 == 0) {
        journal.flush();
      }
    }
    journal.flush();
    journal.record(lookup(6));

    List<JournalEntry> newest = journal.newest(10);
    assertThat(queries(newest)).containsExactly("secret=s6", "secret=s5", "secret=s4");
    assertThat(newest).extracting(JournalEntry::id).containsExactly(6L, 5L, 4L);
    assertThat(newest.get(0))
        .isEqualTo(new JournalEntry(6, AT, "GET", "/api/v1/Contacts", "secret=s6", 200, 1.5));
    assertThat(queries(journal.newest(2))).containsExactly("secret=s6", "secret=s5");
    assertThat(journal.total()).isEqualTo(6);
  }

  @Test
  void recordingQueuesOnlyAndAFlushIsOneRoundTripForTheWholeQueue() throws Exception {
    RedisRequestJournal journal = new RedisRequestJournal(REDIS.freshStore(), 100, BY_HAND);
    journal.record(lookup(0));
    journal.flush(); // the script is loaded

    assertThat(
            RedisMonitor.roundTrips(
                REDIS,
                () -> {
                  for (int i = 1; i <= 50; i++) {
                    journal.record(lookup(i));
                  }
                }))
        .isEmpty();
    assertThat(RedisMonitor.roundTrips(REDIS, journal::flush)).containsExactly("evalsha");
    assertThat(RedisMonitor.roundTrips(REDIS, journal::flush)).as("nothing queued").isEmpty();
    assertThat(journal.total()).isEqualTo(51);
  }

  @Test
  void moreQueuedThanItsSizeAreCountedButNotKept() {
    RedisRequestJournal journal = new RedisRequestJournal(REDIS.freshStore(), 2, BY_HAND);
    for (int i = 1; i <= 5; i++) {
      journal.record(lookup(i));
    }

    assertThat(journal.total()).isEqualTo(5);
    assertThat(queries(journal.newest(10))).containsExactly("secret=s2", "secret=s1");
    journal.record(lookup(6));
    journal.record(lookup(7));
    journal.record(lookup(8));
    assertThat(journal.total()).as("counted once").isEqualTo(8);
    assertThat(queries(journal.newest(10))).containsExactly("secret=s7", "secret=s6");
  }

  @Test
  void aResetEmptiesItForEveryReplicaAndDropsWhatIsQueued() {
    RedisStore store = REDIS.freshStore();
    RedisRequestJournal one = new RedisRequestJournal(store, 10, BY_HAND);
    RedisRequestJournal other = new RedisRequestJournal(store, 10, BY_HAND);
    one.record(lookup(1));
    other.record(lookup(2));
    assertThat(other.total()).isEqualTo(1);
    one.flush();
    assertThat(queries(other.newest(10))).containsExactly("secret=s1", "secret=s2");
    one.record(lookup(3));
    one.record(lookup(4));
    one.record(lookup(5));

    other.reset();
    one.reset();

    assertThat(one.newest(10)).isEmpty();
    assertThat(other.total()).isZero();
    one.record(lookup(6));
    assertThat(other.newest(10)).isEmpty();
    assertThat(one.newest(10)).extracting(JournalEntry::id).containsExactly(1L);
  }

  @Test
  void countsTheRequestsThatChangeWhatADashboardShows() {
    RedisRequestJournal journal = new RedisRequestJournal(REDIS.freshStore(), 10, BY_HAND);
    assertThat(journal.changes()).isZero();
    journal.record(entry("GET", "/__admin/journal", ""));
    journal.record(entry("POST", "/__admin/reset", ""));
    journal.record(lookup(1));
    journal.flush();

    assertThat(journal.changes()).isEqualTo(2);
    journal.reset();
    assertThat(journal.changes()).as("still moves on, never back").isEqualTo(2);
  }

  @Test
  void closingTheStoreWritesWhatIsQueuedAndStopsTheWriter() {
    RedisStore store = RedisStore.connect(REDIS.freshConfig());
    RedisRequestJournal journal = new RedisRequestJournal(store, 10, BY_HAND);
    journal.record(lookup(1));

    store.close();

    assertThat(REDIS.cli("LRANGE", store.key("journal"), "0", "-1")).contains("secret=s1");
    journal.record(lookup(2)); // queued only: no failure
  }

  @Test
  void withoutRedisEntriesAreLostAndNothingFailsThenItRecordsAgain() throws Exception {
    RedisRequestJournal journal = new RedisRequestJournal(REDIS.freshStore(), 10, BY_HAND);
    try (CapturedStandardError log = CapturedStandardError.start()) {
      REDIS.stop();
      try {
        journal.record(lookup(1));
        journal.flush();
        journal.record(lookup(2));
        journal.flush();
      } finally {
        REDIS.start();
      }
      long deadline = System.nanoTime() + 15_000_000_000L;
      List<JournalEntry> newest = List.of();
      while (newest.isEmpty()) {
        assertThat(System.nanoTime()).as("recording again within 15 s").isLessThan(deadline);
        journal.record(lookup(3));
        try {
          newest = journal.newest(10); // flushes first
        } catch (RuntimeException notYetReconnected) {
          // the 503 of a read while Redis is away
        }
      }

      assertThat(queries(newest)).contains("secret=s3").doesNotContain("secret=s1", "secret=s2");
      assertThat(log.text().split("journal: the state store cannot be reached", -1))
          .as("logged once for the outage")
          .hasSize(2);
      assertThat(log.text().split("journal: recording in the state store again", -1)).hasSize(2);
    }
  }
}
