package io.contractkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text from the target cannot reach a terminal or report as control characters, and a failure's
 * lines read the same way everywhere.
 */
class FailureTextTest {

  @Test
  void controlCharactersBecomeVisibleAndNothingElseChanges() {
    assertThat(FailureText.visible(null)).isEmpty();
    assertThat(FailureText.visible("plain ~ text\n\twith é")).isEqualTo("plain ~ text\n\twith é");
    assertThat(FailureText.visible("a\u001fb c\u007fd\u009fe\u00a0f\u0080g\rh\u0000"))
        .isEqualTo("a\\u001Fb c\\u007Fd\\u009Fe\u00a0f\\u0080g\\rh\\u0000");
    assertThat(FailureText.visible("\u001B[31mred")).isEqualTo("\\u001B[31mred");
  }

  @Test
  void longValuesAreShortenedSayingHowMuchIsLeftOut() {
    assertThat(FailureText.shorten("abcde", 5)).isEqualTo("abcde");
    assertThat(FailureText.shorten("abcdef", 5))
        .isEqualTo("abcde… (1 more characters; the reports have them all)");
  }

  @Test
  void aFailureWithAnExchangeWithoutRequestOrBodyShowsWhatItHas() {
    Exchange e = new Exchange(null, 503, Map.of(), new byte[0]);
    CheckFailure f = new CheckFailure("status 200", "status 503", e);

    assertThat(FailureText.lines(f))
        .extracting(FailureText.Line::key)
        .containsExactly("expected", "actual", "status", "contentType", "bodyExcerpt");
    assertThat(FailureText.body(f, "> "))
        .isEqualTo(
            "> expected:     status 200\n"
                + "> actual:       status 503\n"
                + "> status:       503\n"
                + "> content type: (none)\n"
                + "> body:         (empty)\n");
  }

  @Test
  void multiLineValuesContinueUnderTheirColumnAndAreCutPerValue() {
    Exchange e =
        new Exchange(
            ProbeRequest.get(URI.create("http://h"), "/x"),
            200,
            Map.of("Content-Type", List.of("text/plain")),
            "line 1\nline 2\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    CheckFailure f = new CheckFailure("e", "a", e);

    assertThat(FailureText.body(f, "", 14))
        .isEqualTo(
            "expected:     e\n"
                + "actual:       a\n"
                + "request:      curl -i 'http:… (6 more characters; the reports have them all)\n"
                + "status:       200\n"
                + "content type: text/plain\n"
                + "body:         line 1\n"
                + "              line 2\n");
  }

  @Test
  void theConsoleShowsAShortCurlLineAndTheFilesTheWholeOne() {
    ProbeRequest request =
        ProbeRequest.get(URI.create("http://h"), "/api/v1/Contacts")
            .param("secret", "A".repeat(10 * 1024));
    CheckFailure f =
        new CheckFailure("no 5xx", "status 500", new Exchange(request, 500, Map.of(), new byte[0]));

    String console = FailureText.body(f, "", 800);

    assertThat(console)
        .contains(
            "request:      curl -i 'http://h/api/v1/Contacts?secret="
                + "A".repeat(FailureText.CURL_VALUE_CHARS)
                + "…(10240 chars)'\n");
    assertThat(console.length()).isLessThan(400);
    assertThat(FailureText.body(f, "")).contains("A".repeat(10 * 1024));
    assertThat(FailureText.lines(f).get(2).value()).contains("A".repeat(10 * 1024));
  }
}
