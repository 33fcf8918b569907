package io.contractkit.mock;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The per-request log line ({@code 2026-11-23T10:00:00.123+0000 INFO requests - GET
 * /api/v1/Contacts?secret=... 404 0.4ms}), written off the request thread: a request only puts its
 * line into a bounded queue; one daemon thread takes what has queued every few milliseconds,
 * formats the lines and hands them to the {@link Sink} in one batch once the queue has drained. A
 * request never waits for the log: when the queue is full its line is dropped and counted, and a
 * {@code N request log lines dropped} line follows. {@link #close()} writes every line queued
 * before it.
 */
public final class RequestLog implements AutoCloseable {
  /** Lines that may wait for the writer; beyond it lines are dropped, never waited for. */
  public static final int CAPACITY = 16_384;

  private static final String SEPARATOR = System.lineSeparator();
  private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

  /**
   * How long the writer rests when it finds the queue empty: the most a line waits to be written.
   */
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private static final DateTimeFormatter TO_SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("Z");

  /** Where the text goes: one or more whole lines, each ending with the line separator. */
  @FunctionalInterface
  public interface Sink {
    void write(String lines);
  }

  /** Standard error, as it is when the text is written (so a redirected one is honoured). */
  public static Sink standardError() {
    return lines -> {
      PrintStream err = System.err;
      err.print(lines);
      err.flush();
    };
  }

  private sealed interface Entry permits Line, Flush {}

  private record Line(
      long epochMillis, String method, String path, String query, int status, float millis)
      implements Entry {}

  /** Written as soon as the writer reaches it; {@code last} ends the writer. */
  private record Flush(CountDownLatch written, boolean last) implements Entry {}

  private final BlockingQueue<Entry> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final Sink sink;
  private final Clock clock;
  private final ZoneId zone;
  private final Thread writer;
  private volatile boolean closed;

  // Touched by the writer thread only.
  private final StringBuilder text = new StringBuilder(16 * 1024);
  private long cachedSecond = Long.MIN_VALUE;
  private String secondText = "";
  private String offsetText = "";

  public RequestLog(Sink sink) {
    this(sink, CAPACITY, Clock.systemDefaultZone());
  }

  /** Lines stamped with {@code clock}'s time, in its zone. */
  RequestLog(Sink sink, int capacity, Clock clock) {
    this.sink = sink;
    this.clock = clock;
    this.zone = clock.getZone();
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::writeUntilClosed, "mock-request-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues the line of one answered request; never blocks. */
  public void log(String method, String path, String query, int status, float millis) {
    if (closed || !queue.offer(new Line(clock.millis(), method, path, query, status, millis))) {
      dropped.incrementAndGet();
    }
  }

  /** Waits until every line queued before this call has been handed to the sink. */
  public void flush() {
    if (closed) {
      return; // close() wrote everything; nothing more is written
    }
    await(new Flush(new CountDownLatch(1), false));
  }

  /** Writes every line queued so far, then stops the writer. Later lines are dropped. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    await(new Flush(new CountDownLatch(1), true));
  }

  private void await(Flush flush) {
    try {
      if (queue.offer(flush, CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        LockSupport.unpark(writer);
        flush.written().await(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeUntilClosed() {
    List<Entry> batch = new ArrayList<>(256);
    while (true) {
      // The writer polls instead of waiting on the queue, so that a request never has to wake it.
      if (queue.drainTo(batch) == 0) {
        writeOut();
        LockSupport.parkNanos(this, IDLE_NANOS);
        continue;
      }
      for (Entry entry : batch) {
        if (entry instanceof Line line) {
          append(line);
        } else if (entry instanceof Flush flush) {
          writeOut();
          flush.written().countDown();
          if (flush.last()) {
            return;
          }
        }
      }
      batch.clear();
      if (text.length() >= 64 * 1024) {
        writeOut();
      }
    }
  }

  private void writeOut() {
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      appendPrefix(clock.millis(), "WARN")
          .append(lost)
          .append(" request log lines dropped (the log could not keep up)")
          .append(SEPARATOR);
    }
    if (text.length() == 0) {
      return;
    }
    try {
      sink.write(text.toString());
    } catch (RuntimeException e) {
      // A failing sink loses these lines, never the writer.
    }
    text.setLength(0);
  }

  private void append(Line line) {
    appendPrefix(line.epochMillis(), "INFO");
    appendRequest(text, line.method(), line.path(), line.query(), line.status(), line.millis());
    text.append(SEPARATOR);
  }

  /** {@code 2026-11-23T10:00:00.123+0000 INFO requests - }, as slf4j-simple wrote it. */
  private StringBuilder appendPrefix(long epochMillis, String level) {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != cachedSecond) {
      ZonedDateTime at = Instant.ofEpochSecond(second).atZone(zone);
      secondText = TO_SECOND.format(at);
      offsetText = OFFSET.format(at);
      cachedSecond = second;
    }
    int millis = Math.floorMod(epochMillis, 1000);
    text.append(secondText);
    if (millis < 100) {
      text.append('0');
    }
    if (millis < 10) {
      text.append('0');
    }
    return text.append(millis).append(offsetText).append(' ').append(level).append(" requests - ");
  }

  /** {@code GET /api/v1/Contacts?secret=... 200 0.4ms}, built without a formatter. */
  static String line(String method, String path, String query, int status, float millis) {
    return appendRequest(new StringBuilder(32), method, path, query, status, millis).toString();
  }

  private static StringBuilder appendRequest(
      StringBuilder out, String method, String path, String query, int status, float millis) {
    long tenths = Math.round(millis * 10.0);
    out.append(method).append(' ').append(path);
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.append(' ')
        .append(status)
        .append(' ')
        .append(tenths / 10)
        .append('.')
        .append(tenths % 10)
        .append("ms");
  }
}
