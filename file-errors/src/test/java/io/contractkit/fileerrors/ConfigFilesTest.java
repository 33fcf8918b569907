package io.contractkit.fileerrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A file a user wrote is read into a record, or refused with every problem at once: each with file,
 * line and column, the key, what was expected and the nearest valid key or value.
 */
class ConfigFilesTest {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

  /** With Jackson 2's default: an unknown key still does not end the reading. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  enum Mode {
    STRICT,
    LENIENT
  }

  record Limits(Integer maxFailures, String window, String block) {}

  record Item(String name, Integer size) {}

  record Settings(
      String host,
      Integer port,
      Limits throttle,
      List<String> origins,
      List<Item> items,
      Map<String, Integer> sizes,
      Boolean redact,
      Mode mode,
      Double ratio) {}

  record Counter(int count) {}

  record Wide(long big, Long small) {}

  record Timed(Duration timeout) {}

  record Checked(Integer low, Integer high) {
    Checked {
      if (low != null && high != null && low > high) {
        throw new IllegalArgumentException("low must not be above high");
      }
    }
  }

  record Outer(String name, Checked range) {}

  @Test
  void aValidFileIsReadIntoTheRecord() {
    Settings settings =
        read(
            YAML,
            """
            host: h
            port: 8080
            throttle: {maxFailures: 3, window: 1s, block: 2s}
            origins: [a, b]
            items: [{name: x, size: 1}]
            sizes: {s: 1}
            redact: true
            mode: Strict
            ratio: 0.5
            """);

    assertThat(settings)
        .isEqualTo(
            new Settings(
                "h",
                8080,
                new Limits(3, "1s", "2s"),
                List.of("a", "b"),
                List.of(new Item("x", 1)),
                Map.of("s", 1),
                true,
                Mode.STRICT,
                0.5));
  }

  @Test
  void aBlankFileIsNull() {
    assertThat(read(YAML, " \n")).isNull();
  }

  @Test
  void everyUnknownKeyIsReportedAtItsKeyWithTheNearestValidKeyAndTheValidKeysThere() {
    FileProblems problems =
        problems(
            YAML,
            """
            host: h
            throttle:
              maxFailure: 5
              window: 1s
            authTokenTTL: 15m
            items:
              - name: a
                sise: {deep: [1]}
            zzz: [1, 2]
            """);

    assertThat(problems.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "s.yaml:3:3: unknown key 'maxFailure' in throttle (did you mean 'maxFailures'?);"
                + " valid keys in throttle: maxFailures, window, block",
            "s.yaml:5:1: unknown key 'authTokenTTL'; valid keys at the top level: host, port,"
                + " throttle, origins, items, sizes, redact, mode, ratio",
            "s.yaml:8:5: unknown key 'sise' in items[0] (did you mean 'size'?); valid keys in"
                + " items[0]: name, size",
            "s.yaml:9:1: unknown key 'zzz'; valid keys at the top level: host, port, throttle,"
                + " origins, items, sizes, redact, mode, ratio");
    assertThat(problems.getMessage())
        .isEqualTo(
            "settings s.yaml has 4 problems:\n  "
                + String.join(
                    "\n  ", problems.problems().stream().map(FileProblem::toString).toList()));
  }

  @Test
  void anUnknownKeyAfterEveryKnownOneIsFoundToo() {
    FileProblems problems =
        problems(
            JSON,
            "{\"throttle\": {\"maxFailures\": 1, \"window\": \"1s\", \"block\": \"1s\",\n \"extra\": {\"a\": 1}}}");

    assertThat(problems.getMessage())
        .isEqualTo(
            "settings s.yaml:2:2: unknown key 'extra' in throttle; valid keys in throttle:"
                + " maxFailures, window, block");
  }

  @Test
  void aKeyInTheWrongCaseIsSuggestedInTheRightOne() {
    assertThat(problems(YAML, "HOST: h\n").getMessage())
        .contains("unknown key 'HOST' (did you mean 'host'?)");
  }

  @Test
  void everyValueOfTheWrongKindIsReportedWithTheKeyAndWhatWasExpected() {
    FileProblems problems =
        problems(
            YAML,
            """
            port: [9091]
            host: {a: 1}
            throttle: 5
            origins: one
            redact: maybe
            mode: strikt
            ratio: x
            items: [{name: a, size: no}, 7]
            sizes: [1]
            """);

    assertThat(problems.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "s.yaml:1:7: port: expected a whole number, found a list",
            "s.yaml:2:7: host: expected a string, found a mapping",
            "s.yaml:3:11: throttle: expected a mapping with the keys maxFailures, window, block,"
                + " found 5",
            "s.yaml:4:10: origins: expected a list, found 'one'",
            "s.yaml:5:9: redact: expected true or false, found 'maybe'",
            "s.yaml:6:7: mode: expected one of strict, lenient, found 'strikt' (did you mean"
                + " 'strict'?)",
            "s.yaml:7:8: ratio: expected a number, found 'x'",
            "s.yaml:8:25: items[0].size: expected a whole number, found 'no'",
            "s.yaml:8:30: items[1]: expected a mapping with the keys name, size, found 7",
            "s.yaml:9:8: sizes: expected a mapping, found a list");
  }

  @Test
  void aWholeNumberInOtherDigitsThanAsciiIsAValueOfTheWrongKind() {
    FileProblems problems =
        problems(
            YAML,
            """
            port: \uFF18\uFF10\uFF18\uFF10
            throttle: {maxFailures: "\u0665"}
            items: [{name: a, size: 1\u096E}]
            sizes: {s: "\uFF11"}
            """);

    assertThat(problems.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "s.yaml:1:7: port: expected a whole number, found '\uFF18\uFF10\uFF18\uFF10'",
            "s.yaml:2:25: throttle.maxFailures: expected a whole number, found '\u0665'",
            "s.yaml:3:25: items[0].size: expected a whole number, found '1\u096E'",
            "s.yaml:4:12: sizes.s: expected a whole number, found '\uFF11'");
  }

  @Test
  void aWholeNumberInAsciiDigitsIsReadAsBeforeAlsoAsTextAndAsAPrimitive() {
    Settings settings = read(JSON, "{\"port\": \"8080\", \"sizes\": {\"s\": 7}}");
    Counter counter = ConfigFiles.read(YAML, Counter.class, "count: '42'\n", "settings", "c.yaml");
    Wide wide = ConfigFiles.read(YAML, Wide.class, "big: 12345678901\nsmall: '7'\n", "w", "w.yaml");

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.sizes()).containsEntry("s", 7);
    assertThat(counter.count()).isEqualTo(42);
    assertThat(wide).isEqualTo(new Wide(12345678901L, 7L));
  }

  @Test
  void primitivesAndLongsInOtherDigitsAreRefusedToo() {
    FileProblems counter =
        catchThrowableOfType(
            FileProblems.class,
            () -> ConfigFiles.read(YAML, Counter.class, "count: \uFF14\n", "settings", "c.yaml"));
    FileProblems wide =
        catchThrowableOfType(
            FileProblems.class,
            () ->
                ConfigFiles.read(YAML, Wide.class, "big: \u0661\nsmall: \uFF11\n", "w", "w.yaml"));

    assertThat(counter.getMessage())
        .isEqualTo("settings c.yaml:1:8: count: expected a whole number, found '\uFF14'");
    assertThat(wide.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "w.yaml:1:6: big: expected a whole number, found '\u0661'",
            "w.yaml:2:8: small: expected a whole number, found '\uFF11'");
  }

  @Test
  void anEnumValueFarFromEveryConstantGetsNoSuggestion() {
    assertThat(problems(YAML, "mode: quick\n").getMessage())
        .isEqualTo("settings s.yaml:1:7: mode: expected one of strict, lenient, found 'quick'");
  }

  @Test
  void enumConstantsKeepTheirCaseWhereCaseMatters() {
    assertThat(problems(JSON, "{\"mode\": \"strict\"}").getMessage())
        .isEqualTo(
            "settings s.yaml:1:10: mode: expected one of STRICT, LENIENT, found 'strict' (did you"
                + " mean 'STRICT'?)");
  }

  @Test
  void aWholeFileOfTheWrongKindIsReported() {
    assertThat(problems(YAML, "- 1\n- 2\n").getMessage())
        .isEqualTo(
            "settings s.yaml:1:1: expected a mapping with the keys host, port, throttle, origins,"
                + " items, sizes, redact, mode, ratio, found a list");
  }

  @Test
  void aPrimitiveOfTheWrongKindIsReportedToo() {
    FileProblems problems =
        catchThrowableOfType(
            FileProblems.class,
            () -> ConfigFiles.read(YAML, Counter.class, "count: [1]\n", "settings", "c.yaml"));

    assertThat(problems.getMessage())
        .isEqualTo("settings c.yaml:1:8: count: expected a whole number, found a list");
  }

  @Test
  void aYamlSyntaxErrorEndsTheReadingAndComesAfterWhatWasFoundBeforeIt() {
    FileProblems problems = problems(YAML, "host: h\nport: [9091\n");

    assertThat(problems.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "s.yaml:2:7: port: expected a whole number, found a list",
            "s.yaml:2:12: not valid YAML: expected ',' or ']', but got <stream end> (while"
                + " parsing a flow sequence that starts at 2:7)");
  }

  @Test
  void problemsAreListedInTheOrderOfTheFile() {
    FileProblems problems = problems(YAML, "prot: 1\nport: x\n");

    assertThat(problems.problems()).extracting(FileProblem::line).containsExactly(1, 2);
  }

  @Test
  void aYamlSyntaxErrorWithoutContextIsReportedAtItsPlace() {
    assertThat(problems(YAML, "host: x\n  bad: indent\n").getMessage())
        .isEqualTo("settings s.yaml:2:6: not valid YAML: mapping values are not allowed here");
  }

  @Test
  void aJsonSyntaxErrorIsReportedAtItsPlaceWithoutJacksonsSourceDescription() {
    assertThat(problems(JSON, "{\"port\": 1,\n \"host\": }").getMessage())
        .isEqualTo(
            "settings s.yaml:2:10: not valid JSON: Unexpected character ('}' (code 125)): expected"
                + " a value");
    assertThat(problems(JSON, "{\"origins\": [\"a\"").getMessage())
        .isEqualTo(
            "settings s.yaml:1:17: not valid JSON: Unexpected end-of-input: expected close marker"
                + " for Array");
  }

  @Test
  void aNumberOutOfRangeIsReportedAtItsKey() {
    assertThat(problems(YAML, "throttle: {maxFailures: 99999999999}\n").getMessage())
        .isEqualTo("settings s.yaml:1:36: throttle.maxFailures: the number is out of range");
  }

  @Test
  void anEnumNumberOutOfRangeIsReportedWithWhatWasExpected() {
    assertThat(problems(YAML, "mode: 7\n").getMessage())
        .isEqualTo("settings s.yaml:1:7: mode: expected one of strict, lenient, found 7");
  }

  @Test
  void aValueOfATypeWithoutKeysIsReportedAsTheWrongKind() {
    FileProblems problems =
        catchThrowableOfType(
            FileProblems.class,
            () -> ConfigFiles.read(YAML, Timed.class, "timeout: [1]\n", "settings", "t.yaml"));

    assertThat(problems.getMessage())
        .isEqualTo("settings t.yaml:1:10: timeout: expected a value of another kind, found a list");
  }

  @Test
  void valuesARecordRefusesAreReportedAtItsKeyWithItsMessage() {
    FileProblems problems =
        catchThrowableOfType(
            FileProblems.class,
            () ->
                ConfigFiles.read(
                    YAML,
                    Outer.class,
                    "name: n\nrange:\n  low: 5\n  high: 1\n",
                    "settings",
                    "o.yaml"));

    assertThat(problems.getMessage())
        .isEqualTo("settings o.yaml:2:1: range: low must not be above high");
  }

  @Test
  void aNumberOutOfRangeInAListIsReportedAtItsItem() {
    assertThat(problems(YAML, "items: [{size: 99999999999}]\n").getMessage())
        .isEqualTo("settings s.yaml:1:27: items[0].size: the number is out of range");
  }

  @Test
  void aYamlSyntaxErrorWithAContextButNoPlaceForItNamesTheContext() {
    assertThat(problems(YAML, "\tport: 1\n").getMessage())
        .isEqualTo(
            "settings s.yaml:1:1: not valid YAML: found character '\\t(TAB)' that cannot start"
                + " any token. (Do not use \\t(TAB) for indentation) (while scanning for the next"
                + " token)");
  }

  @Test
  void aProblemJacksonReportedIsPlacedAndWordedLikeTheOthers() {
    JacksonException error =
        catchThrowableOfType(JacksonException.class, () -> JSON.readTree("[1,\n 2"));

    assertThat(ConfigFiles.problem("f.json", error, JSON).toString())
        .isEqualTo(
            "f.json:2:3: not valid JSON: Unexpected end-of-input: expected close marker for"
                + " Array");
  }

  private static Settings read(ObjectMapper mapper, String text) {
    return ConfigFiles.read(mapper, Settings.class, text, "settings", "s.yaml");
  }

  private static FileProblems problems(ObjectMapper mapper, String text) {
    FileProblems problems = catchThrowableOfType(FileProblems.class, () -> read(mapper, text));
    assertThat(problems).as("FileProblems").isNotNull();
    return problems;
  }
}
