package io.contractkit.mock.contacts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Per-ip sliding-window throttle, on epoch milliseconds of the injected clock. A failure is one
 * atomic step under its ip's lock (refuse while blocked, else count and maybe block), so N
 * concurrent wrong lookups can never get more than {@code maxFailures} 404s; a found secret only
 * reads.
 *
 * <p>The state is a hash table in primitive arrays (open addressing, linear probing), split into
 * {@value #SEGMENTS} segments with a lock each; there is no object per ip, except the earlier
 * failure times of an ip with more than one failure in its window. Every request of a flood of
 * wrong secrets from distinct ips adds an ip; as objects, 100,000 of them would be live data that
 * each young collection of the garbage collector copies, with every request thread stopped (the
 * benchmark measured pauses of 7-10 ms against the bare stack's 1 ms: {@code bench/README.md}). An
 * ip is forgotten once nothing about it matters any more (its failures have left the window and its
 * block has ended): such entries are purged when a segment would otherwise grow or is full, and by
 * {@link #trackedIps()}. A full table makes room by forgetting, among a few ips near the new one,
 * the one whose state lapses soonest, so a flood of single failures does not lift a recent block.
 *
 * <p>The clock may be set back (the admin API steers it). What was recorded at a time the clock has
 * not reached again counts as recorded now: a block lasts at most one block length from now (so
 * {@code Retry-After} never exceeds it and is never negative), and failures count until one window
 * from now.
 */
public final class InMemoryBruteForceThrottle implements BruteForceThrottle {
  /**
   * An upper bound on tracked ips. About 13 MB of heap when full, plus the earlier failure times of
   * ips with more than one failure in their window (at most {@code maxFailures - 2} each).
   */
  public static final long MAX_TRACKED_IPS = 100_000;

  private static final int SEGMENTS = 16;
  private static final int SEGMENT_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SEGMENTS);
  private static final int MAX_PER_SEGMENT = (int) (MAX_TRACKED_IPS / SEGMENTS);

  /** A power of two at least twice {@link #MAX_PER_SEGMENT}: the load factor stays at most 1/2. */
  private static final int MAX_SLOTS = Integer.highestOneBit(MAX_PER_SEGMENT * 4 - 1);

  private static final int MIN_SLOTS = 16;

  /** How many held ips near a new one a full segment compares to choose the one to forget. */
  private static final int EVICTION_SAMPLE = 8;

  private final Clock clock;
  private final int maxFailures;
  private final long windowMillis;
  private final long blockMillis;

  /** Mixed into every hash, so that ips that collide cannot be chosen from outside. */
  private final long seed;

  private final Segment[] segments = new Segment[SEGMENTS];

  public InMemoryBruteForceThrottle(Clock clock, ThrottlePolicy policy) {
    this(clock, policy, ThreadLocalRandom.current().nextLong());
  }

  /** With a fixed hash seed, so that a test's run of ips lands in the same slots every time. */
  InMemoryBruteForceThrottle(Clock clock, ThrottlePolicy policy, long seed) {
    this.seed = seed;
    this.clock = clock;
    this.maxFailures = policy.maxFailures();
    this.windowMillis = ceilMillis(policy.window());
    this.blockMillis = ceilMillis(policy.block());
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment();
    }
  }

  /**
   * How many ips are tracked, after forgetting those whose window and block have passed on the
   * clock: never more than {@link #MAX_TRACKED_IPS}.
   */
  public long trackedIps() {
    long tracked = 0;
    for (Segment segment : segments) {
      synchronized (segment) {
        segment.purge(clock.millis());
        tracked += segment.size;
      }
    }
    return tracked;
  }

  @Override
  public Optional<Duration> blockedFor(IpAddress ip) {
    return inSegment(ip, Segment::blockedFor);
  }

  @Override
  public Optional<Duration> failed(IpAddress ip) {
    return inSegment(ip, Segment::failed);
  }

  @Override
  public List<TrackedIp> tracked(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    // The first `limit` in the documented order, kept in a heap whose head is the last of them.
    Comparator<Row> order = Row.ORDER;
    PriorityQueue<Row> first = new PriorityQueue<>(Math.min(limit, 1024), order.reversed());
    for (Segment segment : segments) {
      synchronized (segment) {
        long now = clock.millis();
        segment.purge(now);
        segment.rows(
            now,
            row -> {
              if (first.size() < limit) {
                first.add(row);
              } else if (order.compare(row, first.peek()) < 0) {
                first.poll();
                first.add(row);
              }
            });
      }
    }
    List<Row> rows = new ArrayList<>(first);
    rows.sort(order);
    return rows.stream()
        .map(
            r ->
                new TrackedIp(
                    new IpAddress(r.high, r.low), r.failures, Duration.ofMillis(r.blockedMillis)))
        .toList();
  }

  @Override
  public boolean forget(IpAddress ip) {
    long hash = hash(ip.high(), ip.low());
    Segment segment = segments[(int) (hash >>> SEGMENT_SHIFT)];
    synchronized (segment) {
      return segment.forget(ip.high(), ip.low(), hash, clock.millis());
    }
  }

  /** One tracked ip as {@link #tracked} orders it. */
  private record Row(long high, long low, int failures, long blockedMillis) {
    static final Comparator<Row> ORDER =
        Comparator.comparingLong(Row::blockedMillis)
            .reversed()
            .thenComparing(Comparator.comparingInt(Row::failures).reversed())
            .thenComparingLong(Row::high)
            .thenComparingLong(Row::low);
  }

  /** A call on one ip's segment: the milliseconds its ip is refused for, or 0. */
  @FunctionalInterface
  private interface SegmentCall {
    long millis(Segment segment, long high, long low, long hash, long now);
  }

  /** Runs the call under the lock of the ip's segment, at the clock's time. */
  private Optional<Duration> inSegment(IpAddress ip, SegmentCall call) {
    long hash = hash(ip.high(), ip.low());
    Segment segment = segments[(int) (hash >>> SEGMENT_SHIFT)];
    long refusedFor;
    synchronized (segment) {
      refusedFor = call.millis(segment, ip.high(), ip.low(), hash, clock.millis());
    }
    return refusedFor > 0 ? Optional.of(Duration.ofMillis(refusedFor)) : Optional.empty();
  }

  @Override
  public void reset() {
    for (Segment segment : segments) {
      synchronized (segment) {
        segment.clear();
      }
    }
  }

  /** A 64-bit mix of the address and the seed (MurmurHash3's finalizer). */
  private long hash(long high, long low) {
    long h = (high ^ seed) * 0x9E3779B97F4A7C15L + low;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static long ceilMillis(Duration d) {
    long millis = d.toMillis();
    return d.equals(Duration.ofMillis(millis)) ? millis : millis + 1;
  }

  /**
   * One lock's share of the ips: a slot is {@value #STRIDE} longs of one array (the address, when
   * the ip's state lapses, the end of its block, its latest failure and how many failures it has in
   * the window), so that looking at a slot touches one or two cache lines, not one per field. A
   * slot is free while its {@code EXPIRES} is 0. Deletion shifts the rest of a probe run back, so
   * there are no tombstones. Every method runs under the segment's monitor.
   */
  private final class Segment {
    private static final int HIGH = 0;
    private static final int LOW = 1;

    /** 0: free slot; else the time after which nothing about the ip matters any more. */
    private static final int EXPIRES = 2;

    /** The end of the ip's block; not blocked when it has passed (0: never blocked). */
    private static final int BLOCKED_UNTIL = 3;

    /** The latest failure in the window, when {@code COUNT} is at least 1. */
    private static final int NEWEST = 4;

    /** Failures in the window, as of the latest one. */
    private static final int COUNT = 5;

    private static final int STRIDE = 6;

    private int size;
    private int insertsSincePurge;
    private int slots;
    private long[] cells;

    /**
     * Per slot, the {@code COUNT - 1} failures before the latest, oldest first: non-null exactly
     * when the slot is held with a count of at least 2, so an ip with one failure never reads it.
     */
    private long[][] earlier;

    Segment() {
      clear();
    }

    void clear() {
      allocate(MIN_SLOTS);
      size = 0;
      insertsSincePurge = 0;
    }

    long blockedFor(long h, long l, long hash, long now) {
      int slot = find(h, l, hash);
      return slot < 0 ? 0 : blockLeft(slot, now);
    }

    /** Every held ip; the caller has purged those that lapsed by {@code now}. */
    void rows(long now, Consumer<Row> sink) {
      long cutoff = now - windowMillis;
      for (int slot = 0; slot < slots; slot++) {
        int at = slot * STRIDE;
        if (cells[at + EXPIRES] != 0) {
          int held = (int) cells[at + COUNT];
          int recent = 0;
          for (int k = 0; k < held; k++) {
            if (failureAt(slot, held, k) > cutoff) {
              recent++;
            }
          }
          long blocked = Math.max(0, cells[at + BLOCKED_UNTIL] - now);
          sink.accept(new Row(cells[at + HIGH], cells[at + LOW], recent, blocked));
        }
      }
    }

    /** Forgets the ip; whether it still had failures in the window or a block. */
    boolean forget(long h, long l, long hash, long now) {
      int slot = find(h, l, hash);
      if (slot < 0) {
        return false;
      }
      boolean live = cells[slot * STRIDE + EXPIRES] > now;
      remove(slot);
      return live;
    }

    /** The time the failure is refused for (blocked), or 0 when it was counted. */
    long failed(long h, long l, long hash, long now) {
      int slot = find(h, l, hash);
      if (slot >= 0) {
        long left = blockLeft(slot, now);
        if (left > 0) {
          return left;
        }
      } else {
        slot = insert(h, l, hash, now);
      }
      count(slot, now);
      return 0;
    }

    /**
     * How long the ip's block lasts from {@code now}, or 0. A block that would last longer than a
     * block length (the clock was set back since it began) ends one block length from now.
     */
    private long blockLeft(int slot, long now) {
      int at = slot * STRIDE;
      long left = cells[at + BLOCKED_UNTIL] - now;
      if (left > blockMillis) {
        cells[at + BLOCKED_UNTIL] = now + blockMillis;
        cells[at + EXPIRES] = now + blockMillis;
        return blockMillis;
      }
      return Math.max(0, left);
    }

    /**
     * Counts a failure at {@code now}: failures that have left the window no longer count (an entry
     * whose state has lapsed has none left), and the one that fills the budget starts the block,
     * with a fresh budget after it.
     */
    private void count(int slot, long now) {
      int at = slot * STRIDE;
      long cutoff = now - windowMillis;
      int held = (int) cells[at + COUNT];
      int first = 0;
      while (first < held && failureAt(slot, held, first) <= cutoff) {
        first++;
      }
      int recent = held - first;
      long[] kept = null;
      if (recent + 1 >= maxFailures) {
        cells[at + BLOCKED_UNTIL] = now + blockMillis;
        cells[at + EXPIRES] = now + blockMillis;
        cells[at + COUNT] = 0;
        cells[at + NEWEST] = 0;
      } else {
        if (recent > 0) {
          kept = new long[recent];
          for (int k = 0; k < recent; k++) {
            // A failure recorded at a time the clock has not reached again counts as made now.
            kept[k] = Math.min(failureAt(slot, held, first + k), now);
          }
        }
        cells[at + NEWEST] = now;
        cells[at + COUNT] = recent + 1;
        cells[at + BLOCKED_UNTIL] = 0;
        cells[at + EXPIRES] = now + windowMillis;
      }
      // Stored only when it changes: each reference stored into this array, which lives in the old
      // generation, marks a card that the next young collection scans.
      if (held >= 2 || kept != null) {
        earlier[slot] = kept;
      }
    }

    /** The k-th of the {@code held} failures of the slot, oldest first. */
    private long failureAt(int slot, int held, int k) {
      return k == held - 1 ? cells[slot * STRIDE + NEWEST] : earlier[slot][k];
    }

    /** The slot of the ip, or {@code -1 - s} where s is the free slot that ends its probe run. */
    private int find(long h, long l, long hash) {
      int mask = slots - 1;
      int slot = (int) hash & mask;
      while (cells[slot * STRIDE + EXPIRES] != 0) {
        int at = slot * STRIDE;
        if (cells[at + HIGH] == h && cells[at + LOW] == l) {
          return slot;
        }
        slot = (slot + 1) & mask;
      }
      return -1 - slot;
    }

    /** A new slot for the ip, with no failures and no block. */
    private int insert(long h, long l, long hash, long now) {
      if (size >= MAX_PER_SEGMENT) {
        if (insertsSincePurge >= MAX_PER_SEGMENT / 4) {
          purge(now);
        }
        if (size >= MAX_PER_SEGMENT) {
          evictNear(hash);
        }
      } else if (size + 1 > slots / 2) {
        purge(now);
        if (size + 1 > slots / 4 && slots < MAX_SLOTS) {
          resize(slots * 2);
        }
      }
      int slot = -1 - find(h, l, hash);
      int at = slot * STRIDE;
      cells[at + HIGH] = h;
      cells[at + LOW] = l;
      cells[at + EXPIRES] = now + windowMillis; // held; count() sets the real value
      cells[at + BLOCKED_UNTIL] = 0;
      cells[at + NEWEST] = 0;
      cells[at + COUNT] = 0; // earlier[slot] is null: remove() clears it when it frees a slot
      size++;
      insertsSincePurge++;
      return slot;
    }

    /**
     * Forgets every ip whose state has lapsed, and gives memory back when few are left. A removal
     * shifts a later entry of the probe run into the slot, so the slot is looked at again; entries
     * of a run that wraps around to the start were looked at already and are live.
     */
    void purge(long now) {
      int slot = 0;
      while (slot < slots) {
        long expires = cells[slot * STRIDE + EXPIRES];
        if (expires != 0 && expires <= now) {
          remove(slot);
        } else {
          slot++;
        }
      }
      insertsSincePurge = 0;
      if (slots > MIN_SLOTS && size < slots / 8) {
        // the smallest power of two at least 4 * size: a load of at most 1/4
        resize(Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, size * 4 - 1)) << 1));
      }
    }

    /**
     * Among the first held ips from the new ip's home slot on, forgets the one that lapses first.
     */
    private void evictNear(long hash) {
      int mask = slots - 1;
      int slot = (int) hash & mask;
      int victim = -1;
      long soonest = Long.MAX_VALUE;
      for (int seen = 0; seen < EVICTION_SAMPLE; slot = (slot + 1) & mask) {
        long expires = cells[slot * STRIDE + EXPIRES];
        if (expires != 0) {
          if (victim < 0 || expires < soonest) {
            victim = slot;
            soonest = expires;
          }
          seen++;
        }
      }
      remove(victim);
    }

    /** Frees the slot and shifts back the later entries of its probe run that may move into it. */
    private void remove(int slot) {
      int mask = slots - 1;
      int hole = slot;
      for (int next = (slot + 1) & mask;
          cells[next * STRIDE + EXPIRES] != 0;
          next = (next + 1) & mask) {
        int home = (int) hash(cells[next * STRIDE + HIGH], cells[next * STRIDE + LOW]) & mask;
        if (((next - home) & mask) >= ((next - hole) & mask)) {
          System.arraycopy(cells, next * STRIDE, cells, hole * STRIDE, STRIDE);
          if (earlier[hole] != earlier[next]) {
            earlier[hole] = earlier[next];
          }
          hole = next;
        }
      }
      cells[hole * STRIDE + EXPIRES] = 0;
      if (earlier[hole] != null) {
        earlier[hole] = null;
      }
      size--;
    }

    private void resize(int newSlots) {
      long[] oldCells = cells;
      long[][] oldEarlier = earlier;
      int oldSlots = slots;
      allocate(newSlots);
      for (int from = 0; from < oldSlots; from++) {
        int at = from * STRIDE;
        if (oldCells[at + EXPIRES] != 0) {
          long h = oldCells[at + HIGH];
          long l = oldCells[at + LOW];
          int to = -1 - find(h, l, hash(h, l));
          System.arraycopy(oldCells, at, cells, to * STRIDE, STRIDE);
          earlier[to] = oldEarlier[from];
        }
      }
    }

    private void allocate(int newSlots) {
      slots = newSlots;
      cells = new long[newSlots * STRIDE];
      earlier = new long[newSlots][];
    }
  }
}
