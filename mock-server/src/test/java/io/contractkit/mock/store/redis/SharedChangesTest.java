package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RedisServerExtension;
import io.contractkit.mock.support.Replicas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A dashboard on one replica hears of what another replica changed, over real HTTP. */
class SharedChangesTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  @Test
  void aDashboardOnOneReplicaHearsOfWhatAnotherChanged() throws Exception {
    Replicas replicas = Replicas.start(2, REDIS.freshConfig());
    BufferedReader events = null;
    try {
      HttpResponse<InputStream> stream =
          replicas
              .http()
              .send(
                  HttpRequest.newBuilder(replicas.baseUri(0).resolve("/__admin/events"))
                      .header("Accept", "text/event-stream")
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
      assertThat(nextEvent(events)).contains("event: changed"); // on opening: everything
      assertThat(nextEvent(events)).contains("event: changed"); // the first poll: everything
      replicas.send(
          1,
          "POST",
          "/lms/leads/bytoken/authtoken?channel=email&source=web&accessToken=" + Fixture.LEAD);

      assertThat(nextEvent(events))
          .contains("event: changed")
          .contains("\"journal\"", "\"outbox\"");
    } finally {
      replicas.close(); // ends the stream of replica 0
      if (events != null) {
        events.close();
      }
    }
  }

  /** The next event's lines (comments skipped); fails after 5 s without one. */
  private static String nextEvent(BufferedReader events) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return readEvent(events);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .get(5, TimeUnit.SECONDS);
  }

  private static String readEvent(BufferedReader events) throws IOException {
    StringBuilder event = new StringBuilder();
    for (String line = events.readLine(); line != null; line = events.readLine()) {
      if (line.isEmpty() && !event.isEmpty()) {
        return event.toString();
      }
      if (!line.isEmpty() && !line.startsWith(":")) {
        event.append(line).append('\n');
      }
    }
    throw new AssertionError("the stream ended: " + event);
  }
}
