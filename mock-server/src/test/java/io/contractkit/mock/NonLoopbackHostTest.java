package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contractkit.mock.admin.AdminAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin API hands out authTokens and resets the mock, so a mock that listens beyond loopback
 * must have an admin token: without one it refuses to start, before it binds, and says how to fix
 * it. (The command line's exit code and message are in {@link CommandLineConfigTest}.)
 */
class NonLoopbackHostTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10", "2001:db8::10", "198.51.100.7"})
  void aNonLoopbackHostWithoutAnAdminTokenIsRefusedWithTheReasonAndTheFix(String host) {
    MockConfig config = MockConfig.defaults().withPort(0).withHost(host);

    IllegalArgumentException refusal =
        catchThrowableOfType(IllegalArgumentException.class, () -> MockServer.start(config));

    assertThat(refusal).as("MockServer.start must refuse host %s", host).isNotNull();
    assertThat(refusal.getMessage())
        .contains("host " + host + " is not a loopback address")
        .contains("--admin-token")
        .contains("MOCK_ADMIN_TOKEN")
        .doesNotContain("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
  void aNonLoopbackHostWithAnAdminTokenPassesTheCheck(String host) {
    assertThatCode(() -> AdminAccess.requireTokenUnlessLoopback(host, "a-token"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
  void aLoopbackHostNeedsNoAdminToken(String host) {
    assertThatCode(() -> AdminAccess.requireTokenUnlessLoopback(host, null))
        .doesNotThrowAnyException();
  }

  @Test
  void aMockOnLocalhostStartsWithAnOpenAdminApi() {
    try (MockServer server =
        MockServer.start(MockConfig.defaults().withPort(0).withHost("localhost"))) {
      given().baseUri(server.baseUri().toString()).get("/__admin/journal").then().statusCode(200);
    }
  }
}
