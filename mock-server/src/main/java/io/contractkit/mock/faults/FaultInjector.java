package io.contractkit.mock.faults;

import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.ContentNegotiation;
import io.contractkit.mock.http.ProblemRenderer;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts faults and latency in front of the two APIs' handlers (and the send-token extension).
 *
 * <p>For each request, the newest rule that applies to it and fires decides: its own answer, a
 * broken connection, or the real answer, after the configured latency plus the rule's delay. A rule
 * answers <em>before</em> the real handler, so it consumes no authToken and counts no failed
 * lookup. With no rule and no latency the request costs one volatile read more.
 *
 * <p>Delays hold no thread: the request goes asynchronous ({@code ctx.future}), a {@link
 * DelayScheduler} wakes it, and the rest runs on one of the server's threads. The real handler runs
 * after the delay, under the reset guard, so a reset never waits for a delay. At most {@code
 * maxDelayed} requests wait at once; the next one gets 503.
 */
public final class FaultInjector {
  /** What {@code malformed-json} cuts in half when its rule has no body. */
  static final String DEFAULT_MALFORMED_BODY =
      "{\"truncated\":\"this answer was cut off by a malformed-json fault rule\"}";

  /** How many pieces {@code slow-body} writes a body in (fewer when it is shorter). */
  static final int SLOW_BODY_PIECES = 10;

  private static final String TEXT_PLAIN = "text/plain; charset=utf-8";

  private final FaultState state;
  private final DelayRange latency;
  private final int maxDelayed;
  private final DelayScheduler scheduler;
  private final ProblemRenderer problems;
  private final JsonMapper json;
  private final AtomicInteger delayed = new AtomicInteger();

  /**
   * @param latency added to every answer; null for none
   * @param maxDelayed how many delayed requests may wait at once
   */
  public FaultInjector(
      FaultState state,
      DelayRange latency,
      int maxDelayed,
      DelayScheduler scheduler,
      ProblemRenderer problems,
      JsonMapper json) {
    this.state = state;
    this.latency = latency;
    this.maxDelayed = maxDelayed;
    this.scheduler = scheduler;
    this.problems = problems;
    this.json = json;
  }

  /** {@code real}, behind the fault rules for {@code route} and the latency. */
  public Handler around(FaultRoute route, Handler real) {
    return ctx -> {
      if (latency == null && state.rules().isEmpty()) {
        real.handle(ctx);
      } else {
        inject(route, real, ctx);
      }
    };
  }

  public DelayRange latency() {
    return latency;
  }

  public int maxDelayed() {
    return maxDelayed;
  }

  /** How many requests wait for a delay (or write a slow body) right now. */
  public int delayedNow() {
    return delayed.get();
  }

  /** Answers every delayed request now: a stop is under way. */
  public void hurry() {
    scheduler.hurry();
  }

  private void inject(FaultRoute route, Handler real, Context ctx) throws Exception {
    Random random = state.random().generator();
    FaultRule.Fault fault = firedFault(route, ctx, random);
    Duration before = latency == null ? Duration.ZERO : latency.draw(random);
    boolean slowBody = fault != null && fault.kind() == FaultKind.SLOW_BODY;
    Duration ruleDelay =
        fault == null || fault.delay() == null ? Duration.ZERO : fault.delay().draw(random);
    if (!slowBody) {
      before = before.plus(ruleDelay);
      if (before.isZero()) {
        answer(ctx, fault, real);
        return;
      }
    }
    if (delayed.incrementAndGet() > maxDelayed) {
      delayed.decrementAndGet();
      throw ApiProblem.unavailable(
          "The mock already holds "
              + maxDelayed
              + " delayed requests (--max-delayed); this one was refused instead of delayed.");
    }
    Duration wait = before;
    ctx.future(
        () -> {
          AsyncContext async = ctx.req().getAsyncContext();
          return after(wait, async)
              .thenCompose(
                  elapsed ->
                      slowBody
                          ? slowBody(ctx, fault, real, ruleDelay, async)
                          : done(() -> answer(ctx, fault, real)))
              .whenComplete((result, failure) -> delayed.decrementAndGet());
        });
  }

  /** The fault of the newest rule that applies to the request and fires; null for none. */
  private FaultRule.Fault firedFault(FaultRoute route, Context ctx, Random random) {
    FaultRules rules = state.rules();
    RequestValues values = null;
    for (FaultRules.Stored stored : rules.newestFirst()) {
      FaultRule rule = stored.rule();
      if (stored.usedUp() || !rule.route().covers(route)) {
        continue;
      }
      if (!rule.match().isAny()) {
        if (values == null) {
          values = RequestValues.of(ctx.queryString());
        }
        if (!values.match(rule.match())) {
          continue;
        }
      }
      if (rule.probability() != null && random.nextDouble() >= rule.probability()) {
        continue;
      }
      if (rules.fire(stored.id())) {
        return rule.fault();
      }
    }
    return null;
  }

  private void answer(Context ctx, FaultRule.Fault fault, Handler real) throws Exception {
    if (fault == null || (fault.kind() == null && !fault.hasOwnAnswer())) {
      real.handle(ctx);
    } else if (fault.kind() == FaultKind.CONNECTION_RESET) {
      BrokenConnections.reset(ctx);
    } else if (fault.kind() == FaultKind.EMPTY_RESPONSE) {
      BrokenConnections.close(ctx);
    } else if (fault.kind() == FaultKind.MALFORMED_JSON) {
      malformedJson(ctx, fault);
    } else {
      ownAnswer(ctx, fault);
    }
  }

  private void ownAnswer(Context ctx, FaultRule.Fault fault) {
    ctx.status(fault.status() == null ? 200 : fault.status());
    JsonNode body = fault.body();
    if (body != null && body.isString()) {
      ctx.contentType(TEXT_PLAIN).result(body.stringValue().getBytes(StandardCharsets.UTF_8));
    } else if (body != null) {
      ctx.contentType(ContentNegotiation.jsonContentType(ctx.header("Accept")))
          .result(json.writeValueAsBytes(body));
    }
    fault.headers().forEach(ctx::header); // after the content type: a Content-Type header wins
  }

  private void malformedJson(Context ctx, FaultRule.Fault fault) {
    String whole =
        fault.body() == null ? DEFAULT_MALFORMED_BODY : json.writeValueAsString(fault.body());
    ctx.status(fault.status() == null ? 200 : fault.status())
        .contentType(ContentNegotiation.jsonContentType(ctx.header("Accept")))
        .result(firstHalf(whole).getBytes(StandardCharsets.UTF_8));
    fault.headers().forEach(ctx::header);
  }

  /** The first half of an object's or array's JSON: never valid JSON, its end is missing. */
  static String firstHalf(String json) {
    int cut = json.length() / 2;
    if (Character.isHighSurrogate(json.charAt(cut - 1))) {
      cut--; // never half a character
    }
    return json.substring(0, cut);
  }

  /**
   * The rule's answer, or the real one, with its status line and headers at once and its body in
   * {@value #SLOW_BODY_PIECES} pieces spread evenly over {@code over}.
   */
  private CompletableFuture<Void> slowBody(
      Context ctx, FaultRule.Fault fault, Handler real, Duration over, AsyncContext async) {
    byte[] body;
    try {
      if (fault.hasOwnAnswer()) {
        ownAnswer(ctx, fault);
      } else {
        try {
          real.handle(ctx);
        } catch (ApiProblem problem) {
          problems.render(problem, ctx);
        }
      }
      InputStream result = ctx.resultInputStream();
      // Read to its end, so Javalin has nothing left to write: the pieces are written here.
      body = result == null ? new byte[0] : result.readAllBytes();
      HttpServletResponse response = ctx.res();
      response.setContentLength(body.length);
      response.flushBuffer(); // the status line and headers go now
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    int pieces = Math.min(SLOW_BODY_PIECES, body.length);
    if (pieces == 0) {
      written.complete(null);
    } else {
      writePiece(ctx, body, 1, pieces, over.dividedBy(pieces), async, written);
    }
    return written;
  }

  private void writePiece(
      Context ctx,
      byte[] body,
      int piece,
      int pieces,
      Duration every,
      AsyncContext async,
      CompletableFuture<Void> written) {
    scheduler.schedule(
        every,
        () ->
            handOff(
                async,
                () -> {
                  int from = (int) ((long) body.length * (piece - 1) / pieces);
                  int to = (int) ((long) body.length * piece / pieces);
                  try {
                    ServletOutputStream out = ctx.res().getOutputStream();
                    out.write(body, from, to - from);
                    out.flush();
                  } catch (IOException e) {
                    written.completeExceptionally(e); // the client has gone
                    return;
                  }
                  if (piece == pieces) {
                    written.complete(null);
                  } else {
                    writePiece(ctx, body, piece + 1, pieces, every, async, written);
                  }
                }));
  }

  /** Completes once {@code delay} has passed, on one of the server's threads. */
  private CompletableFuture<Void> after(Duration delay, AsyncContext async) {
    CompletableFuture<Void> elapsed = new CompletableFuture<>();
    if (delay.isZero()) {
      elapsed.complete(null);
    } else {
      scheduler.schedule(delay, () -> handOff(async, () -> elapsed.complete(null)));
    }
    return elapsed;
  }

  /** Runs {@code task} on a server thread: the scheduler's own thread only wakes requests up. */
  private static void handOff(AsyncContext async, Runnable task) {
    try {
      async.start(task);
    } catch (IllegalStateException requestAlreadyOver) {
      task.run();
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private static CompletableFuture<Void> done(Step step) {
    try {
      step.run();
      return CompletableFuture.completedFuture(null);
    } catch (Exception e) {
      // Javalin unwraps it and maps it like an exception thrown by a handler.
      throw new CompletionException(e);
    }
  }
}
