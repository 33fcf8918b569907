package io.contractkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which {@code Origin} values an origin list allows (over HTTP: {@code CorsTest}, {@code
 * AdminBrowserAccessTest}).
 */
class AllowedOriginsTest {
  private static final AllowedOrigins LIST =
      AllowedOrigins.of(
          "CORS origin",
          List.of(
              "http://localhost:5173",
              "https://App.Example.Test/",
              "http://*.tools.example.test:8080",
              " capacitor://localhost ",
              "http://[::1]:3000"));

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "http://localhost:5173, true",
    "HTTP://LOCALHOST:5173, true",
    "https://app.example.test, true",
    "http://x.tools.example.test:8080, true",
    "http://x-1.y.tools.example.test:8080, true",
    "capacitor://localhost, true",
    "http://[::1]:3000, true",
    "http://localhost:5174, false",
    "http://localhost, false",
    "https://app.example.test:443, false",
    "http://app.example.test, false",
    "http://tools.example.test:8080, false",
    "http://.tools.example.test:8080, false",
    "http://x.tools.example.test, false",
    "https://x.tools.example.test:8080, false",
    "http://x/y.tools.example.test:8080, false",
    "http://x:1.tools.example.test:8080, false",
    "null, false",
    "'', false"
  })
  void aListAllowsItsOriginsAndTheirSubdomainsOnly(String origin, boolean allowed) {
    assertThat(LIST.allows(origin)).isEqualTo(allowed);
    assertThat(LIST.any()).isFalse();
  }

  @Test
  void aStarAllowsEveryOriginNullIncluded() {
    AllowedOrigins any = AllowedOrigins.of("CORS origin", List.of("http://a.example", "*"));

    assertThat(any.any()).isTrue();
    assertThat(any.allows("null")).isTrue();
    assertThat(any.allows("http://evil.example")).isTrue();
  }

  @Test
  void anEmptyListAllowsNoOrigin() {
    AllowedOrigins none = AllowedOrigins.of("admin CORS origin", List.of());

    assertThat(none.any()).isFalse();
    assertThat(none.allows("http://localhost:5173")).isFalse();
    assertThat(none.allows("null")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:5173",
        "http://localhost:5173/app",
        "http://",
        "http://a.*.example.test",
        "http://*example.test",
        "http://user@example.test",
        "http://localhost:123456",
        "1http://example.test",
        ""
      })
  void anEntryThatIsNoOriginIsAnErrorNamingTheSettingAndTheEntry(String entry) {
    assertThatThrownBy(() -> AllowedOrigins.of("admin CORS origin", List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("admin CORS origin '" + entry + "' is not an origin")
        .hasMessageContaining("scheme://host[:port]")
        .hasMessageNotContaining("sandboxed");
  }

  @Test
  void nullIsAnErrorThatSaysWhatItIs() {
    assertThatThrownBy(() -> AllowedOrigins.of("CORS origin", List.of("null")))
        .hasMessageContaining("'null' is the origin of sandboxed pages and files");
  }
}
