package io.contractkit.mock.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A fixed-size ring of the latest entries: recording is one atomic increment and one array write,
 * so the journal costs the hot path almost nothing and never grows. A reset starts a new ring, so
 * entry ids start again at 1, as after a fresh start.
 */
public final class InMemoryRequestJournal implements RequestJournal {
  private final int capacity;
  private volatile Ring ring;

  public InMemoryRequestJournal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be at least 1");
    }
    this.capacity = capacity;
    this.ring = new Ring(capacity);
  }

  /** One generation of the journal, from start or from a reset. */
  private static final class Ring {
    final AtomicReferenceArray<JournalEntry> slots;
    final AtomicLong sequence = new AtomicLong();

    Ring(int capacity) {
      slots = new AtomicReferenceArray<>(capacity);
    }

    int slot(long seq) {
      return (int) (seq % slots.length());
    }
  }

  @Override
  public void record(JournalEntry entry) {
    Ring r = ring;
    long seq = r.sequence.incrementAndGet();
    r.slots.set(r.slot(seq), withId(entry, seq));
  }

  @Override
  public List<JournalEntry> newest(int limit) {
    Ring r = ring;
    long last = r.sequence.get();
    long floor = Math.max(0, last - capacity);
    List<JournalEntry> entries = new ArrayList<>(Math.min(limit, capacity));
    for (long seq = last; seq > floor && entries.size() < limit; seq--) {
      JournalEntry entry = r.slots.get(r.slot(seq));
      if (entry != null && entry.id() == seq) {
        entries.add(entry);
      }
    }
    return entries;
  }

  @Override
  public long total() {
    return ring.sequence.get();
  }

  /** A request recorded while the reset happens may land in the old ring and not be listed. */
  @Override
  public void reset() {
    ring = new Ring(capacity);
  }

  private static JournalEntry withId(JournalEntry e, long id) {
    return new JournalEntry(
        id, e.timestamp(), e.method(), e.path(), e.query(), e.status(), e.durationMillis());
  }
}
