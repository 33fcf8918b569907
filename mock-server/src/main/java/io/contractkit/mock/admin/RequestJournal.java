package io.contractkit.mock.admin;

import java.util.List;

/**
 * The requests the mock has answered, for a frontend's tests and for debugging. The in-memory,
 * bounded journal is the default; replicas on one Redis share {@code RedisRequestJournal}.
 */
public interface RequestJournal {

  void record(JournalEntry entry);

  /** Up to {@code limit} entries, newest first. */
  List<JournalEntry> newest(int limit);

  /** How many requests were recorded since start or reset, including those no longer kept. */
  long total();

  void reset();
}
