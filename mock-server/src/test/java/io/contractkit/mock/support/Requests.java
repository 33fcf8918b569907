package io.contractkit.mock.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Requests to a mock on a port, for tests that add fault rules and let delays pass by hand. */
public final class Requests {
  private Requests() {}

  /** {@code POST /__admin/faults} with {@code rule}; the answer as it came. */
  public static RawHttp.Response addRule(int port, String rule) {
    return send(port, "POST", "/__admin/faults", "Content-Type: application/json\r\n", rule);
  }

  /** Adds a rule that must be accepted; its id. */
  public static String addAcceptedRule(int port, String rule) {
    RawHttp.Response added = addRule(port, rule);
    if (added.status() != 201) {
      throw new AssertionError("rule refused: " + added.status() + " " + added.body());
    }
    int at = added.body().indexOf("\"id\":\"") + 6;
    return added.body().substring(at, added.body().indexOf('"', at));
  }

  public static RawHttp.Response get(int port, String target) {
    return send(port, "GET", target, "", null);
  }

  public static RawHttp.Response send(
      int port, String method, String target, String headers, String body) {
    try {
      return RawHttp.request(port, method, target, headers, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET sent on another thread: for an answer that waits for a delay the test lets pass. */
  public static CompletableFuture<RawHttp.Response> getLater(int port, String target) {
    return CompletableFuture.supplyAsync(() -> get(port, target));
  }

  /** The answer of a request sent with {@link #getLater}, waited for up to 10 s. */
  public static RawHttp.Response answer(CompletableFuture<?> later) {
    try {
      return (RawHttp.Response) later.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("no answer", e);
    }
  }
}
