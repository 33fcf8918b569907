package io.contractkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding details of the query string: where escapes may stand and what they decode to. */
class QueryParametersBehaviourTest {

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "secret=a+b|a b",
        "secret=ab%41|abA",
        "secret=%41b%42|AbB",
        "secret=%c3%b6%C3%96|öÖ",
        "secret=a=b|a=b",
        "se%63ret=x|x",
        "SECRET+=x|",
        "&&secret=x&|x",
        "other=%41&secret=plain|plain"
      })
  void decodesNamesAndValues(String query, String expected) {
    QueryParameters q = QueryParameters.parse(query);
    if (expected == null) {
      assertThat(q.optional("secret")).isEmpty();
    } else {
      assertThat(q.required("secret")).isEqualTo(expected);
    }
  }

  @Test
  void anEscapeThatEndsTheValueExactlyIsComplete() {
    assertThat(QueryParameters.parse("secret=%41").required("secret")).isEqualTo("A");
    assertThatThrownBy(() -> QueryParameters.parse("secret=a%4"))
        .isInstanceOf(ApiProblem.class)
        .hasMessage(
            "The query string is not valid: it has a bad percent-encoding or is not UTF-8.");
  }

  @Test
  void aValueWithoutANameMustStillBeValidlyEncoded() {
    assertThatThrownBy(() -> QueryParameters.parse("=%zz&secret=x"))
        .isInstanceOf(ApiProblem.class)
        .hasMessage(
            "The query string is not valid: it has a bad percent-encoding or is not UTF-8.");
    assertThat(QueryParameters.parse("=%41&secret=x").required("secret")).isEqualTo("x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret=%4g", "secret=%g4", "secret=%%41"})
  void bothHexDigitsMustBeHex(String query) {
    assertThatThrownBy(() -> QueryParameters.parse(query))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.type()).isEqualTo("https://contract-kit.example/problems/bad-request");
            });
  }

  @Test
  void noCharacterButAnAsciiHexDigitMakesAnEscape() {
    for (char c = 0x80; c < 0xFFFF; c++) {
      if (Character.digit(c, 16) >= 0) { // fullwidth, Arabic-Indic, Devanagari... digits and A-F
        String query = "secret=%3" + c + "&x=%" + c + "3";
        assertThatThrownBy(() -> QueryParameters.parse(query))
            .as(query)
            .isInstanceOf(ApiProblem.class);
        assertThat(QueryParameters.decode("%3" + c)).as(query).isEmpty();
      }
    }
  }

  @Test
  void namesMatchWithoutRegardToTheCaseOfAsciiLettersOnly() {
    QueryParameters q =
        QueryParameters.parse("AUTHTOKEN=1&accessTo\u212Aen=2&\u017Fecret=3&ZAP=4&Ip=5");

    assertThat(q.required("authToken")).isEqualTo("1");
    assertThat(q.required("zap")).isEqualTo("4");
    assertThat(q.required("IP")).isEqualTo("5");
    assertThat(q.optional("accessToken")).isEmpty();
    assertThat(q.optional("secret")).isEmpty();
    assertThat(q.optional("accessTo\u212Aen")).contains("2");
  }

  @Test
  void decodeReadsAComponentAsParseDoes() {
    assertThat(QueryParameters.decode("se%63ret+%C3%B6")).contains("secret ö");
    assertThat(QueryParameters.decode("plain")).contains("plain");
    assertThat(QueryParameters.decode("%zz")).isEmpty();
    assertThat(QueryParameters.decode("a%C3%28")).isEmpty();
    assertThat(QueryParameters.decode("%C3%28a")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret=a%E2%80%A9b", "secret=a%C2%85b", "secret=a%09b"})
  void lineAndParagraphSeparatorsAndC1ControlsAreRefused(String query) {
    assertThatThrownBy(() -> QueryParameters.parse(query).required("secret"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.parameter()).contains("secret");
              assertThat(p.detail())
                  .isEqualTo("The query parameter 'secret' must not contain control characters.");
            });
  }

  @Test
  void anOptionalParameterObeysTheSameRulesAsARequiredOne() {
    assertThat(QueryParameters.parse("ip=192.0.2.1").optional("IP")).contains("192.0.2.1");
    assertThatThrownBy(() -> QueryParameters.parse("ip=").optional("ip"))
        .hasMessage("The query parameter 'ip' must not be empty.");
    assertThatThrownBy(() -> QueryParameters.parse("ip=1&ip=2").optional("ip"))
        .hasMessage("The query parameter 'ip' must be given only once.");
    assertThatThrownBy(() -> QueryParameters.parse("ip=" + "1".repeat(257)).optional("ip"))
        .hasMessage("The query parameter 'ip' must be at most 256 characters long.");
  }

  @Test
  void theProblemsOfAParameterAreInvalidParameterProblemsNamingIt() {
    assertThatThrownBy(() -> QueryParameters.parse("secret=").required("secret"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.type())
                  .isEqualTo("https://contract-kit.example/problems/invalid-parameter");
              assertThat(p.title()).isEqualTo("Invalid query parameter");
              assertThat(p.parameter()).contains("secret");
              assertThat(p.retryAfterSeconds()).isEmpty();
            });
    assertThatThrownBy(() -> QueryParameters.parse("").required("secret"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.type())
                  .isEqualTo("https://contract-kit.example/problems/missing-parameter");
              assertThat(p.title()).isEqualTo("Missing query parameter");
              assertThat(p.detail())
                  .isEqualTo("The query parameter 'secret' is required and must not be omitted.");
            });
  }
}
