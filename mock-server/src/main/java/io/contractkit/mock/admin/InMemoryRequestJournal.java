package io.contractkit.mock.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed-size ring of the latest entries. Recording is one atomic increment and a copy into the
 * slot it selects, under that slot's lock: the slots and their character buffers are made once and
 * reused, so the journal never grows and a recorded request leaves no object behind. (Keeping each
 * request's entry, its {@code Instant} and its query string made the journal most of what every
 * young collection of the garbage collector had to copy: see {@code bench/README.md}.) A reset
 * starts a new ring, so entry ids start again at 1, as after a fresh start.
 */
public final class InMemoryRequestJournal implements RequestJournal {
  /** Path and query up to this many characters together are copied into the slot's buffer. */
  static final int INLINE_CHARS = 512;

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
    final Slot[] slots;
    final AtomicLong sequence = new AtomicLong();

    Ring(int capacity) {
      slots = new Slot[capacity];
      for (int i = 0; i < capacity; i++) {
        slots[i] = new Slot();
      }
    }

    Slot slot(long seq) {
      return slots[(int) (seq % slots.length)];
    }
  }

  /**
   * One recorded request, as primitives and characters; guarded by its own monitor, so that two
   * requests that land in one slot (more requests at once than the capacity) and a reader never see
   * half an entry.
   */
  private static final class Slot {
    private long id;
    private long epochSecond;
    private int nano;
    private int status;
    private double durationMillis;
    private String method;
    private char[] text;
    private int pathLength;
    private int queryLength;

    /** Path and query when they do not fit in {@link #text} (rare: a long query); else null. */
    private String longPath;

    private String longQuery;

    synchronized void write(long seq, JournalEntry entry) {
      id = seq;
      epochSecond = entry.timestamp().getEpochSecond();
      nano = entry.timestamp().getNano();
      status = entry.status();
      durationMillis = entry.durationMillis();
      // References are stored only when they change: each one stored into an object of the old
      // generation marks a card that the next young collection scans.
      if (method != entry.method()) {
        method = entry.method();
      }
      String path = entry.path();
      String query = entry.query();
      if (path.length() + query.length() <= INLINE_CHARS) {
        if (text == null) {
          text = new char[INLINE_CHARS];
        }
        path.getChars(0, path.length(), text, 0);
        query.getChars(0, query.length(), text, path.length());
        pathLength = path.length();
        queryLength = query.length();
        if (longPath != null) {
          longPath = null;
          longQuery = null;
        }
      } else {
        longPath = path;
        longQuery = query;
      }
    }

    /** The entry recorded as {@code seq}, or null when the slot holds another one. */
    synchronized JournalEntry read(long seq) {
      if (id != seq) {
        return null;
      }
      String path = longPath != null ? longPath : new String(text, 0, pathLength);
      String query = longPath != null ? longQuery : new String(text, pathLength, queryLength);
      return new JournalEntry(
          id,
          Instant.ofEpochSecond(epochSecond, nano),
          method,
          path,
          query,
          status,
          durationMillis);
    }
  }

  /** Records the entry under the next id (the entry's own id is ignored). */
  @Override
  public void record(JournalEntry entry) {
    Ring r = ring;
    long seq = r.sequence.incrementAndGet();
    r.slot(seq).write(seq, entry);
  }

  @Override
  public List<JournalEntry> newest(int limit) {
    Ring r = ring;
    long last = r.sequence.get();
    long floor = Math.max(0, last - capacity);
    List<JournalEntry> entries = new ArrayList<>(Math.min(limit, capacity));
    for (long seq = last; seq > floor && entries.size() < limit; seq--) {
      JournalEntry entry = r.slot(seq).read(seq);
      if (entry != null) {
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
}
