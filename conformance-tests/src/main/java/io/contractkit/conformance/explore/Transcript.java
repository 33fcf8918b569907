package io.contractkit.conformance.explore;

import io.contractkit.conformance.http.Exchange;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a sequence did, step by step, as a person replays it: a comment naming each step
 * and what the reference model expected, and the curl line of each request. It ends at the first
 * answer the model did not expect ({@link #mismatch}), or earlier when the run had to stop (the
 * budget is spent, or too much real time passed for the model to stay exact).
 */
final class Transcript {
  /** The step at which the answer differed from the model's. */
  record Mismatch(int step, String expected, String actual, Exchange exchange) {}

  private final List<String> lines = new ArrayList<>();
  private int steps;
  private Mismatch mismatch;

  /** Notes a step that sent no request (an authToken sent, the clock moved). */
  void step(String description) {
    steps++;
    lines.add("# " + steps + ". " + description);
  }

  /** Notes a step that sent a request, with the answer the model expected and the one that came. */
  void request(String description, Exchange e, String expected, String actual) {
    steps++;
    lines.add("# " + steps + ". " + description + ": expected " + expected + ", got " + actual);
    lines.add(e.request().curl());
  }

  /** Ends the transcript at the last step: its answer is not the model's. */
  void mismatch(String expected, String actual, Exchange e) {
    mismatch = new Mismatch(steps, expected, actual, e);
  }

  boolean failed() {
    return mismatch != null;
  }

  Mismatch mismatchFound() {
    return mismatch;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}
