package io.contractkit.mock.support;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import io.contractkit.mock.store.StoreConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Mock replicas in this JVM, each on a free loopback port, all on one state store (a Redis prefix),
 * and an HTTP/1.1 client to reach them: what a test of several replicas over real HTTP needs,
 * written once. Replica {@code i} is replica {@code i % size()}, so a loop over requests spreads
 * them over every replica in turn. Closing closes every replica (once).
 *
 * <pre>
 * try (Replicas replicas = Replicas.start(3, REDIS.freshConfig())) {
 *   replicas.send(1, "POST", "/__admin/reset");
 * }
 * </pre>
 */
public final class Replicas implements AutoCloseable {
  private final StoreConfig store;
  private final UnaryOperator<MockConfig> customizer;
  private final List<MockServer> servers = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Replicas(StoreConfig store, UnaryOperator<MockConfig> customizer) {
    this.store = store;
    this.customizer = customizer;
  }

  /** {@code n} replicas on {@code store}, without the per-request log line. */
  public static Replicas start(int n, StoreConfig store) {
    return start(n, store, UnaryOperator.identity());
  }

  /**
   * The same, with a configuration changed by {@code customizer} (a throttle, the journal's size):
   * it gets the defaults on port 0 without the request log, and its store is {@code store}.
   */
  public static Replicas start(int n, StoreConfig store, UnaryOperator<MockConfig> customizer) {
    Replicas replicas = new Replicas(store, customizer);
    try {
      for (int i = 0; i < n; i++) {
        replicas.servers.add(replicas.startAnother());
      }
    } catch (RuntimeException e) {
      replicas.close();
      throw e;
    }
    return replicas;
  }

  /**
   * One more replica with the same configuration on the same store, not among these (the caller
   * closes it): a replica started later.
   */
  public MockServer startAnother() {
    return MockServer.start(
        customizer.apply(MockConfig.defaults().withPort(0).withRequestLog(false)).withStore(store));
  }

  /** Closes replica {@code i} and starts a new one in its place (on another port). */
  public void restart(int i) {
    int at = i % size();
    servers.get(at).close();
    servers.set(at, startAnother());
  }

  public int size() {
    return servers.size();
  }

  public MockServer replica(int i) {
    return servers.get(i % size());
  }

  public URI baseUri(int i) {
    return replica(i).baseUri();
  }

  /** The state store the replicas share (its prefix names their keys in Redis). */
  public StoreConfig store() {
    return store;
  }

  /** The client the requests go through, for a request of a kind of its own (a stream). */
  public HttpClient http() {
    return http;
  }

  /**
   * A request to replica {@code i} for {@code path} (with its query), {@code body} as JSON, and a
   * 30 s time-out.
   */
  public HttpRequest request(int i, String method, String path, String body) {
    return request(replica(i), method, path, body);
  }

  /** The same, to {@code replica}: one of {@link #startAnother}. */
  public HttpRequest request(MockServer replica, String method, String path, String body) {
    return HttpRequest.newBuilder(replica.baseUri().resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Sends a request without a body to replica {@code i}; its answer. */
  public HttpResponse<String> send(int i, String method, String path)
      throws IOException, InterruptedException {
    return send(i, method, path, "");
  }

  /** Sends {@code body} to replica {@code i}; its answer. */
  public HttpResponse<String> send(int i, String method, String path, String body)
      throws IOException, InterruptedException {
    return http.send(request(i, method, path, body), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code body} to {@code replica}, one of {@link #startAnother}; its answer. */
  public HttpResponse<String> send(MockServer replica, String method, String path, String body)
      throws IOException, InterruptedException {
    return http.send(request(replica, method, path, body), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a request without a body to replica {@code i} and does not wait for its answer. */
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      int i, String method, String path, HttpResponse.BodyHandler<T> answer) {
    return http.sendAsync(request(i, method, path, ""), answer);
  }

  /** Closes every replica; a second call does nothing. */
  @Override
  public void close() {
    servers.forEach(MockServer::close);
    servers.clear();
  }
}
