package io.contractkit.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.JsonComparison.Difference;
import io.contractkit.conformance.checks.JsonComparison.ExtraProperties;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The semantic JSON comparison shared by the checks that compare a body with an expected value. */
class JsonComparisonTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  // ---- order and numbers
  // ----------------------------------------------------------------------------

  @Test
  void propertyOrderDoesNotCount() {
    assertThat(
            difference(
                "{\"a\":1,\"b\":\"x\",\"c\":{\"d\":true,\"e\":null}}",
                "{\"c\":{\"e\":null,\"d\":true},\"b\":\"x\",\"a\":1}"))
        .isEmpty();
  }

  @Test
  void numbersCompareByValue() {
    assertThat(difference("{\"a\":1}", "{\"a\":1.0}")).isEmpty();
    assertThat(difference("{\"a\":1.0}", "{\"a\":1}")).isEmpty();
    assertThat(difference("{\"a\":1,\"b\":[1,2]}", "{\"b\":[1.0,2],\"a\":1.00}")).isEmpty();
    assertThat(difference("{\"a\":27}", "{\"a\":28}")).contains("at /a: expected 27, got 28");
  }

  @Test
  void aNumberAndAStringWithTheSameDigitsDiffer() {
    assertThat(difference("{\"a\":\"1\"}", "{\"a\":1}")).contains("at /a: expected \"1\", got 1");
  }

  // ---- date-times
  // --------------------------------------------------------------------------------------

  @Test
  void dateTimesAreEqualWhenTheyDenoteTheSameInstantInDifferentOffsets() {
    assertThat(
            difference(
                "{\"t\":\"2026-03-18T21:00:50.1053338+01:00\"}",
                "{\"t\":\"2026-03-18T20:00:50.1053338Z\"}"))
        .isEmpty();
    assertThat(
            difference(
                "{\"t\":\"2031-12-31T23:59:59.0000000+01:00\"}",
                "{\"t\":\"2031-12-31T22:59:59.000Z\"}"))
        .isEmpty();
    assertThat(
            difference("{\"t\":\"2024-02-06T03:41:07Z\"}", "{\"t\":\"2024-02-06T03:41:07+00:00\"}"))
        .isEmpty();
    assertThat(
            difference(
                "{\"t\":\"2031-12-31T23:59:59.0000000+01:00\"}",
                "{\"t\":\"2031-12-31T23:59:59.000+01:00\"}"))
        .isEmpty();
  }

  @Test
  void threeDigitsEqualSevenDigitsTruncated() {
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T03:41:07.2682884+00:00\"}",
                "{\"t\":\"2024-02-06T03:41:07.268Z\"}"))
        .isEmpty();
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T03:41:07.268Z\"}",
                "{\"t\":\"2024-02-06T03:41:07.2682884+00:00\"}"))
        .isEmpty();
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T04:41:07.2689999+01:00\"}",
                "{\"t\":\"2024-02-06T03:41:07.268Z\"}"))
        .isEmpty();
  }

  @Test
  void threeDigitsEqualSevenDigitsRounded() {
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T03:41:07.2687001+00:00\"}",
                "{\"t\":\"2024-02-06T03:41:07.269Z\"}"))
        .isEmpty();
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T03:41:07.269Z\"}",
                "{\"t\":\"2024-02-06T03:41:07.2685000+00:00\"}"))
        .isEmpty();
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T03:41:59.9996000+00:00\"}",
                "{\"t\":\"2024-02-06T03:42:00.000Z\"}"))
        .isEmpty();
  }

  @Test
  void threeDigitsThatAreNeitherTruncationNorRoundingDiffer() {
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T03:41:07.2682884+00:00\"}",
                "{\"t\":\"2024-02-06T03:41:07.267Z\"}"))
        .contains(
            "at /t: expected \"2024-02-06T03:41:07.2682884+00:00\", got \"2024-02-06T03:41:07.267Z\"");
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T03:41:07.2682884+00:00\"}",
                "{\"t\":\"2024-02-06T03:41:07.270Z\"}"))
        .isPresent();
    assertThat(
            difference(
                "{\"t\":\"2024-02-06T03:41:07.268Z\"}", "{\"t\":\"2024-02-06T03:41:07.269Z\"}"))
        .isPresent();
  }

  @Test
  void dateTimesDifferWhenTheInstantDiffers() {
    assertThat(
            difference("{\"t\":\"2031-12-31T23:59:59+01:00\"}", "{\"t\":\"2031-12-31T23:59:59Z\"}"))
        .contains("at /t: expected \"2031-12-31T23:59:59+01:00\", got \"2031-12-31T23:59:59Z\"");
    assertThat(
            difference(
                "{\"t\":\"2026-09-02T14:03:11.8285660+02:00\"}",
                "{\"t\":\"2026-09-03T14:03:11.8285660+02:00\"}"))
        .contains(
            "at /t: expected \"2026-09-02T14:03:11.8285660+02:00\", got \"2026-09-03T14:03:11.8285660+02:00\"");
  }

  @Test
  void aStringThatIsNoDateTimeComparesExactly() {
    assertThat(
            difference("{\"t\":\"2031-12-31T23:59:59+01:00\"}", "{\"t\":\"31.12.2031 23:59:59\"}"))
        .contains("at /t: expected \"2031-12-31T23:59:59+01:00\", got \"31.12.2031 23:59:59\"");
    assertThat(difference("{\"s\":\"Jürgen Weiß\"}", "{\"s\":\"J?rgen Wei?\"}"))
        .contains("at /s: expected \"Jürgen Weiß\", got \"J?rgen Wei?\"");
  }

  // ---- absent and null
  // -------------------------------------------------------------------------------

  @Test
  void anAbsentPropertyEqualsANullOne() {
    assertThat(difference("{\"a\":{\"b\":null}}", "{\"a\":{}}")).isEmpty();
    assertThat(difference("{\"a\":{}}", "{\"a\":{\"b\":null}}")).isEmpty();
  }

  @Test
  void anAbsentPropertyDiffersFromAValue() {
    assertThat(difference("{\"a\":{\"b\":1}}", "{\"a\":{}}"))
        .contains("at /a/b: expected 1, got (absent)");
    assertThat(difference("{\"a\":null}", "{\"a\":0}")).contains("at /a: expected null, got 0");
    assertThat(difference("{\"a\":\"\"}", "{\"a\":null}"))
        .contains("at /a: expected \"\", got null");
  }

  @Test
  void propertiesOnlyTheActualValueHasDifferUnlessIgnored() {
    assertThat(difference("{\"a\":1}", "{\"a\":1,\"x/y\":2}"))
        .contains("at /x~1y: expected (absent), got 2");
    assertThat(
            JsonComparison.first(
                json("{\"a\":1}"), json("{\"a\":1,\"x/y\":2}"), ExtraProperties.IGNORED))
        .isEmpty();
    assertThat(
            JsonComparison.first(
                    json("{\"a\":{\"b\":1}}"),
                    json("{\"a\":{\"c\":2},\"d\":3}"),
                    ExtraProperties.IGNORED)
                .map(Difference::toString))
        .contains("at /a/b: expected 1, got (absent)");
  }

  // ---- the difference
  // ----------------------------------------------------------------------------------

  @Test
  void namesTheFirstDifferingNestedPointerWithExpectedAndActual() {
    Difference d =
        JsonComparison.first(
                json("{\"a\":{\"b\":[{\"c\":1},{\"d~e\":\"x\"}]},\"z\":1}"),
                json("{\"a\":{\"b\":[{\"c\":1},{\"d~e\":\"y\"}]},\"z\":2}"))
            .orElseThrow();
    assertThat(d.pointer()).isEqualTo("/a/b/1/d~0e");
    assertThat(d.where()).isEqualTo("/a/b/1/d~0e");
    assertThat(d.expected()).isEqualTo(json("\"x\""));
    assertThat(d.actual()).isEqualTo(json("\"y\""));
    assertThat(d.expectedText()).isEqualTo("\"x\"");
    assertThat(d.actualText()).isEqualTo("\"y\"");
    assertThat(d).hasToString("at /a/b/1/d~0e: expected \"x\", got \"y\"");
  }

  @Test
  void anAbsentValueHasNoNodeAndIsShownAsAbsent() {
    Difference d =
        JsonComparison.first(
                json("{\"Email\":\"zoe@example.de\"}"), json("{\"email\":\"zoe@example.de\"}"))
            .orElseThrow();
    assertThat(d.pointer()).isEqualTo("/Email");
    assertThat(d.actual()).isNull();
    assertThat(d.actualText()).isEqualTo(Difference.ABSENT);
  }

  @Test
  void aDifferenceOfTheWholeValueIsAtTheRoot() {
    assertThat(difference("[]", "{}")).contains("at the root: expected [], got {}");
    Difference d = JsonComparison.first(json("1"), json("2")).orElseThrow();
    assertThat(d.pointer()).isEmpty();
    assertThat(d.where()).isEqualTo("/");
  }

  @Test
  void longValuesAreShortenedInTheMessage() {
    String longText = "x".repeat(500);
    Difference d =
        JsonComparison.first(json("{\"a\":\"" + longText + "\"}"), json("{\"a\":\"y\"}"))
            .orElseThrow();
    assertThat(d.expectedText()).hasSizeLessThan(200).endsWith("…");
  }

  @Test
  void valuesOfUpTo120CharactersOfJsonAreShownWhole() {
    String exactly = "\"" + "x".repeat(118) + "\"";
    Difference d =
        JsonComparison.first(
                json("{\"a\":" + exactly + "}"), json("{\"a\":\"x" + exactly.substring(1) + "}"))
            .orElseThrow();

    assertThat(d.expectedText()).isEqualTo(exactly);
    assertThat(d.actualText()).isEqualTo("\"x" + "x".repeat(118) + "…");
  }

  // ---- arrays
  // ----------------------------------------------------------------------------------------------

  @Test
  void arraysCompareElementByElement() {
    assertThat(difference("{\"a\":[1,{\"b\":2},\"c\"]}", "{\"a\":[1.0,{\"b\":2},\"c\"]}"))
        .isEmpty();
    assertThat(difference("{\"a\":[1,2,3]}", "{\"a\":[1,3,2]}"))
        .contains("at /a/1: expected 2, got 3");
    assertThat(difference("{\"a\":[1,2]}", "{\"a\":[1]}"))
        .contains("at /a/1: expected 2, got (absent)");
    assertThat(difference("{\"a\":[1]}", "{\"a\":[1,2]}"))
        .contains("at /a/1: expected (absent), got 2");
    assertThat(difference("{\"a\":[null]}", "{\"a\":[]}"))
        .contains("at /a/0: expected null, got (absent)");
  }

  private static Optional<String> difference(String expected, String actual) {
    return JsonComparison.first(json(expected), json(actual)).map(Difference::toString);
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  // ---- null versus missing, by mode
  // ------------------------------------------------------------------

  @Test
  void aMissingPropertyAndANullOneAreTheSameInLenientModeAndDifferInStrictMode() {
    JsonNode withNull = JSON.readTree("{\"a\":1,\"b\":null}");
    JsonNode without = JSON.readTree("{\"a\":1}");

    assertThat(
            JsonComparison.first(
                withNull, without, ExtraProperties.COMPARED, JsonComparison.MissingNull.EQUAL))
        .isEmpty();
    assertThat(
            JsonComparison.first(
                without, withNull, ExtraProperties.COMPARED, JsonComparison.MissingNull.EQUAL))
        .isEmpty();
    assertThat(
            JsonComparison.first(
                    withNull,
                    without,
                    ExtraProperties.COMPARED,
                    JsonComparison.MissingNull.DIFFERENT)
                .map(Difference::toString))
        .contains("at /b: expected null, got (absent)");
    assertThat(
            JsonComparison.first(
                    without,
                    withNull,
                    ExtraProperties.COMPARED,
                    JsonComparison.MissingNull.DIFFERENT)
                .map(Difference::toString))
        .contains("at /b: expected (absent), got null");
    assertThat(
            JsonComparison.first(
                without, withNull, ExtraProperties.IGNORED, JsonComparison.MissingNull.DIFFERENT))
        .isEmpty();
  }

  @Test
  void strictModeTellsMissingFromNullAndLenientModeDoesNot() {
    assertThat(JsonComparison.MissingNull.in(Mode.STRICT))
        .isEqualTo(JsonComparison.MissingNull.DIFFERENT);
    assertThat(JsonComparison.MissingNull.in(Mode.LENIENT))
        .isEqualTo(JsonComparison.MissingNull.EQUAL);
    assertThat(
            JsonComparison.first(
                JSON.readTree("{\"c\":{\"fax\":null}}"),
                JSON.readTree("{\"c\":{}}"),
                ExtraProperties.IGNORED))
        .isEmpty();
  }
}
