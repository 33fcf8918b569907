package io.contractkit.mock.faults;

import static io.contractkit.mock.support.Requests.addAcceptedRule;
import static io.contractkit.mock.support.Requests.answer;
import static io.contractkit.mock.support.Requests.getLater;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import io.contractkit.mock.fixtures.FixtureException;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.Requests;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mock with its own timer ({@link ExecutorDelayScheduler}), as {@code java -jar} runs it: a
 * short delay passes by itself, and a stop answers a request that waits for a long one at once
 * instead of waiting it out (or cutting it off at the stop timeout).
 */
class RealDelaysTest {
  private static final String CONTACT = "/api/v1/Contacts?secret=" + Fixture.SECRET;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MockServer server =
      MockServer.start(MockConfig.defaults().withPort(0).withRequestLog(false), Clock.systemUTC());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aShortDelayPassesByItself() {
    addAcceptedRule(server.port(), "{\"route\":\"contacts\",\"fault\":{\"delay\":\"20ms\"}}");

    RawHttp.Response answer = Requests.get(server.port(), CONTACT);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains(Fixture.SECRET);
  }

  @Test
  void aStopAnswersADelayedRequestAtOnce() throws Exception {
    addAcceptedRule(server.port(), "{\"route\":\"contacts\",\"fault\":{\"delay\":\"10m\"}}");
    CompletableFuture<RawHttp.Response> later = getLater(server.port(), CONTACT);
    awaitDelayed(1);

    CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> server.stop(() -> {}));

    RawHttp.Response answer = answer(later);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains(Fixture.SECRET);
    assertThat(stopped.get(10, TimeUnit.SECONDS)).as("answered within the stop timeout").isTrue();
  }

  @Test
  void aStopWritesTheRestOfASlowBodyAtOnce() throws Exception {
    addAcceptedRule(
        server.port(),
        "{\"route\":\"contacts\",\"fault\":{\"kind\":\"slow-body\",\"delay\":\"10m\","
            + "\"body\":\"0123456789abcdefghij\"}}");
    CompletableFuture<RawHttp.Response> later = getLater(server.port(), CONTACT);
    awaitDelayed(1);

    server.close();

    assertThat(answer(later).body()).isEqualTo("0123456789abcdefghij");
  }

  @Test
  void aStopClosesTheSchedulerAndSoDoesAFailedStart() {
    ClosableScheduler stopped = new ClosableScheduler();
    ClosableScheduler failed = new ClosableScheduler();
    MockConfig config = MockConfig.defaults().withPort(0).withRequestLog(false);

    MockServer.start(config, Clock.systemUTC(), lines -> {}, stopped).close();
    assertThatThrownBy(
            () ->
                MockServer.start(
                    config.withFixtures(Path.of("no-such-fixtures")),
                    Clock.systemUTC(),
                    lines -> {},
                    failed))
        .isInstanceOf(FixtureException.class);

    assertThat(stopped.closed).isTrue();
    assertThat(failed.closed).isTrue();
  }

  /** Remembers whether it was closed. */
  private static final class ClosableScheduler implements DelayScheduler {
    volatile boolean closed;

    @Override
    public void schedule(Duration delay, Runnable task) {
      task.run();
    }

    @Override
    public void hurry() {}

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Waits (up to 10 s) until {@code count} requests wait for their delay. */
  private void awaitDelayed(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (JSON.readTree(Requests.get(server.port(), "/__admin/faults").body())
            .path("delayedNow")
            .asInt()
        < count) {
      assertThat(System.nanoTime()).as("a request waits for its delay").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
