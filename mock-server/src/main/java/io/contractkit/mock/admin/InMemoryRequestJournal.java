package io.contractkit.mock.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A fixed-size ring of the latest entries: recording is one atomic increment and one array write,
 * so the journal costs the hot path almost nothing and never grows.
 */
public final class InMemoryRequestJournal implements RequestJournal {
  private final AtomicReferenceArray<JournalEntry> ring;
  private final AtomicLong sequence = new AtomicLong();
  private volatile long resetAt;

  public InMemoryRequestJournal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be at least 1");
    }
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  @Override
  public void record(JournalEntry entry) {
    long seq = sequence.incrementAndGet();
    ring.set((int) ((seq - 1) % ring.length()), withId(entry, seq));
  }

  @Override
  public List<JournalEntry> newest(int limit) {
    long last = sequence.get();
    long floor = Math.max(resetAt, last - ring.length());
    List<JournalEntry> entries = new ArrayList<>(Math.min(limit, ring.length()));
    for (long seq = last; seq > floor && entries.size() < limit; seq--) {
      JournalEntry entry = ring.get((int) ((seq - 1) % ring.length()));
      if (entry != null && entry.id() == seq) {
        entries.add(entry);
      }
    }
    return entries;
  }

  @Override
  public long total() {
    return sequence.get() - resetAt;
  }

  @Override
  public void reset() {
    resetAt = sequence.get();
  }

  private static JournalEntry withId(JournalEntry e, long id) {
    return new JournalEntry(
        id, e.timestamp(), e.method(), e.path(), e.query(), e.status(), e.durationMillis());
  }
}
