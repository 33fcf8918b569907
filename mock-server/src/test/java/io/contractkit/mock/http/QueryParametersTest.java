package io.contractkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict, case-insensitive query parsing, and the problems it reports. */
class QueryParametersTest {

  @Test
  void namesMatchCaseInsensitivelyAndValuesArePercentDecoded() {
    QueryParameters q = QueryParameters.parse("SeCrEt=Z%C3%B6e%20M+x&other=1");

    assertThat(q.required("secret")).isEqualTo("Zöe M x");
  }

  @Test
  void rawNonAsciiCharactersAreKept() {
    assertThat(QueryParameters.parse("name=Łucja").required("name")).isEqualTo("Łucja");
  }

  @Test
  void anAbsentOptionalParameterIsEmpty() {
    assertThat(QueryParameters.parse("a=1").optional("ip")).isEmpty();
    assertThat(QueryParameters.parse(null).optional("ip")).isEmpty();
  }

  @Test
  void aMissingRequiredParameterIsNamed() {
    assertThatThrownBy(() -> QueryParameters.parse("").required("secret"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.parameter()).contains("secret");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret=a&secret=b", "secret=a&SECRET=a"})
  void aParameterGivenTwiceIsRefused(String query) {
    assertThatThrownBy(() -> QueryParameters.parse(query).required("secret"))
        .hasMessage("The query parameter 'secret' must be given only once.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret=", "secret", "secret=%20", "secret=+"})
  void anEmptyOrBlankValueIsRefused(String query) {
    assertThatThrownBy(() -> QueryParameters.parse(query).required("secret"))
        .hasMessage("The query parameter 'secret' must not be empty.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"secret=a%00b", "secret=a%0Ab", "secret=%1B", "secret=%7F", "secret=a%E2%80%A8b"})
  void controlCharactersAreRefusedWithoutEchoingTheValue(String query) {
    assertThatThrownBy(() -> QueryParameters.parse(query).required("secret"))
        .hasMessage("The query parameter 'secret' must not contain control characters.");
  }

  @Test
  void aValueOverTheLimitIsRefused() {
    String ok = "a".repeat(QueryParameters.MAX_VALUE_LENGTH);
    assertThat(QueryParameters.parse("secret=" + ok).required("secret")).hasSize(256);
    assertThatThrownBy(() -> QueryParameters.parse("secret=" + ok + "a").required("secret"))
        .hasMessageContaining("at most 256 characters");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"secret=%zz", "secret=%e", "secret=abc%", "secret=%C3%28", "secret=%C0%AF"})
  void badPercentEncodingOrInvalidUtf8IsRefused(String query) {
    assertThatThrownBy(() -> QueryParameters.parse(query))
        .isInstanceOf(ApiProblem.class)
        .hasMessageContaining("not valid");
  }
}
