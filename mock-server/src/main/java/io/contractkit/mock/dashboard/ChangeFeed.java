package io.contractkit.mock.dashboard;

import io.contractkit.mock.admin.AdminAccess;
import io.contractkit.mock.http.ApiProblem;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Tells open dashboards what changed, over server-sent events ({@code GET /__admin/events}): an
 * event {@code changed} whose data names the topics and the mock's clock ({@code
 * {"topics":["outbox","journal"],"now":"2026-11-23T10:00:00Z"}}, so that a page counts down times
 * on the mock's clock, not its own); the page then reads what it shows through the admin API, as
 * any client would. The events carry no data of their own, so a stream shows nothing the admin API
 * would not. A new stream first gets every topic.
 *
 * <p><b>Cost on the APIs' hot path.</b> Every answered request calls {@link #answered}: without an
 * open stream that is one volatile read. With one, a request marks its topics pending (a CAS only
 * when a topic was not pending yet), and one timer thread sends the pending topics at most every
 * {@value #COALESCE_MILLIS} ms, however many requests arrive: under load a dashboard refreshes a
 * few times a second, not once per request.
 *
 * <p><b>Bounded.</b> At most {@link #maxStreams} streams are open at once; the next one gets 503.
 * Every {@value #HEARTBEAT_SECONDS} s each stream gets a comment line, so a stream whose page went
 * away without closing the connection fails its write and is closed; {@link #close} (the mock's
 * stop) ends every stream.
 */
public final class ChangeFeed implements AutoCloseable {
  static final long COALESCE_MILLIS = 250;
  static final long HEARTBEAT_SECONDS = 15;
  static final long POLL_MILLIS = 1000;

  /** What a dashboard shows, as the topics of an event. */
  public enum Topic {
    OUTBOX,
    JOURNAL,
    THROTTLE,
    TOKENS,
    FAULTS,
    /** Everything else the admin API changes: a reset, the clock, test data, fixtures. */
    STATE;

    final int bit = 1 << ordinal();

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final int ALL = (1 << Topic.values().length) - 1;

  private final int maxStreams;
  private final Clock clock;
  private final Set<SseClient> streams = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final ScheduledExecutorService timer;
  private final SseHandler handler = new SseHandler(this::opened);
  private volatile boolean watched;

  public ChangeFeed(int maxStreams, Clock clock) {
    this(
        maxStreams,
        clock,
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "dashboard-events");
              thread.setDaemon(true);
              return thread;
            }));
  }

  /** With the timer that sends the events and the heartbeats, which {@link #close} shuts down. */
  ChangeFeed(int maxStreams, Clock clock, ScheduledExecutorService timer) {
    this.maxStreams = maxStreams;
    this.clock = clock;
    this.timer = timer;
    timer.scheduleAtFixedRate(
        this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  /** Whether a dashboard has a stream open. */
  public boolean watched() {
    return watched;
  }

  /** How many streams are open. */
  public int streams() {
    return open.get();
  }

  /**
   * A request was answered: marks the topics it may have changed. Reads of the admin API change
   * nothing (and a dashboard's own reads must not wake it again).
   */
  public void answered(String method, String path) {
    if (!watched) {
      return;
    }
    int topics = topicsOf(method, path);
    if (topics != 0) {
      changed(topics);
    }
  }

  /** Whether an answered request may have changed what a dashboard shows. */
  public static boolean changes(String method, String path) {
    return topicsOf(method, path) != 0;
  }

  static int topicsOf(String method, String path) {
    if (AdminAccess.isAdminPath(path)) {
      boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
      return read ? 0 : ALL;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    int topics = Topic.JOURNAL.bit | Topic.FAULTS.bit;
    if (lower.startsWith("/api/v1/contacts")) {
      topics |= Topic.THROTTLE.bit;
    } else if (lower.startsWith("/lms/leads/bytoken/authtoken")) {
      topics |= Topic.OUTBOX.bit | Topic.TOKENS.bit;
    } else if (lower.startsWith("/lms/leads/bytoken/contact")) {
      topics |= Topic.TOKENS.bit;
    }
    return topics;
  }

  /**
   * Also tells the dashboards of what other replicas changed: while a stream is open, reads {@code
   * sharedChanges} (a counter of the requests that changed something, which every replica counts up
   * in the shared store) every {@value #POLL_MILLIS} ms, and sends every topic when it moved (so
   * also once at the first poll after a stream opened). A read that fails (the store cannot be
   * reached) is tried again at the next poll. Without a stream, nothing is read.
   */
  public void pollSharedChanges(LongSupplier sharedChanges) {
    long[] seen = {-1};
    timer.scheduleWithFixedDelay(
        () -> {
          if (!watched) {
            return;
          }
          try {
            long now = sharedChanges.getAsLong();
            if (now != seen[0]) {
              seen[0] = now;
              changed(ALL);
            }
          } catch (RuntimeException unreachable) {
            // the next poll tries again
          }
        },
        POLL_MILLIS,
        POLL_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** Marks the topics pending; the first pending topic schedules the next event. */
  void changed(int topics) {
    if ((pending.get() & topics) == topics) {
      return; // already pending: no write on the hot path
    }
    if (pending.getAndUpdate(p -> p | topics) == 0) {
      timer.schedule(this::flush, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends the pending topics to every stream (the timer calls it). */
  void flush() {
    int topics = pending.getAndSet(0);
    if (topics != 0) {
      broadcast("changed", event(topics));
    }
  }

  private String event(int topics) {
    return "{\"topics\":" + json(topics) + ",\"now\":\"" + clock.instant() + "\"}";
  }

  static String json(int topics) {
    List<String> names = new ArrayList<>();
    for (Topic topic : Topic.values()) {
      if ((topics & topic.bit) != 0) {
        names.add('"' + topic.wireName() + '"');
      }
    }
    return "[" + String.join(",", names) + "]";
  }

  private void broadcast(String event, String data) {
    for (SseClient client : streams) {
      client.sendEvent(event, data);
    }
  }

  private void heartbeat() {
    for (SseClient client : streams) {
      client.sendComment("keep-alive");
    }
  }

  /** {@code GET /__admin/events}: opens a stream, or 503 when {@link #maxStreams} are open. */
  public void stream(Context ctx) throws Exception {
    if (!"text/event-stream".equals(ctx.header("Accept"))) {
      throw ApiProblem.badRequest("The event stream needs the header 'Accept: text/event-stream'.");
    }
    if (open.incrementAndGet() > maxStreams) {
      open.decrementAndGet();
      throw ApiProblem.unavailable(
          "The mock already has "
              + maxStreams
              + " dashboard streams open; close a dashboard tab, or wait until one closes.");
    }
    try {
      handler.handle(ctx); // the stream is counted until it closes (closed)
    } catch (Exception | Error e) {
      open.decrementAndGet();
      throw e;
    }
  }

  private void opened(SseClient client) {
    client.keepAlive();
    client.onClose(() -> closed(client));
    synchronized (streams) {
      streams.add(client);
      watched = true;
    }
    // Tells the page the stream is open (and that everything may have changed meanwhile).
    client.sendEvent("changed", event(ALL));
  }

  private void closed(SseClient client) {
    synchronized (streams) {
      if (streams.remove(client)) {
        open.decrementAndGet();
      }
      watched = !streams.isEmpty();
    }
  }

  /** Ends every stream and the timer: the mock stops. */
  @Override
  public void close() {
    timer.shutdownNow();
    for (SseClient client : List.copyOf(streams)) {
      client.close();
    }
  }
}
