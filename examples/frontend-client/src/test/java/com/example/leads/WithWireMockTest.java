package com.example.leads;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.contractkit.mock.junit.ContractKitMock;
import io.contractkit.mock.junit.MockRuntimeInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A team whose other backends are stubbed in WireMock keeps them: WireMock's standalone artifact
 * and the mock run side by side in one test class (each with its own Jetty).
 */
@WireMockTest
@ContractKitMock
class WithWireMockTest {
  @Test
  void bothMocksAnswerInOneTest(WireMockRuntimeInfo wireMock, MockRuntimeInfo mock)
      throws Exception {
    stubFor(get("/stores/27").willReturn(okJson("{\"name\":\"Dresden Neustadt\"}")));

    HttpResponse<String> store =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(wireMock.getHttpBaseUrl() + "/stores/27"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Contact contact =
        new LeadContactClient(mock.baseUrl())
            .contactBySecret(LeadContactClientTest.SECRET, "203.0.113.10")
            .orElseThrow();

    assertThat(store.body()).contains("Dresden Neustadt");
    assertThat(contact.lastName()).isEqualTo("Müller-Lüdenscheidt");
  }
}
