package io.contractkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which query values the redaction masks: credentials by name, in any case and encoding. */
class QueryRedactionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "secret=abc|secret=***",
        "secret=abc&ip=203.0.113.1|secret=***&ip=203.0.113.1",
        "ip=203.0.113.1&secret=abc|ip=203.0.113.1&secret=***",
        "a=1&SECRET=abc&b=2|a=1&SECRET=***&b=2",
        "accessToken=lead-1&authToken=123456&source=web|accessToken=***&authToken=***&source=web",
        "ACCESSTOKEN=x&authtoken=y|ACCESSTOKEN=***&authtoken=***",
        "secret=a&Secret=b|secret=***&Secret=***",
        "%73ecret=abc|%73ecret=***",
        "auth%54oken=123|auth%54oken=***",
        "secret=a%26b&ip=1|secret=***&ip=1",
        "&&secret=abc&|&&secret=***&",
        "secret=abc=def|secret=***",
        "%zz=abc&ip=1|%zz=***&ip=1",
        "secret%FF=abc|secret%FF=***"
      })
  void credentialValuesAreMasked(String query, String redacted) {
    assertThat(QueryRedaction.redact(query)).isEqualTo(redacted);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ip=203.0.113.1",
        "secretive=abc",
        "my-secret=abc",
        "secret",
        "secret=",
        "channel=sms&source=web&limit=5",
        "&&",
        "=abc"
      })
  void everythingElseIsLeftAsItIs(String query) {
    assertThat(QueryRedaction.redact(query)).isSameAs(query);
  }
}
