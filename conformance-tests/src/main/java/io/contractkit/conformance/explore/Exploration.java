package io.contractkit.conformance.explore;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckSkipped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.NoGuidance;
import org.quicktheories.core.Reporter;
import org.quicktheories.core.Strategy;

/**
 * The exploration engine: QuickTheories generates seeded random sequences of an {@link Explorer}'s
 * steps and, when one of them gets an answer the reference model did not expect, shrinks it to the
 * shortest sequence it can find that still does. Each sequence runs against the target for real, so
 * the run is bounded by time: sequences are generated for {@code --explore-budget}, and a failure
 * is shrunk for at most as long again. {@code --explore-sequences} bounds it by a number of
 * sequences too, which makes a run the same on any machine that reaches that number in time.
 */
final class Exploration<S> {
  private final Explorer<S> explorer;
  private final CheckContext context;
  private final String checkId;
  private final Map<List<S>, Transcript> failures = new HashMap<>();
  private Instant deadline;
  private boolean shrinking;
  private RuntimeException stoppedBy;
  private int sequences;
  private Object smallest;

  private Exploration(Explorer<S> explorer, CheckContext context, String checkId) {
    this.explorer = explorer;
    this.context = context;
    this.checkId = checkId;
  }

  /**
   * Explores and returns normally when every sequence got the model's answers; throws a {@link
   * CheckFailure} naming the shortest failing sequence as curl lines, with the seed that replays
   * it.
   */
  static <S> void explore(Explorer<S> explorer, CheckContext context, String checkId) {
    new Exploration<>(explorer, context, checkId).run();
  }

  /** The seed of this check's sequences: the run's {@code --seed} and the check's id. */
  static long seed(long runSeed, String checkId) {
    return runSeed * 31 + checkId.hashCode();
  }

  private void run() {
    Duration budget = context.settings().exploreBudget();
    deadline = context.now().plus(budget);
    long seed = seed(context.settings().seed(), checkId);
    Strategy strategy =
        new Strategy(
            Strategy.defaultPRNG(seed),
            limit() > 0 ? limit() : Integer.MAX_VALUE,
            budget.toMillis(),
            10_000,
            100,
            new Capture(),
            prng -> new NoGuidance());
    Gen<List<Integer>> generated =
        lists().of(integers().between(0, explorer.codes())).ofSizeBetween(1, explorer.maxLength());
    QuickTheory.qt(() -> strategy).forAll(generated).check(this::holds);
    if (smallest != null) {
      throw failure(seed);
    }
    if (stoppedBy != null && (sequences == 0 || !(stoppedBy instanceof CheckSkipped))) {
      throw stoppedBy;
    }
  }

  private int limit() {
    return context.settings().exploreSequences();
  }

  /**
   * The steps that generated numbers stand for. 0 stands for no step: shrinking moves every number
   * towards 0, so a step that does not matter to a failure shrinks away, wherever it is (the list
   * shrinker of QuickTheories drops elements from the ends only).
   */
  List<S> steps(List<Integer> codes) {
    return codes.stream().filter(c -> c > 0).map(c -> explorer.step(c - 1)).toList();
  }

  /** Runs one sequence; false when an answer differed from the model's. */
  private boolean holds(List<Integer> codes) {
    if (stoppedBy != null || context.now().isAfter(deadline)) {
      return true;
    }
    List<S> steps = steps(codes);
    Transcript transcript;
    try {
      transcript = explorer.run(steps, context, deadline);
    } catch (RuntimeException e) {
      // a skip (no more authTokens), the clock hook failing, no answer: the exploration ends here
      stoppedBy = e;
      return true;
    }
    sequences++;
    if (!transcript.failed()) {
      return true;
    }
    failures.put(steps, transcript);
    if (!shrinking) {
      shrinking = true;
      deadline = context.now().plus(context.settings().exploreBudget());
    }
    return false;
  }

  private CheckFailure failure(long seed) {
    @SuppressWarnings("unchecked")
    Transcript t = failures.get(steps((List<Integer>) smallest));
    Transcript.Mismatch m = t.mismatchFound();
    List<String> text = new ArrayList<>();
    text.add(
        m.actual()
            + " at step "
            + m.step()
            + " of this sequence, the shortest found (replay it with --seed "
            + context.settings().seed()
            + " --only "
            + checkId
            + (limit() > 0
                ? " --explore-sequences " + limit() + " and a budget that reaches it"
                : " and the same --explore-budget")
            + "; this check's own seed is "
            + seed
            + "):");
    text.addAll(t.lines());
    return new CheckFailure(
        m.expected() + " (the contract's reference model)", String.join("\n", text), m.exchange());
  }

  /** Keeps QuickTheories' smallest falsifying sequence instead of throwing its AssertionError. */
  private final class Capture implements Reporter {
    @Override
    public void falisification(
        long seed,
        int examplesUsed,
        Object smallest,
        Throwable cause,
        List<Object> examples,
        AsString<Object> toString) {
      // holds() catches what a sequence throws: only an Error gets here
      throw new IllegalStateException("the exploration broke down: " + cause, cause);
    }

    @Override
    public void falisification(
        long seed,
        int examplesUsed,
        Object smallest,
        List<Object> examples,
        AsString<Object> toString) {
      Exploration.this.smallest = smallest;
    }

    @Override
    public void valuesExhausted(int examples) {
      // more sequences than QuickTheories can tell apart: what was explored stands
    }
  }
}
