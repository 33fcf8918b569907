package io.contractkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which JSON media type an Accept header gets (never a 406). */
class ContentNegotiationTest {

  @ParameterizedTest(name = "Accept: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL|application/json",
        "''|application/json",
        "*/*|application/json",
        "application/json|application/json",
        "text/json|text/json",
        "TEXT/JSON|text/json",
        "text/json; charset=utf-8|text/json",
        "text/json, application/json|text/json",
        "application/json, text/json|application/json",
        "text/json;q=0.5, application/json|application/json",
        "application/json;q=0.4, text/json;q=0.9|text/json",
        "text/json;q=0|application/json",
        "text/json;q=abc|application/json",
        "application/xml|application/json",
        "text/html, */*;q=0.8|application/json"
      })
  void picksTextJsonOnlyWhenPreferred(String accept, String expected) {
    assertThat(ContentNegotiation.jsonContentType(accept)).startsWith(expected + ";");
  }
}
