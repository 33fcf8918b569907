package io.contractkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which {@code Host} headers the mock answers. Over HTTP on a loopback bind: {@code
 * DnsRebindingTest}; a non-loopback bind cannot be tested over HTTP here (tests use loopback only).
 */
class AllowedHostsTest {
  private static final AllowedHosts OFF_LOOPBACK = AllowedHosts.of(List.of(), false);
  private static final AllowedHosts OFF_LOOPBACK_RESTRICTED =
      AllowedHosts.of(List.of("mock.example.test", ".preview.example.test"), false);

  @ParameterizedTest
  @ValueSource(
      strings = {"mock.example.test", "anything.example:8080", "192.0.2.10:8080", "[2001:db8::1]"})
  void offLoopbackWithoutAllowedHostsEveryHostIsAnswered(String host) {
    assertThat(OFF_LOOPBACK.allows(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mock.example.test:8080",
        "a.preview.example.test",
        "localhost:8080",
        "127.0.0.1",
        "192.0.2.10:8080",
        "[2001:db8::1]:8080"
      })
  void offLoopbackAllowedHostsRestrictTheNamesButNotTheAddresses(String host) {
    // An address involves no name lookup, so no rebinding; the admin token guards the rest.
    assertThat(OFF_LOOPBACK_RESTRICTED.allows(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rebind.evil.example", "example.test", "mock.example.test.evil.example"})
  void offLoopbackAllowedHostsRefuseOtherNames(String host) {
    assertThat(OFF_LOOPBACK_RESTRICTED.allows(host)).isFalse();
  }

  @Test
  void aRequestWithoutOrWithAnEmptyHostIsAnswered() {
    AllowedHosts loopback = AllowedHosts.of(List.of(), true);

    assertThat(loopback.allows(null)).isTrue();
    assertThat(loopback.allows("")).isTrue();
  }

  @Test
  void aHostWithoutANameIsRefusedOnALoopbackBind() {
    AllowedHosts loopback = AllowedHosts.of(List.of(), true);

    assertThat(loopback.allows(":8080")).isFalse();
    assertThat(loopback.allows("[::1")).isFalse();
    assertThat(loopback.allows("[]:8080")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {" mock.example.test ", "MOCK.Example.Test", "mock.example.test."})
  void entriesAreTrimmedAndCompareWithoutCaseOrTrailingDot(String entry) {
    assertThat(AllowedHosts.of(List.of(entry), true).allows("mock.example.test:1")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://mock.example.test",
        "mock.example.test:8080",
        "mock.example.test/",
        "*.example.test",
        "",
        ".",
        "exa mple.test",
        "-bad.example.test",
        "bad..example.test",
        "[not-an-ip]"
      })
  void anEntryThatIsNoHostIsAnErrorNamingItAndTheForms(String entry) {
    assertThatThrownBy(() -> AllowedHosts.of(List.of("ok.example.test", entry), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed host '" + entry + "'")
        .hasMessageContaining(".domain")
        .hasMessageContaining("without scheme or port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "my_host", "a-b.c1", "192.0.2.10", "::1", "[2001:db8::1]"})
  void namesAndAddressesAreValidEntries(String entry) {
    assertThat(AllowedHosts.of(List.of(entry), true).allows(null)).isTrue();
  }
}
