package io.contractkit.mock.lms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where sent authTokens land instead of a mailbox or phone: bounded (the oldest messages drop out),
 * readable newest first, and logged as they arrive. The messages are kept in the mock's memory, or
 * in a store that several replicas share ({@link Messages}).
 */
public final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /** Where the messages are kept; every call is atomic. */
  public interface Messages {
    /** The next number of {@link #nextId}: 1, 2, ... since start or {@link #clear}. */
    long nextSequence();

    /** Adds the message as the newest, and drops the oldest beyond {@code capacity}. */
    void add(OutboxMessage message, int capacity);

    /** Up to {@code limit} messages that match, newest first. */
    List<OutboxMessage> newest(Predicate<OutboxMessage> filter, int limit);

    /** No messages, and the sequence starts again at 1. */
    void clear();
  }

  private final int capacity;
  private final boolean redactLog;
  private final Messages messages;

  public Outbox(int capacity) {
    this(capacity, false);
  }

  /**
   * @param redactLog mask the accessToken and the authToken in the log line of each delivery (the
   *     outbox itself keeps them: it is how frontends read the codes)
   */
  public Outbox(int capacity, boolean redactLog) {
    this(capacity, redactLog, new InMemoryMessages());
  }

  public Outbox(int capacity, boolean redactLog, Messages messages) {
    this.capacity = capacity;
    this.redactLog = redactLog;
    this.messages = messages;
  }

  /** A message id that is unique since start or reset ({@code msg-1}, {@code msg-2}, ...). */
  public String nextId() {
    return id(messages.nextSequence());
  }

  /** The id of the message numbered {@code sequence}. */
  public static String id(long sequence) {
    return "msg-" + sequence;
  }

  /** How many messages it keeps. */
  public int capacity() {
    return capacity;
  }

  public void deliver(OutboxMessage message) {
    messages.add(message, capacity);
    logDelivered(message);
  }

  /** Logs the message as delivered (a store that added it itself calls this). */
  public void logDelivered(OutboxMessage message) {
    LOG.info(
        "outbox: {} to {} for lead {}: authToken {} (expires {})",
        message.channel().wireName(),
        message.recipient(),
        redactLog ? "***" : message.accessToken(),
        redactLog ? "***" : message.authToken(),
        message.expiresAt());
  }

  /** Up to {@code limit} messages that match, newest first. */
  public List<OutboxMessage> newest(Predicate<OutboxMessage> filter, int limit) {
    return messages.newest(filter, limit);
  }

  public void reset() {
    messages.clear();
  }

  /** The messages in the mock's memory. */
  private static final class InMemoryMessages implements Messages {
    private final Deque<OutboxMessage> messages = new ArrayDeque<>();
    private long sequence;

    @Override
    public synchronized long nextSequence() {
      return ++sequence;
    }

    @Override
    public synchronized void add(OutboxMessage message, int capacity) {
      messages.addFirst(message);
      while (messages.size() > capacity) {
        messages.removeLast();
      }
    }

    @Override
    public synchronized List<OutboxMessage> newest(Predicate<OutboxMessage> filter, int limit) {
      List<OutboxMessage> found = new ArrayList<>();
      Iterator<OutboxMessage> it = messages.iterator();
      while (it.hasNext() && found.size() < limit) {
        OutboxMessage m = it.next();
        if (filter.test(m)) {
          found.add(m);
        }
      }
      return found;
    }

    @Override
    public synchronized void clear() {
      messages.clear();
      sequence = 0;
    }
  }
}
