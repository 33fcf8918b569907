package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A digit is an ASCII digit, and a letter of a parameter name or a channel an ASCII letter,
 * wherever the mock reads one from a request: Java's {@code Character.digit}, {@code
 * Integer.parseInt}, {@code toLowerCase} and {@code equalsIgnoreCase} also take fullwidth and
 * Arabic-Indic digits, the Kelvin sign for k and the long s for s. The characters go on the wire as
 * raw UTF-8, as a client or fuzzer sends them.
 */
class NonAsciiDigitsTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REST_OF_SECRET = Fixture.SECRET.substring(1); // after the '8' (%38)

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%3\uFF18", // fullwidth 8
        "%\uFF138", // fullwidth 3
        "%3\u0668", // Arabic-Indic 8
        "%3\u096E", // Devanagari 8
        "%\uFF13\uFF18"
      })
  void aPercentEscapeWithANonAsciiDigitIsABadEncoding(String escapeOfEight) throws IOException {
    RawHttp.Response response =
        RawHttp.get(mock.port(), wire("/api/v1/Contacts?secret=" + escapeOfEight + REST_OF_SECRET));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(JSON.readTree(response.body()).path("detail").asString())
        .isEqualTo("The query string is not valid: it has a bad percent-encoding or is not UTF-8.");
    assertThat(response.body()).doesNotContain("Müller");
  }

  @Test
  void theSameEscapeInAsciiDigitsFindsTheContact() throws IOException {
    RawHttp.Response response =
        RawHttp.get(mock.port(), "/api/v1/Contacts?secret=%38" + REST_OF_SECRET);

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void aPercentEscapeWithAFullwidthHexLetterIsABadEncoding() throws IOException {
    RawHttp.Response response = RawHttp.get(mock.port(), wire("/api/v1/Contacts?secret=%4\uFF26"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("not valid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uFF11\uFF19\uFF12.0.2.1", "192.0.2.\u0661", "2001:db8::\uFF11"})
  void anIpWithNonAsciiDigitsIsNoIp(String ip) throws IOException {
    RawHttp.Response response =
        RawHttp.get(mock.port(), wire("/api/v1/Contacts?secret=" + Fixture.SECRET + "&ip=" + ip));

    assertThat(response.status()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("parameter").asString()).isEqualTo("ip");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uFF15", "\u0665", "%2B5", "+5", "10000", "5x", "00000000000000000001x"})
  void aLimitIsWrittenInAsciiDigitsOnly(String limit) throws IOException {
    RawHttp.Response response = RawHttp.get(mock.port(), wire("/__admin/journal?limit=" + limit));

    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("parameter").asString()).isEqualTo("limit");
    assertThat(problem.path("detail").asString())
        .isEqualTo("The query parameter 'limit' must be a whole number from 1 to 1000.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0005", "999", "1000", "0000000000000000000000001"})
  void aLimitWithLeadingZerosIsAWholeNumberAllTheSame(String limit) throws IOException {
    assertThat(RawHttp.get(mock.port(), "/__admin/journal?limit=" + limit).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "accessTo\u212Aen: Kelvin sign for k | accessTo\u212Aen=lead-7Gk2mQ9xWp4tR8vZ&authToken=731904&source=web | /lms/leads/bytoken/contact | accessToken",
        "\u017Fecret: long s for s          | \u017Fecret=8Qm3vT7kLp2XwZ9rBn4Y                                     | /api/v1/Contacts           | secret",
      })
  void aNameWithALookAlikeLetterIsAnotherName(
      String description, String query, String path, String missing) throws IOException {
    RawHttp.Response response = RawHttp.get(mock.port(), wire(path + "?" + query));

    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("parameter").asString()).isEqualTo(missing);
    assertThat(problem.path("detail").asString()).contains("is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u017Fms", "SM\u017F", "emai\u0131"})
  void aChannelWithALookAlikeLetterIsNoChannel(String channel) throws IOException {
    RawHttp.Response response =
        RawHttp.request(
            mock.port(),
            "POST",
            wire(
                "/lms/leads/bytoken/authtoken?accessToken="
                    + Fixture.LEAD
                    + "&channel="
                    + channel
                    + "&source=web"),
            "",
            "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("parameter").asString()).isEqualTo("channel");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SmS", "EMAIL", "sms"})
  void aChannelInAnyCaseOfItsAsciiLettersIsTheChannel(String channel) throws IOException {
    assertThat(RawHttp.get(mock.port(), "/__admin/outbox?channel=" + channel).status())
        .isEqualTo(200);
  }

  @Test
  void theOutboxFilterRefusesALookAlikeChannelToo() throws IOException {
    RawHttp.Response response = RawHttp.get(mock.port(), wire("/__admin/outbox?channel=\u017Fms"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("parameter").asString()).isEqualTo("channel");
  }

  /** The target as its UTF-8 bytes, one char per byte, as RawHttp writes it. */
  private static String wire(String target) {
    return new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
