package io.contractkit.mock.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules in memory: an immutable list, replaced on every change (rules change rarely and
 * are read on every answer), each rule with its own atomic firing counter.
 */
public final class InMemoryFaultRules implements FaultRules {
  private static final String ID_PREFIX = "fault-";

  private record Entry(String id, FaultRule rule, AtomicLong fired) {}

  /** Newest first; replaced as a whole under the monitor, read without it. */
  private volatile List<Entry> entries = List.of();

  private long lastId;

  @Override
  public synchronized Optional<String> add(FaultRule rule) {
    if (entries.size() >= MAX_RULES) {
      return Optional.empty();
    }
    String id = ID_PREFIX + ++lastId;
    List<Entry> changed = new ArrayList<>(entries.size() + 1);
    changed.add(new Entry(id, rule, new AtomicLong()));
    changed.addAll(entries);
    entries = List.copyOf(changed);
    return Optional.of(id);
  }

  @Override
  public List<Stored> newestFirst() {
    return entries.stream().map(e -> new Stored(e.id(), e.rule(), e.fired().get())).toList();
  }

  @Override
  public boolean fire(String id) {
    for (Entry entry : entries) {
      if (entry.id().equals(id)) {
        Integer times = entry.rule().times();
        if (times == null) {
          entry.fired().incrementAndGet();
          return true;
        }
        long before = entry.fired().getAndUpdate(fired -> fired < times ? fired + 1 : fired);
        return before < times;
      }
    }
    return false;
  }

  @Override
  public synchronized boolean remove(String id) {
    List<Entry> changed = new ArrayList<>(entries);
    boolean removed = changed.removeIf(e -> e.id().equals(id));
    entries = List.copyOf(changed);
    return removed;
  }

  @Override
  public synchronized void reset() {
    entries = List.of();
    lastId = 0;
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
