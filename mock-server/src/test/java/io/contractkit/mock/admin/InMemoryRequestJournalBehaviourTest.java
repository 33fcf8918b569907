package io.contractkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal ring: newest first, bounded by its capacity, counting everything since reset. */
class InMemoryRequestJournalBehaviourTest {
  private static JournalEntry entry(String path) {
    return new JournalEntry(0, Instant.parse("2026-11-23T10:00:00Z"), "GET", path, "", 200, 0.5);
  }

  private static List<String> paths(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::path).toList();
  }

  @Test
  void keepsTheNewestEntriesUpToItsCapacityWithIncreasingIds() {
    InMemoryRequestJournal journal = new InMemoryRequestJournal(3);
    for (int i = 1; i <= 5; i++) {
      journal.record(entry("/" + i));
    }

    List<JournalEntry> newest = journal.newest(10);
    assertThat(paths(newest)).containsExactly("/5", "/4", "/3");
    assertThat(newest).extracting(JournalEntry::id).containsExactly(5L, 4L, 3L);
    assertThat(journal.total()).isEqualTo(5);
    assertThat(paths(journal.newest(2))).containsExactly("/5", "/4");
    assertThat(paths(journal.newest(1))).containsExactly("/5");
  }

  @Test
  void aFullRingBeforeWrappingHoldsEveryEntry() {
    InMemoryRequestJournal journal = new InMemoryRequestJournal(3);
    for (int i = 1; i <= 3; i++) {
      journal.record(entry("/" + i));
    }

    assertThat(paths(journal.newest(3))).containsExactly("/3", "/2", "/1");
  }

  @Test
  void resetForgetsEverythingAndIdsStartAgainAtOne() {
    InMemoryRequestJournal journal = new InMemoryRequestJournal(3);
    journal.record(entry("/1"));
    journal.record(entry("/2"));

    journal.reset();
    assertThat(journal.newest(10)).isEmpty();
    assertThat(journal.total()).isZero();

    journal.record(entry("/3"));
    assertThat(journal.newest(10)).extracting(JournalEntry::id).containsExactly(1L);
    assertThat(journal.total()).isEqualTo(1);
  }

  @Test
  void keepsEveryFieldOfAnEntry() {
    InMemoryRequestJournal journal = new InMemoryRequestJournal(1);
    Instant at = Instant.parse("2026-11-23T10:00:01.250Z");
    journal.record(new JournalEntry(99, at, "POST", "/p", "a=1", 202, 1.5));

    assertThat(journal.newest(1))
        .containsExactly(new JournalEntry(1, at, "POST", "/p", "a=1", 202, 1.5));
  }

  @Test
  void aCapacityOfOneIsTheSmallest() {
    assertThat(new InMemoryRequestJournal(1).newest(5)).isEmpty();
    assertThatThrownBy(() -> new InMemoryRequestJournal(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void keepsLongAndShortTargetsWholeWhenTheyShareASlot() {
    InMemoryRequestJournal journal = new InMemoryRequestJournal(1);
    Instant at = Instant.parse("2026-11-23T10:00:02.125Z");
    String longQuery = "secret=" + "x".repeat(InMemoryRequestJournal.INLINE_CHARS);
    String fits = "a=" + "y".repeat(InMemoryRequestJournal.INLINE_CHARS - "/p".length() - 2);

    journal.record(new JournalEntry(0, at, "GET", "/p", fits, 200, 0.5));
    assertThat(journal.newest(1))
        .containsExactly(new JournalEntry(1, at, "GET", "/p", fits, 200, 0.5));
    journal.record(new JournalEntry(0, at, "GET", "/long", longQuery, 404, 0.25));
    assertThat(journal.newest(1))
        .containsExactly(new JournalEntry(2, at, "GET", "/long", longQuery, 404, 0.25));
    journal.record(new JournalEntry(0, at, "DELETE", "/\u00e4", "q=\u00fc%20", 204, 2.0));
    assertThat(journal.newest(1))
        .containsExactly(new JournalEntry(3, at, "DELETE", "/\u00e4", "q=\u00fc%20", 204, 2.0));
    journal.record(new JournalEntry(0, at, "GET", "/", "", 200, 0.0));
    assertThat(journal.newest(5))
        .containsExactly(new JournalEntry(4, at, "GET", "/", "", 200, 0.0));
  }
}
