package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parameter rules of both operations, as one table: each awkward way of passing a parameter and
 * its defined answer (the README's "Parameter rules"). Names match case-insensitively, as ASP.NET
 * model binding does; a parameter given twice in any case or spelling is a 400 naming it; an empty
 * or blank value is a 400 naming it; a name without '=' counts as an empty value; unknown
 * parameters are ignored. HostileInputTest covers hostile values in every parameter.
 */
class ParameterRulesTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String S = "8Qm3vT7kLp2XwZ9rBn4Y";
  private static final String L = "accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=web";

  @ParameterizedTest(name = "{0}: {1} -> {2} {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      nullValues = "-",
      value = {
        // case                          | target                                        | status |
        // parameter or answer
        "exact names                     | /api/v1/Contacts?secret="
            + S
            + "                | 200 | contact",
        "name in upper case              | /api/v1/Contacts?SECRET="
            + S
            + "                | 200 | contact",
        "name in mixed case              | /api/v1/Contacts?sEcReT="
            + S
            + "&Ip=192.0.2.1   | 200 | contact",
        "percent-encoded name            | /api/v1/Contacts?%73ecret="
            + S
            + "              | 200 | contact",
        "unknown parameters              | /api/v1/Contacts?secret="
            + S
            + "&x=1&Secret2=2  | 200 | contact",
        "empty pairs                     | /api/v1/Contacts?&&secret="
            + S
            + "&&            | 200 | contact",
        "same value twice                | /api/v1/Contacts?secret="
            + S
            + "&secret="
            + S
            + " | 400 | secret",
        "twice in different case         | /api/v1/Contacts?secret=a&SECRET=b               | 400 | secret",
        "twice, one encoded              | /api/v1/Contacts?secret=a&%73ecret=b             | 400 | secret",
        "twice, one empty                | /api/v1/Contacts?secret=&secret="
            + S
            + "        | 400 | secret",
        "optional given twice            | /api/v1/Contacts?secret="
            + S
            + "&ip=192.0.2.1&IP=192.0.2.1 | 400 | ip",
        "unknown given twice             | /api/v1/Contacts?secret="
            + S
            + "&x=1&x=2        | 200 | contact",
        "missing                         | /api/v1/Contacts?ip=192.0.2.1                    | 400 | secret",
        "name only, no '='               | /api/v1/Contacts?secret                          | 400 | secret",
        "empty value                     | /api/v1/Contacts?secret=                         | 400 | secret",
        "blank value                     | /api/v1/Contacts?secret=%20%20                   | 400 | secret",
        "optional empty                  | /api/v1/Contacts?secret="
            + S
            + "&ip=            | 400 | ip",
        "name with a space is unknown    | /api/v1/Contacts?%20secret="
            + S
            + "             | 400 | secret",
        "'+' in a value is a space       | /api/v1/Contacts?secret=a+b                      | 404 | -",
        "'=' inside a value is kept      | /api/v1/Contacts?secret=a=b                      | 404 | -",
        "';' is not a separator          | /api/v1/Contacts?secret="
            + S
            + ";ip=x           | 404 | -",
        "lead: exact names               | /lms/leads/bytoken/contact?"
            + L
            + "             | 200 | lead",
        "lead: all names in upper case   | /lms/leads/bytoken/contact?ACCESSTOKEN=lead-7Gk2mQ9xWp4tR8vZ&AUTHTOKEN=731904&SOURCE=web | 200 | lead",
        "lead: unknown parameters        | /lms/leads/bytoken/contact?"
            + L
            + "&debug=1     | 200 | lead",
        "lead: authToken twice           | /lms/leads/bytoken/contact?"
            + L
            + "&AuthToken=731904 | 400 | authToken",
        "lead: source missing            | /lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904 | 400 | source",
        "lead: source empty              | /lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source= | 400 | source",
      })
  void eachWayOfPassingAParameterHasItsDefinedAnswer(
      String description, String target, int status, String expected) throws IOException {
    RawHttp.Response response = RawHttp.get(mock.port(), target.strip());

    assertThat(response.status()).as(description).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    if (status == 400) {
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(body.path("parameter").asString()).as(description).isEqualTo(expected);
      assertThat(body.path("detail").asString()).contains("'" + expected + "'");
    } else if ("contact".equals(expected)) {
      assertThat(body.path("Secret").asString()).isEqualTo(S);
    } else if ("lead".equals(expected)) {
      assertThat(body.path("name").asString()).isEqualTo("Jürgen Weiß");
    } else {
      assertThat(body.path("parameter").isMissingNode()).isTrue();
    }
  }
}
