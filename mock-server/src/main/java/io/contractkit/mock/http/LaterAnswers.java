package io.contractkit.mock.http;

import io.contractkit.mock.concurrent.Futures;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Answers a request when its store has answered: at once when the answer is there already (the
 * in-memory stores), else asynchronously ({@code ctx.future}), so that no request thread waits for
 * a shared store. The asynchronous answer is written, and the after-handlers (journal, request log)
 * run, on the thread that completed the future.
 */
public final class LaterAnswers {
  private LaterAnswers() {}

  /** {@code answer} with the value of {@code later}; its failure goes to the exception handlers. */
  public static <T> void when(Context ctx, CompletableFuture<T> later, Consumer<T> answer) {
    if (later.isDone()) {
      answer.accept(Futures.join(later));
    } else {
      ctx.future(() -> later.thenAccept(answer));
    }
  }
}
