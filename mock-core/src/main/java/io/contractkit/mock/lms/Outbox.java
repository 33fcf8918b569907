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
 * readable newest first, and logged as they arrive.
 */
public final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final int capacity;
  private final boolean redactLog;
  private final Deque<OutboxMessage> messages = new ArrayDeque<>();
  private long sequence;

  public Outbox(int capacity) {
    this(capacity, false);
  }

  /**
   * @param redactLog mask the accessToken and the authToken in the log line of each delivery (the
   *     outbox itself keeps them: it is how frontends read the codes)
   */
  public Outbox(int capacity, boolean redactLog) {
    this.capacity = capacity;
    this.redactLog = redactLog;
  }

  /** A message id that is unique since start or reset ({@code msg-1}, {@code msg-2}, ...). */
  public String nextId() {
    synchronized (messages) {
      return "msg-" + (++sequence);
    }
  }

  public void deliver(OutboxMessage message) {
    synchronized (messages) {
      messages.addFirst(message);
      while (messages.size() > capacity) {
        messages.removeLast();
      }
    }
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
    List<OutboxMessage> found = new ArrayList<>();
    synchronized (messages) {
      Iterator<OutboxMessage> it = messages.iterator();
      while (it.hasNext() && found.size() < limit) {
        OutboxMessage m = it.next();
        if (filter.test(m)) {
          found.add(m);
        }
      }
    }
    return found;
  }

  public void reset() {
    synchronized (messages) {
      messages.clear();
      sequence = 0;
    }
  }
}
