package io.contractkit.mock.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.dashboard.ChangeFeed.Topic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which requests wake a dashboard, and how often: the logic behind {@code /__admin/events}. */
class ChangeFeedTest {

  /** Counts the events it is asked to send; never runs them (the test sends them by hand). */
  private static class CountingTimer extends ScheduledThreadPoolExecutor {
    final AtomicInteger scheduled = new AtomicInteger();

    CountingTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      scheduled.incrementAndGet();
      assertThat(unit.toMillis(delay)).isEqualTo(ChangeFeed.COALESCE_MILLIS);
      return null;
    }
  }

  private static int bits(Topic... topics) {
    int bits = 0;
    for (Topic topic : topics) {
      bits |= topic.bit;
    }
    return bits;
  }

  @Test
  void readsOfTheAdminApiWakeNoDashboard() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
      assertThat(ChangeFeed.topicsOf(method, "/__admin/outbox")).as(method).isZero();
      assertThat(ChangeFeed.topicsOf(method, "/__ADMIN/journal")).as(method).isZero();
    }
  }

  @Test
  void everyChangeThroughTheAdminApiMayChangeEveryPanel() {
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
      assertThat(ChangeFeed.topicsOf(method, "/__admin/reset"))
          .as(method)
          .isEqualTo(ChangeFeed.ALL);
    }
    assertThat(ChangeFeed.topicsOf("DELETE", "/__admin/throttle/192.0.2.1"))
        .isEqualTo(ChangeFeed.ALL);
  }

  @Test
  void eachApiRouteNamesWhatItChanges() {
    int always = bits(Topic.JOURNAL, Topic.FAULTS);
    assertThat(ChangeFeed.topicsOf("GET", "/API/v1/Contacts"))
        .isEqualTo(always | bits(Topic.THROTTLE));
    assertThat(ChangeFeed.topicsOf("POST", "/lms/leads/bytoken/authtoken"))
        .isEqualTo(always | bits(Topic.OUTBOX, Topic.TOKENS));
    assertThat(ChangeFeed.topicsOf("GET", "/lms/leads/bytoken/contact"))
        .isEqualTo(always | bits(Topic.TOKENS));
    assertThat(ChangeFeed.topicsOf("GET", "/nowhere")).isEqualTo(always);
    // a path below /__admin only when the next character ends the segment
    assertThat(ChangeFeed.topicsOf("GET", "/__administrator")).isEqualTo(always);
  }

  @Test
  void topicsAreSentByTheirNames() {
    assertThat(ChangeFeed.json(bits(Topic.OUTBOX, Topic.JOURNAL)))
        .isEqualTo("[\"outbox\",\"journal\"]");
    assertThat(ChangeFeed.json(ChangeFeed.ALL))
        .isEqualTo("[\"outbox\",\"journal\",\"throttle\",\"tokens\",\"faults\",\"state\"]");
    assertThat(ChangeFeed.json(0)).isEqualTo("[]");
  }

  @Test
  void aBurstOfChangesSchedulesOneEventUntilItIsSent() {
    CountingTimer timer = new CountingTimer();
    ChangeFeed feed = new ChangeFeed(2, Clock.systemUTC(), timer);
    try {
      for (int i = 0; i < 1_000; i++) {
        feed.changed(bits(Topic.JOURNAL));
        feed.changed(bits(Topic.JOURNAL, Topic.THROTTLE));
      }
      assertThat(timer.scheduled).hasValue(1);

      feed.flush();
      feed.changed(bits(Topic.OUTBOX));

      assertThat(timer.scheduled).hasValue(2);
    } finally {
      feed.close();
    }
    assertThat(timer.isShutdown()).isTrue();
  }

  @Test
  void withoutAnOpenStreamAnAnsweredRequestSchedulesNothing() {
    CountingTimer timer = new CountingTimer();
    ChangeFeed feed = new ChangeFeed(2, Clock.systemUTC(), timer);
    try {
      feed.answered("GET", "/api/v1/Contacts");
      assertThat(feed.watched()).isFalse();
      assertThat(timer.scheduled).hasValue(0);
    } finally {
      feed.close();
    }
  }

  /** Keeps the polls it is asked to repeat; never runs them (the test runs them by hand). */
  private static final class PollingTimer extends CountingTimer {
    final List<Runnable> polls = new ArrayList<>();

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable command, long initialDelay, long delay, TimeUnit unit) {
      assertThat(unit.toMillis(delay)).isEqualTo(ChangeFeed.POLL_MILLIS);
      polls.add(command);
      return null;
    }
  }

  @Test
  void withoutAnOpenStreamTheSharedChangesAreNotRead() {
    PollingTimer timer = new PollingTimer();
    ChangeFeed feed = new ChangeFeed(2, Clock.systemUTC(), timer);
    AtomicLong reads = new AtomicLong();
    try {
      feed.pollSharedChanges(reads::incrementAndGet);
      assertThat(timer.polls).hasSize(1);
      for (int i = 0; i < 3; i++) {
        timer.polls.get(0).run();
      }

      assertThat(reads).hasValue(0);
      assertThat(timer.scheduled).hasValue(0);
    } finally {
      feed.close();
    }
  }
}
