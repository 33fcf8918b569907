package io.contractkit.mock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code --latency} and a rule's delay are read, written back and drawn. */
class DelayRangeTest {

  @ParameterizedTest
  @CsvSource({
    "50ms, PT0.05S, PT0.05S, 50ms",
    "50ms..200ms, PT0.05S, PT0.2S, 50ms..200ms",
    "1s..1m, PT1S, PT1M, 1s..1m",
    "PT0.5S..2s, PT0.5S, PT2S, 500ms..2s",
    "0ms, PT0S, PT0S, 0s",
    "10m, PT10M, PT10M, 10m",
    "2s..2s, PT2S, PT2S, 2s",
  })
  void aDelayIsOneDurationOrARangeAndIsWrittenBackInShortForm(
      String text, String min, String max, String written) {
    DelayRange delay = DelayRange.parse(text);

    assertThat(delay.min()).isEqualTo(Duration.parse(min));
    assertThat(delay.max()).isEqualTo(Duration.parse(max));
    assertThat(delay).hasToString(written);
    assertThat(DelayRange.parse(delay.toString())).isEqualTo(delay);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "soon | 'soon' is not a duration",
        "1s.. | '' is not a duration",
        "..1s | '' is not a duration",
        "1s..2s..3s | '2s..3s' is one duration, not a range",
        "2s..1s | the shortest delay must not be longer than the longest",
        "11m | a delay must be at most 10m",
        "1s..11m | a delay must be at most 10m",
        "PT-1S | a delay must not be negative",
        "PT-2S..PT-1S | a delay must not be negative",
      })
  void anythingElseIsRefusedSayingWhy(String text, String message) {
    assertThatThrownBy(() -> DelayRange.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aFixedDelayDrawsNothing() {
    Random random = new Random(1);
    Random untouched = new Random(1);

    assertThat(DelayRange.parse("300ms").draw(random)).isEqualTo(Duration.ofMillis(300));
    assertThat(random.nextLong()).isEqualTo(untouched.nextLong());
  }

  @Test
  void aRangeDrawsEveryWholeMillisecondFromMinToMaxAndNothingElse() {
    DelayRange range = DelayRange.parse("10ms..13ms");
    Random random = new Random(7);
    Set<Duration> drawn = new HashSet<>();

    for (int i = 0; i < 400; i++) {
      drawn.add(range.draw(random));
    }

    assertThat(drawn)
        .containsExactlyInAnyOrder(
            Duration.ofMillis(10),
            Duration.ofMillis(11),
            Duration.ofMillis(12),
            Duration.ofMillis(13));
  }

  @Test
  void theSameSeedDrawsTheSameDelays() {
    DelayRange range = DelayRange.parse("100ms..2s");
    Random one = new Random(42);
    Random other = new Random(42);

    for (int i = 0; i < 20; i++) {
      assertThat(range.draw(one)).isEqualTo(range.draw(other));
    }
  }
}
