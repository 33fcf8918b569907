package io.contractkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which query values the redaction masks: credentials by name, in any case and encoding, also when
 * an encoded '=' makes the mock read the whole parameter as a name, and whenever the name cannot be
 * decoded.
 */
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
        "secret%FF=abc|secret%FF=***",
        "secret%3Dabc|secret%3D***",
        "secret%3dabc|secret%3d***",
        "ip=1&SeCrEt%3D%61bc&x=2|ip=1&SeCrEt%3D***&x=2",
        "%73ecret%3Dabc|%73ecret%3D***",
        "secret%3Dabc=def|secret%3D***",
        "authToken%3D1&accessToken%3Dlead|authToken%3D***&accessToken%3D***",
        "secret+=abc|secret+=***",
        "%20secret%20=abc|%20secret%20=***",
        "accessTo%E2%84%AAen=lead|accessTo%E2%84%AAen=***",
        "%C5%BFecret=abc|%C5%BFecret=***",
        "%7\uFF13ecret=abc|%7\uFF13ecret=***",
        "%%3Dabc|%%3D***",
        "sec%ret=abc|sec%ret=***"
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
        "=abc",
        "secret%3D",
        "secret%3",
        "ip=1&secret%",
        "x=secret%3Dabc",
        "x%3Dsecret=abc",
        "ip=1%3D2",
        "se+cret=abc",
        "secret%253Dabc"
      })
  void everythingElseIsLeftAsItIs(String query) {
    assertThat(QueryRedaction.redact(query)).isSameAs(query);
  }
}
