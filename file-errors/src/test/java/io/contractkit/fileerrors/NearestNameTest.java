package io.contractkit.fileerrors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The valid name a typo was meant to be, when one is close enough; never a far-fetched one. */
class NearestNameTest {
  private static final List<String> KEYS =
      List.of("host", "port", "throttle", "maxFailures", "authTokenTtl", "corsOrigins");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "maxFailure, maxFailures", // a letter left out
    "authTokenTTL, authTokenTtl", // case only
    "throtle, throttle",
    "prot, port", // two letters swapped
    "hots, host",
    "corsOrigin, corsOrigins",
    "CORSORIGINS, corsOrigins",
    "portt, port"
  })
  void aTypoGetsTheKeyItWasMeantToBe(String typed, String meant) {
    assertThat(NearestName.among(typed, KEYS)).contains(meant);
  }

  @ParameterizedTest
  @CsvSource({"foo", "xyz", "maxFail", "timeout", "a"})
  void aNameFarFromEveryKeyGetsNone(String typed) {
    assertThat(NearestName.among(typed, KEYS)).isEmpty();
  }

  @Test
  void noNamesGiveNoSuggestion() {
    assertThat(NearestName.among("port", List.of())).isEmpty();
  }

  @Test
  void onATieTheFirstListedWins() {
    assertThat(NearestName.among("bat", List.of("cat", "hat"))).contains("cat");
    assertThat(NearestName.among("bat", List.of("hat", "cat"))).contains("hat");
  }

  @Test
  void theAllowedDistanceGrowsWithTheLengthOfTheTypedName() {
    // 6 letters allow 2 edits, 5 letters only 1
    assertThat(NearestName.among("abcdxy", List.of("abcdef"))).contains("abcdef");
    assertThat(NearestName.among("abcxy", List.of("abcde"))).isEmpty();
    assertThat(NearestName.among("abcdx", List.of("abcde"))).contains("abcde");
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "'', '', 0",
    "'', abc, 3",
    "abc, '', 3",
    "abc, abc, 0",
    "abc, abd, 1",
    "abc, acb, 1",
    "abcd, badc, 2",
    "ca, abc, 3",
    "kitten, sitting, 3",
    "abc, xabc, 1",
    "abc, ab, 1"
  })
  void theDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int d) {
    assertThat(NearestName.distance(a, b)).isEqualTo(d);
  }
}
