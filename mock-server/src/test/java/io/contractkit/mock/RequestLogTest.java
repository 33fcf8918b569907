package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request log writes off the request thread: each line in slf4j-simple's format (so what an
 * operator reads did not change), a full queue drops and counts lines instead of making a request
 * wait, and closing writes every line queued before it.
 */
class RequestLogTest {
  private static final Duration NEVER_WAITS = Duration.ofSeconds(5);
  private static final Clock UTC = Clock.systemUTC();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final List<String> written = Collections.synchronizedList(new ArrayList<>());

  private List<String> lines() {
    synchronized (written) {
      return written.stream().flatMap(String::lines).toList();
    }
  }

  @Test
  void aLineReadsTimestampInTheZoneLevelLoggerAndTheRequest() {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    long before = System.currentTimeMillis();
    try (RequestLog log = new RequestLog(written::add, 16, Clock.system(zone))) {
      log.log("GET", "/api/v1/Contacts", "secret=x&ip=192.0.2.1", 404, 0.44f);
      log.log("POST", "/__admin/reset", "", 204, 12.96f);
      log.flush();
    }
    long after = System.currentTimeMillis();

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4} INFO requests - .*")
        .endsWith(" INFO requests - GET /api/v1/Contacts?secret=x&ip=192.0.2.1 404 0.4ms");
    assertThat(lines.get(1)).endsWith(" INFO requests - POST /__admin/reset 204 13.0ms");
    OffsetDateTime stamp = OffsetDateTime.parse(lines.get(0).substring(0, 28), STAMP);
    assertThat(stamp.getOffset()).isEqualTo(zone.getRules().getOffset(stamp.toInstant()));
    assertThat(stamp.toInstant().toEpochMilli()).isBetween(before, after);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 00:00:00.000",
    "9, 00:00:00.009",
    "10, 00:00:00.010",
    "99, 00:00:00.099",
    "100, 00:00:00.100",
    "999, 00:00:00.999",
    "1001, 00:00:01.001"
  })
  void theMillisecondsAreAlwaysThreeDigits(long epochMillis, String time) {
    Clock at = Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    try (RequestLog log = new RequestLog(written::add, 16, at)) {
      log.log("GET", "/x", "", 200, 1f);
      log.flush();
    }

    assertThat(lines())
        .containsExactly("1970-01-01T" + time + "+0000 INFO requests - GET /x 200 1.0ms");
  }

  @Test
  void eachWriteHandsWholeLinesToTheSink() {
    try (RequestLog log = new RequestLog(written::add, 64, UTC)) {
      for (int i = 0; i < 50; i++) {
        log.log("GET", "/x", "n=" + i, 200, 1f);
      }
      log.flush();
    }

    synchronized (written) {
      assertThat(written).allSatisfy(text -> assertThat(text).endsWith(System.lineSeparator()));
    }
    assertThat(lines()).hasSize(50).last().asString().endsWith("GET /x?n=49 200 1.0ms");
  }

  @Test
  void aFullQueueDropsAndCountsLinesWithoutMakingTheRequestWait() throws InterruptedException {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RequestLog.Sink slow =
        text -> {
          writing.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          written.add(text);
        };
    try (RequestLog log = new RequestLog(slow, 4, UTC)) {
      log.log("GET", "/first", "", 200, 1f);
      assertThat(writing.await(30, TimeUnit.SECONDS)).as("the writer is writing").isTrue();

      // The writer is stuck in the sink: 4 lines fit in the queue, the other 6 are dropped.
      assertTimeoutPreemptively(
          NEVER_WAITS,
          () -> {
            for (int i = 0; i < 10; i++) {
              log.log("GET", "/next", "n=" + i, 200, 1f);
            }
          });
      release.countDown();
      log.flush();
    }

    assertThat(lines())
        .hasSize(6)
        .anySatisfy(line -> assertThat(line).endsWith("GET /first 200 1.0ms"))
        .anySatisfy(line -> assertThat(line).endsWith("GET /next?n=3 200 1.0ms"))
        .noneSatisfy(line -> assertThat(line).contains("n=4"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(" WARN requests - 6 request log lines dropped")
                    .matches("\\d{4}-\\d\\d-\\d\\dT.*"));
  }

  @Test
  void closeWritesEveryQueuedLineAndLaterLinesNeitherWaitNorAppear() {
    RequestLog log = new RequestLog(written::add, 1024, UTC);
    for (int i = 0; i < 500; i++) {
      log.log("GET", "/x", "n=" + i, 200, 1f);
    }
    log.close();

    assertThat(lines()).hasSize(500).last().asString().endsWith("GET /x?n=499 200 1.0ms");
    assertTimeoutPreemptively(NEVER_WAITS, () -> log.log("GET", "/late", "", 200, 1f));
    log.flush();
    log.close();
    assertThat(lines()).hasSize(500).noneSatisfy(line -> assertThat(line).contains("/late"));
  }

  @Test
  void aFailingSinkLosesItsLinesButNotTheWriter() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    boolean[] fail = {true};
    RequestLog.Sink flaky =
        text -> {
          if (fail[0]) {
            fail[0] = false;
            throw new IllegalStateException("disk full");
          }
          seen.add(text);
        };
    try (RequestLog log = new RequestLog(flaky, 16, UTC)) {
      log.log("GET", "/lost", "", 200, 1f);
      log.flush();
      log.log("GET", "/kept", "", 200, 1f);
      log.flush();
    }

    assertThat(String.join("", seen)).contains("GET /kept 200").doesNotContain("/lost");
  }
}
