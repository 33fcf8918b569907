package io.contractkit.mock.contacts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Per-ip sliding-window throttle, on epoch milliseconds of the injected clock. A failure is one
 * atomic step under its ip's lock (refuse while blocked, else count and maybe block), so N
 * concurrent wrong lookups can never get more than {@code maxFailures} 404s; a found secret only
 * reads.
 *
 * <p>The state is a hash table of primitive arrays (open addressing, linear probing), split into
 * {@value #SEGMENTS} segments with a lock each; there is no object per ip, except the earlier
 * failure times of an ip with more than one failure in its window. Every request of a flood of
 * wrong secrets from distinct ips adds an ip; as objects, 100,000 of them would be live data that
 * each young collection of the garbage collector copies, with every request thread stopped (the
 * benchmark measured pauses of 7-10 ms against the bare stack's 1 ms: {@code bench/README.md}). An
 * ip is forgotten once nothing about it matters any more (its failures have left the window and its
 * block has ended): such entries are purged when a segment would otherwise grow or is full, and by
 * {@link #trackedIps()}. A full table makes room by forgetting, among a few ips near the new one,
 * the one whose state lapses soonest, so a flood of single failures does not lift a recent block.
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
    long hash = hash(ip);
    Segment segment = segmentOf(hash);
    long left;
    synchronized (segment) {
      left = segment.blockedFor(ip.high(), ip.low(), hash, clock.millis());
    }
    return left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
  }

  @Override
  public Optional<Duration> failed(IpAddress ip) {
    long hash = hash(ip);
    Segment segment = segmentOf(hash);
    long refusedFor;
    synchronized (segment) {
      refusedFor = segment.failed(ip.high(), ip.low(), hash, clock.millis());
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

  private Segment segmentOf(long hash) {
    return segments[(int) (hash >>> SEGMENT_SHIFT)];
  }

  private long hash(IpAddress ip) {
    return hash(ip.high(), ip.low());
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
   * One lock's share of the ips: parallel arrays indexed by slot, a slot free while its {@code
   * expires} is 0. Deletion shifts the rest of a probe run back, so there are no tombstones. Every
   * method runs under the segment's monitor.
   */
  private final class Segment {
    private int size;
    private int insertsSincePurge;
    private long[] high;
    private long[] low;

    /** 0: free slot; else the time after which nothing about the ip matters any more. */
    private long[] expires;

    /** The end of the ip's block; not blocked when it has passed (0: never blocked). */
    private long[] blockedUntil;

    /** The latest failure in the window, when {@code count} is at least 1. */
    private long[] newest;

    /** Failures in the window, as of the latest one. */
    private int[] count;

    /** The {@code count - 1} failures before the latest, oldest first; null when count < 2. */
    private long[][] earlier;

    Segment() {
      allocate(MIN_SLOTS);
    }

    void clear() {
      allocate(MIN_SLOTS);
      size = 0;
      insertsSincePurge = 0;
    }

    long blockedFor(long h, long l, long hash, long now) {
      int slot = find(h, l, hash);
      return slot < 0 ? 0 : Math.max(0, blockedUntil[slot] - now);
    }

    /** The time the failure is refused for (blocked), or 0 when it was counted. */
    long failed(long h, long l, long hash, long now) {
      int slot = find(h, l, hash);
      if (slot >= 0) {
        long left = blockedUntil[slot] - now;
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
     * Counts a failure at {@code now}: failures that have left the window no longer count (an entry
     * whose state has lapsed has none left), and the one that fills the budget starts the block,
     * with a fresh budget after it.
     */
    private void count(int slot, long now) {
      long cutoff = now - windowMillis;
      int held = count[slot];
      int first = 0;
      while (first < held && failureAt(slot, first) <= cutoff) {
        first++;
      }
      int recent = held - first;
      if (recent + 1 >= maxFailures) {
        blockedUntil[slot] = now + blockMillis;
        expires[slot] = blockedUntil[slot];
        count[slot] = 0;
        newest[slot] = 0;
        setEarlier(slot, null);
        return;
      }
      long[] kept = null;
      if (recent > 0) {
        kept = new long[recent];
        for (int k = 0; k < recent; k++) {
          kept[k] = failureAt(slot, first + k);
        }
      }
      setEarlier(slot, kept);
      newest[slot] = now;
      count[slot] = recent + 1;
      blockedUntil[slot] = 0;
      expires[slot] = now + windowMillis;
    }

    /**
     * Stores only a change: every reference stored into these arrays, which live in the old
     * generation, marks its card for the next young collection to scan, and most ips never have
     * earlier failures.
     */
    private void setEarlier(int slot, long[] times) {
      if (earlier[slot] != times) {
        earlier[slot] = times;
      }
    }

    /** The k-th failure held for the slot, oldest first. */
    private long failureAt(int slot, int k) {
      return k == count[slot] - 1 ? newest[slot] : earlier[slot][k];
    }

    /** The slot of the ip, or {@code -1 - s} where s is the free slot that ends its probe run. */
    private int find(long h, long l, long hash) {
      int mask = expires.length - 1;
      int slot = (int) hash & mask;
      while (expires[slot] != 0) {
        if (high[slot] == h && low[slot] == l) {
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
      } else if (size + 1 > expires.length / 2) {
        purge(now);
        if (size + 1 > expires.length / 4 && expires.length < MAX_SLOTS) {
          resize(expires.length * 2);
        }
      }
      int slot = -1 - find(h, l, hash);
      high[slot] = h;
      low[slot] = l;
      expires[slot] = now + windowMillis; // occupied; count() sets the real value
      blockedUntil[slot] = 0;
      newest[slot] = 0;
      count[slot] = 0; // earlier[slot] is null: remove() clears it when it frees a slot
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
      while (slot < expires.length) {
        if (expires[slot] != 0 && expires[slot] <= now) {
          remove(slot);
        } else {
          slot++;
        }
      }
      insertsSincePurge = 0;
      if (expires.length > MIN_SLOTS && size < expires.length / 8) {
        // the smallest power of two at least 4 * size: a load of at most 1/4
        resize(Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, size * 4 - 1)) << 1));
      }
    }

    /**
     * Among the first held ips from the new ip's home slot on, forgets the one that lapses first.
     */
    private void evictNear(long hash) {
      int mask = expires.length - 1;
      int slot = (int) hash & mask;
      int victim = -1;
      for (int seen = 0; seen < EVICTION_SAMPLE; slot = (slot + 1) & mask) {
        if (expires[slot] != 0) {
          if (victim < 0 || expires[slot] < expires[victim]) {
            victim = slot;
          }
          seen++;
        }
      }
      remove(victim);
    }

    /** Frees the slot and shifts back the later entries of its probe run that may move into it. */
    private void remove(int slot) {
      int mask = expires.length - 1;
      int hole = slot;
      for (int next = (slot + 1) & mask; expires[next] != 0; next = (next + 1) & mask) {
        int home = (int) hash(high[next], low[next]) & mask;
        if (((next - home) & mask) >= ((next - hole) & mask)) {
          move(next, hole);
          hole = next;
        }
      }
      expires[hole] = 0;
      setEarlier(hole, null);
      size--;
    }

    private void move(int from, int to) {
      high[to] = high[from];
      low[to] = low[from];
      expires[to] = expires[from];
      blockedUntil[to] = blockedUntil[from];
      newest[to] = newest[from];
      count[to] = count[from];
      setEarlier(to, earlier[from]);
    }

    private void resize(int slots) {
      long[] oldHigh = high;
      long[] oldLow = low;
      long[] oldExpires = expires;
      long[] oldBlockedUntil = blockedUntil;
      long[] oldNewest = newest;
      int[] oldCount = count;
      long[][] oldEarlier = earlier;
      allocate(slots);
      for (int from = 0; from < oldExpires.length; from++) {
        if (oldExpires[from] != 0) {
          int to = -1 - find(oldHigh[from], oldLow[from], hash(oldHigh[from], oldLow[from]));
          high[to] = oldHigh[from];
          low[to] = oldLow[from];
          expires[to] = oldExpires[from];
          blockedUntil[to] = oldBlockedUntil[from];
          newest[to] = oldNewest[from];
          count[to] = oldCount[from];
          earlier[to] = oldEarlier[from];
        }
      }
    }

    private void allocate(int slots) {
      high = new long[slots];
      low = new long[slots];
      expires = new long[slots];
      blockedUntil = new long[slots];
      newest = new long[slots];
      count = new int[slots];
      earlier = new long[slots][];
    }
  }
}
