package io.contractkit.mock.store.redis;

import io.contractkit.mock.admin.JournalEntry;
import io.contractkit.mock.admin.RequestJournal;
import io.contractkit.mock.dashboard.ChangeFeed;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal in Redis, shared by every replica: a list capped at the journal's size ({@code
 * prefix:journal}, newest first, as JSON), the total ({@code prefix:journal:total}, which numbers
 * the entries) and a counter of the requests that changed what a dashboard shows ({@code
 * prefix:journal:changes}, which {@link ChangeFeed#pollSharedChanges} reads).
 *
 * <p><b>Off the request's path.</b> Recording only queues the entry (up to the journal's size; more
 * are counted in the total but not kept); a background thread writes what is queued every {@value
 * #FLUSH_MILLIS} ms as one script call, so under load a replica sends one call for many requests,
 * and no request waits for Redis on account of the journal. A read flushes the queue first, on the
 * same connection, so a client that has its answer finds its request in the journal of the replica
 * that answered it (another replica's within {@value #FLUSH_MILLIS} ms). When Redis cannot be
 * reached, the queued entries are lost (the requests were answered as usual), logged once per
 * outage.
 */
public final class RedisRequestJournal implements RequestJournal {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRequestJournal.class);

  static final long FLUSH_MILLIS = 20;

  /**
   * KEYS: list, total, changes. ARGV: capacity, changes, entries not kept, the entries oldest first
   * (each without its id). Numbers the entries from the total, pushes them, trims the list.
   */
  private static final RedisStore.Script RECORD =
      new RedisStore.Script(
          "local n = #ARGV - 3\n"
              + "local last = redis.call('INCRBY', KEYS[2], n + tonumber(ARGV[3]))\n"
              + "for i = 1, n do\n"
              + "  redis.call('LPUSH', KEYS[1],"
              + " '{\"id\":' .. (last - n + i) .. ',' .. string.sub(ARGV[3 + i], 2))\n"
              + "end\n"
              + "redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[1]) - 1)\n"
              + "redis.call('INCRBY', KEYS[3], ARGV[2])\n"
              + "return last\n");

  private final RedisStore redis;
  private final int capacity;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Queue<JournalEntry> queued = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong notKept = new AtomicLong();
  private final ScheduledExecutorService flusher;
  private boolean failing;

  /** With a thread that writes the queued entries every {@value #FLUSH_MILLIS} ms. */
  public RedisRequestJournal(RedisStore redis, int capacity) {
    this(redis, capacity, FLUSH_MILLIS);
  }

  /** Writing every {@code flushMillis} ms (tests: a long time, and {@link #flush} by hand). */
  RedisRequestJournal(RedisStore redis, int capacity, long flushMillis) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be at least 1");
    }
    this.redis = redis;
    this.capacity = capacity;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "journal-writer");
              thread.setDaemon(true);
              return thread;
            });
    flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    redis.closeFirst(this::close);
  }

  /** Queues the entry (its own id is ignored: Redis numbers it); never waits, never fails. */
  @Override
  public void record(JournalEntry entry) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      notKept.incrementAndGet();
      return;
    }
    queued.add(entry);
  }

  /** Writes the queued entries as one script call; when Redis fails, they are lost. */
  synchronized void flush() {
    List<JournalEntry> batch = new ArrayList<>();
    for (JournalEntry e = queued.poll(); e != null; e = queued.poll()) {
      batch.add(e);
      size.decrementAndGet();
    }
    long skipped = notKept.getAndSet(0);
    if (batch.isEmpty() && skipped == 0) {
      return;
    }
    List<String> args = new ArrayList<>(batch.size() + 3);
    args.add(String.valueOf(capacity));
    args.add(
        String.valueOf(
            batch.stream().filter(e -> ChangeFeed.changes(e.method(), e.path())).count()));
    args.add(String.valueOf(skipped));
    for (JournalEntry entry : batch) {
      ObjectNode node = json.valueToTree(entry);
      node.remove("id");
      args.add(json.writeValueAsString(node));
    }
    try {
      redis.runQuietly(
          RECORD,
          ScriptOutputType.INTEGER,
          new String[] {key(), key() + ":total", key() + ":changes"},
          args.toArray(String[]::new));
      if (failing) {
        failing = false;
        LOG.info("journal: recording in the state store again");
      }
    } catch (RedisException e) {
      if (!failing) {
        failing = true;
        LOG.warn(
            "journal: the state store cannot be reached; requests answered until it is back are"
                + " not journaled ({})",
            e.getMessage());
      }
    }
  }

  private String key() {
    return redis.key("journal");
  }

  @Override
  public List<JournalEntry> newest(int limit) {
    flush();
    List<String> kept = redis.call(c -> c.lrange(key(), 0, Math.min(limit, capacity) - 1));
    List<JournalEntry> entries = new ArrayList<>(kept.size());
    for (String entry : kept) {
      entries.add(json.readValue(entry, JournalEntry.class));
    }
    return entries;
  }

  @Override
  public long total() {
    flush();
    return number(redis.call(c -> c.get(key() + ":total")));
  }

  /**
   * The requests that changed what a dashboard shows, over every replica (a counter that moves).
   *
   * @throws RedisException when Redis cannot be reached (logged by nobody: the next poll retries)
   */
  public long changes() {
    return number(redis.callQuietly(c -> c.get(key() + ":changes")));
  }

  private static long number(String value) {
    return value == null ? 0 : Long.parseLong(value);
  }

  /**
   * Empties the journal of every replica. Entries queued here are dropped; a request that another
   * replica answered while the reset ran may be listed after it.
   */
  @Override
  public synchronized void reset() {
    for (JournalEntry e = queued.poll(); e != null; e = queued.poll()) {
      size.decrementAndGet();
    }
    notKept.set(0);
    redis.execute(c -> c.del(key(), key() + ":total"));
  }

  /** Stops the writer, after writing what is queued. */
  void close() {
    flusher.shutdownNow();
    flush();
  }
}
