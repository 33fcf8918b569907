package io.contractkit.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.client.MockAdmin;
import io.contractkit.mock.client.MockAdmin.MintedAuthToken;
import io.contractkit.mock.client.MockAdminException;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ContractKitMock} as a frontend team's test class uses it: options, injected values. */
@ContractKitMock(
    throttleMaxFailures = 2,
    tokenTtl = "2m",
    adminToken = ContractKitMockTest.ADMIN_TOKEN)
class ContractKitMockTest {
  static final String ADMIN_TOKEN = "extension-test-admin-token";

  private static MockRuntimeInfo started;

  @BeforeAll
  static void remember(MockRuntimeInfo mock) {
    started = mock;
  }

  @Test
  void theBaseUrlServesTheDocumentedApis(MockRuntimeInfo mock) throws IOException {
    assertThat(mock.baseUrl()).isEqualTo("http://127.0.0.1:" + mock.port());
    assertThat(mock.config().port()).isEqualTo(mock.port());

    RawHttp.Response answer =
        RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + Fixture.SECRET + "&ip=203.0.113.5");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("Müller-Lüdenscheidt");
  }

  @Test
  void theAdminClientSendsTheAdminTokenOfTheAnnotation(MockAdmin admin, MockRuntimeInfo mock) {
    assertThat(admin).isSameAs(mock.admin());
    assertThat(admin.outbox()).isEmpty();
    assertThatThrownBy(() -> MockAdmin.connect(mock.baseUri()).outbox())
        .isInstanceOfSatisfying(
            MockAdminException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void theThrottleNumbersOfTheAnnotationApply(MockRuntimeInfo mock) throws IOException {
    String ip = "&ip=198.51.100.20";
    for (int i = 0; i < 2; i++) {
      assertThat(RawHttp.get(mock.port(), "/api/v1/Contacts?secret=wrong" + ip).status())
          .isEqualTo(404);
    }

    assertThat(RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + Fixture.SECRET + ip).status())
        .isEqualTo(429);
  }

  @Test
  void theTokenLifetimeOfTheAnnotationApplies(MockAdmin admin) {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    MintedAuthToken minted = admin.mintAuthToken(Fixture.LEAD);

    Duration twoMinutes = Duration.ofMinutes(2);
    assertThat(minted.expiresAt())
        .isBetween(before.plus(twoMinutes), Instant.now().plus(twoMinutes));
  }

  @Nested
  class InANestedClass {
    @Test
    void theMockOfTheEnclosingClassIsInjected(MockRuntimeInfo mock) {
      assertThat(mock).isSameAs(started);
    }
  }
}
