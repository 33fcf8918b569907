package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-request log line, built without a formatter: method, target, status, tenths of ms. */
class RequestLineTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET | /api/v1/Contacts | secret=x&ip=192.0.2.1 | 200 | 0.44  | GET /api/v1/Contacts?secret=x&ip=192.0.2.1 200 0.4ms",
        "GET | /api/v1/Contacts | ''                    | 404 | 0.46  | GET /api/v1/Contacts 404 0.5ms",
        "POST| /__admin/reset   | ''                    | 204 | 0     | POST /__admin/reset 204 0.0ms",
        "GET | /x               | a=b                   | 400 | 12.96 | GET /x?a=b 400 13.0ms",
        "GET | /x               | ''                    | 200 | 1234.5| GET /x 200 1234.5ms",
      })
  void readsLikeAnAccessLogLine(
      String method, String path, String query, int status, float millis, String expected) {
    assertThat(RequestLog.line(method, path, query, status, millis)).isEqualTo(expected);
  }
}
