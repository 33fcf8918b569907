package io.contractkit.mock.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The stores answer some calls later (a shared store answers when Redis does); these help the
 * callers that wait for such an answer.
 */
public final class Futures {
  private Futures() {}

  /**
   * The future's value, waiting for it. Its failure is thrown as it was raised (an {@code
   * ApiProblem} stays one), not wrapped in a {@link CompletionException}.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = cause(e);
      if (cause instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** What failed: {@code e}, or the cause it wraps when it is a {@link CompletionException}. */
  public static Throwable cause(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
