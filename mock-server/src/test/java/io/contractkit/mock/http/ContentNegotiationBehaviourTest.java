package io.contractkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of Accept handling: quality bounds and spelling, parameters before {@code q}, repeated
 * ranges and ties decided by position.
 */
class ContentNegotiationBehaviourTest {

  @ParameterizedTest(name = "Accept: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // q=1 is the highest valid quality, above 1 or below 0 is invalid (treated as 0)
        "text/json;q=1, application/json;q=0.9|text/json",
        "text/json;q=1.5, application/json;q=0.9|application/json",
        "text/json;q=-0.5|application/json",
        // an empty q= is ignored: the range keeps its default quality 1
        "text/json;q=, application/json;q=0.9|text/json",
        // Q= is accepted like q=, also after other parameters and with spaces
        "application/json;q=0.5, text/json;Q=0.9|text/json",
        "application/json;q=0.8, text/json;level=1; q=0.9|text/json",
        "application/json;q=0.8, text/json;level=1;q=0.7|application/json",
        // a tie goes to the range listed first
        "application/json;q=0.5, text/json;q=0.5|application/json",
        "text/json;q=0.5, application/json;q=0.5|text/json",
        // a range listed twice counts with its best quality
        "text/json;q=0.9, text/json;q=0.2, application/json;q=0.5|text/json",
        "application/json;q=0.9, application/json;q=0.2, text/json;q=0.5|application/json",
        // text/json alone with a low but positive quality still wins over an absent
        // application/json
        "text/json;q=0.001|text/json",
        " Text/JSON ;q=0.3|text/json"
      })
  void picksTheMediaTypeTheClientPrefers(String accept, String expected) {
    assertThat(ContentNegotiation.jsonContentType(accept)).isEqualTo(expected + "; charset=utf-8");
  }
}
