package io.contractkit.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a failure report shows of a request and its answer: the exact request target and a curl line
 * that reproduces it, the status class, the media type and a bounded body excerpt.
 */
class ExchangeAndRequestTest {
  private static final URI BASE = URI.create("http://127.0.0.1:8080");

  private static Exchange answer(int status, Map<String, List<String>> headers, String body) {
    return new Exchange(
        ProbeRequest.get(BASE, "/x"), status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void statusClassesHaveExactBounds() {
    assertThat(answer(399, Map.of(), "").is4xx()).isFalse();
    assertThat(answer(400, Map.of(), "").is4xx()).isTrue();
    assertThat(answer(499, Map.of(), "").is4xx()).isTrue();
    assertThat(answer(500, Map.of(), "").is4xx()).isFalse();
    assertThat(answer(499, Map.of(), "").is5xx()).isFalse();
    assertThat(answer(500, Map.of(), "").is5xx()).isTrue();
    assertThat(answer(599, Map.of(), "").is5xx()).isTrue();
    assertThat(answer(600, Map.of(), "").is5xx()).isFalse();
  }

  @Test
  void headersAreFoundInAnyCaseAndTheMediaTypeLosesItsParameters() {
    Exchange e =
        answer(
            200,
            Map.of(
                "content-TYPE",
                List.of(" Application/Problem+JSON ; charset=utf-8"),
                "X-None",
                List.of()),
            "{}");

    assertThat(e.header("Content-Type")).contains(" Application/Problem+JSON ; charset=utf-8");
    assertThat(e.header("X-None")).isEmpty();
    assertThat(e.header("Absent")).isEmpty();
    assertThat(e.mediaType()).isEqualTo("application/problem+json");
    assertThat(e.statusLine()).isEqualTo("200 application/problem+json");
    assertThat(answer(204, Map.of(), "").mediaType()).isEmpty();
  }

  @Test
  void theBodyIsJsonOnlyWhenItParses() {
    assertThat(answer(200, Map.of(), "{\"a\":1}").json())
        .get()
        .extracting(j -> j.get("a").asInt())
        .isEqualTo(1);
    assertThat(answer(200, Map.of(), "").json()).isEmpty();
    assertThat(answer(200, Map.of(), "{not json").json()).isEmpty();
  }

  @Test
  void theBodyExcerptIsCutAfter600CharactersSayingHowLongTheBodyWas() {
    String exactly = "é".repeat(Exchange.EXCERPT_CHARS);

    assertThat(answer(200, Map.of(), exactly).bodyExcerpt()).isEqualTo(exactly);
    assertThat(answer(200, Map.of(), exactly + "x").bodyExcerpt())
        .isEqualTo(exactly + "… (1201 bytes)");
  }

  @Test
  void theTargetJoinsBasePathRouteAndEncodedParameters() {
    ProbeRequest r =
        ProbeRequest.get(URI.create("https://api.example.com/crm/"), "/api/v1/Contacts")
            .param("secret", "a b+c&d=é")
            .param("ip", "192.0.2.1");

    assertThat(r.target())
        .isEqualTo("/crm/api/v1/Contacts?secret=a%20b%2Bc%26d%3D%C3%A9&ip=192.0.2.1");
    assertThat(r.url())
        .isEqualTo(
            "https://api.example.com/crm/api/v1/Contacts?secret=a%20b%2Bc%26d%3D%C3%A9&ip=192.0.2.1");
    assertThat(r.toString()).isEqualTo("GET " + r.target());
    assertThat(r.raw()).isFalse();
    assertThat(ProbeRequest.get(BASE, "/x").target()).isEqualTo("/x");
  }

  @Test
  void portsDefaultByScheme() {
    assertThat(ProbeRequest.get(URI.create("https://h"), "/").port()).isEqualTo(443);
    assertThat(ProbeRequest.get(URI.create("HTTPS://h"), "/").port()).isEqualTo(443);
    assertThat(ProbeRequest.get(URI.create("http://h"), "/").port()).isEqualTo(80);
    assertThat(ProbeRequest.get(URI.create("http://h:8081"), "/").port()).isEqualTo(8081);
    assertThat(ProbeRequest.get(URI.create("http://h:8081"), "/").host()).isEqualTo("h");
  }

  @Test
  void theCurlLineReproducesMethodHeadersBodyAndRawQueries() {
    assertThat(ProbeRequest.get(BASE, "/x").param("q", "it's").curl())
        .isEqualTo("curl -i 'http://127.0.0.1:8080/x?q=it%27s'");
    assertThat(ProbeRequest.get(BASE, "/x").rawQuery("q=it's%zz").curl())
        .isEqualTo("curl -i --globoff --path-as-is 'http://127.0.0.1:8080/x?q=it'\\''s%zz'");
    ProbeRequest post = ProbeRequest.of("POST", BASE, "/t").body("{\"a\":\"b'c\"}");
    assertThat(post.curl())
        .isEqualTo(
            "curl -i -X POST -H 'Content-Type: application/json' --data '{\"a\":\"b'\\''c\"}'"
                + " 'http://127.0.0.1:8080/t'");
    assertThat(post.bodyText()).isEqualTo("{\"a\":\"b'c\"}");
    assertThat(post.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
    assertThat(
            ProbeRequest.of("POST", BASE, "/t")
                .header("Content-Type", "text/plain")
                .body("x")
                .headers())
        .containsExactly(Map.entry("Content-Type", "text/plain"));
  }

  @Test
  void aShortCurlLineCutsLongValuesAndHeadersAndBodiesSayingHowLongTheyWere() {
    ProbeRequest request =
        ProbeRequest.of("POST", BASE, "/x")
            .param("secret", "A".repeat(10 * 1024))
            .param("ip", "192.0.2.1")
            .header("X-Long", "h".repeat(20))
            .body("b".repeat(12));

    assertThat(request.curl(10))
        .isEqualTo(
            "curl -i -X POST -H 'X-Long: hhhhhhhhhh…(20 chars)' -H 'Content-Type: applicatio…(16"
                + " chars)' --data 'bbbbbbbbbb…(12 chars)'"
                + " 'http://127.0.0.1:8080/x?secret=AAAAAAAAAA…(10240 chars)&ip=192.0.2.1'");
    assertThat(request.curl(16))
        .contains("-H 'Content-Type: application/json' --data 'bbbbbbbbbbbb' ");
    assertThat(request.curl()).contains("A".repeat(10 * 1024)).doesNotContain("chars)");
    assertThat(request.curl(Integer.MAX_VALUE)).isEqualTo(request.curl());
    assertThat(request.curl(12)).contains("ip=192.0.2.1");
  }

  @Test
  void aRequestAsTextCutsLongValuesAndShowsTheFirstTenAndTheLastOfManyParameters() {
    ProbeRequest many = ProbeRequest.get(BASE, "/x");
    for (int i = 0; i < 1000; i++) {
      many.param("ck" + i, "x");
    }
    many.param("secret", "ck-many");

    assertThat(many.toString())
        .isEqualTo(
            "GET /x?ck0=x&ck1=x&ck2=x&ck3=x&ck4=x&ck5=x&ck6=x&ck7=x&ck8=x&ck9=x&…(990 more"
                + " parameters)&secret=ck-many");
    assertThat(many.target()).hasSizeGreaterThan(7000);
    ProbeRequest eleven = ProbeRequest.get(BASE, "/x");
    for (int i = 0; i < 11; i++) {
      eleven.param("p" + i, "v");
    }
    assertThat(eleven.toString()).doesNotContain("more parameters").endsWith("&p10=v");
    assertThat(ProbeRequest.get(BASE, "/x").param("s", "v".repeat(61)).toString())
        .isEqualTo("GET /x?s=" + "v".repeat(60) + "…(61 chars)");
    assertThat(ProbeRequest.get(BASE, "/x").param("s", "v".repeat(60)).toString())
        .isEqualTo("GET /x?s=" + "v".repeat(60));
    assertThat(ProbeRequest.get(BASE, "/x").rawQuery("x".repeat(70)).toString())
        .isEqualTo("GET /x?" + "x".repeat(60) + "…(70 chars)");
  }
}
