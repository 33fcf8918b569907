package io.contractkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contractkit.client.ApiClient;
import io.contractkit.client.ApiException;
import io.contractkit.client.ApiResponse;
import io.contractkit.client.api.AdminApi;
import io.contractkit.client.api.ContactsApi;
import io.contractkit.client.api.LmsApi;
import io.contractkit.client.api.MockExtensionApi;
import io.contractkit.client.model.AuthTokenSent;
import io.contractkit.client.model.Channel;
import io.contractkit.client.model.LmsContactAnswer;
import io.contractkit.client.model.LmsContactInfo;
import io.contractkit.client.model.MintAuthTokenRequest;
import io.contractkit.client.model.MintedAuthToken;
import io.contractkit.client.model.OutboxMessage;
import io.contractkit.client.model.Problem;
import io.contractkit.client.model.ReadContactDto;
import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java client that openapi-generator (java, library native) writes from schemas/openapi.yaml
 * compiles (this module's build) and works: each call below goes to a real mock on a free loopback
 * port, both documented operations in both media types the document offers.
 */
class GeneratedJavaClientTest {
  private static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";
  private static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";
  private static final String LEAD_TOKEN = "731904";
  private static final String IP = "203.0.113.7";

  private static MockServer mock;

  @BeforeAll
  static void startMock() {
    mock = MockServer.start(MockConfig.defaults().withPort(0).withRequestLog(false));
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  @BeforeEach
  void resetMock() throws ApiException {
    new AdminApi(client("application/json")).adminReset();
  }

  /** A client of the mock that asks for {@code accept} (the generated one asks for every type). */
  private static ApiClient client(String accept) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(mock.baseUri().toString().replaceAll("/$", ""));
    client.setRequestInterceptor(request -> request.setHeader("Accept", accept));
    return client;
  }

  private static String mediaType(ApiResponse<?> response) {
    List<String> contentType = response.getHeaders().get("content-type");
    assertThat(contentType).as("Content-Type").hasSize(1);
    return contentType.get(0).split(";")[0].trim();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "text/json"})
  void aContactIsReadByItsSecretInEitherMediaType(String mediaType) throws ApiException {
    ApiResponse<ReadContactDto> response =
        new ContactsApi(client(mediaType)).getContactBySecretWithHttpInfo(SECRET, IP);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(mediaType(response)).isEqualTo(mediaType);
    ReadContactDto contact = response.getData();
    assertThat(contact.getId()).isEqualTo(1001);
    assertThat(contact.getSecret()).isEqualTo(SECRET);
    assertThat(contact.getFirstName()).isEqualTo("Zoë");
    assertThat(contact.getLastName()).isEqualTo("Müller-Lüdenscheidt");
    assertThat(contact.getRegistrationDateTime())
        .isEqualTo(OffsetDateTime.parse("2023-04-17T09:12:45.9659098+02:00"));
    assertThat(contact.getLimitMailsPermanently()).isFalse();
    assertThat(contact.getLimitMailsTemporarilyUntil()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "text/json"})
  void anUnknownSecretIsAnApiExceptionCarryingTheNotFoundProblem(String mediaType)
      throws Exception {
    ApiClient client = client(mediaType);

    ApiException failure =
        catchThrowableOfType(
            ApiException.class,
            () -> new ContactsApi(client).getContactBySecret("wrong-secret", IP));

    assertThat(failure.getCode()).isEqualTo(404);
    assertThat(failure.getResponseHeaders().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    Problem problem = client.getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
    assertThat(problem.getStatus()).isEqualTo(404);
    assertThat(problem.getTitle()).isEqualTo("Contact not found");
    assertThat(problem.getInstance()).isEqualTo("/api/v1/Contacts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "text/json"})
  void aLeadsContactIsReleasedOnceAndThenHasNullValues(String mediaType) throws ApiException {
    LmsApi lms = new LmsApi(client(mediaType));

    ApiResponse<LmsContactAnswer> first =
        lms.getLeadContactByTokenWithHttpInfo(LEAD, LEAD_TOKEN, "web");
    ApiResponse<LmsContactAnswer> again =
        lms.getLeadContactByTokenWithHttpInfo(LEAD, LEAD_TOKEN, "web");

    assertThat(mediaType(first)).isEqualTo(mediaType);
    assertThat(mediaType(again)).isEqualTo(mediaType);
    LmsContactInfo released = first.getData().getLmsContactInfo();
    assertThat(released.getAccessToken().getCode()).isEqualTo(LEAD);
    assertThat(released.getAccessToken().getExpiration())
        .isEqualTo(OffsetDateTime.parse("2031-12-31T23:59:59+01:00"));
    assertThat(released.getName()).isEqualTo("Jürgen Weiß");
    assertThat(released.getFax()).isNull();
    assertThat(released.getCompany().getName()).isEqualTo("Weiß & Söhne Logistik GmbH");
    LmsContactInfo nothing = again.getData().getLmsContactInfo();
    assertThat(nothing.getAccessToken()).isNull();
    assertThat(nothing.getName()).isNull();
    assertThat(nothing.getCompany()).isNull();
  }

  @Test
  void aMintedAuthTokenReleasesTheLeadsContactOnce() throws ApiException {
    ApiClient client = client("application/json");

    MintedAuthToken minted =
        new AdminApi(client)
            .adminMintAuthToken(
                new MintAuthTokenRequest().accessToken(LEAD).code("e2e-0001").ttlSeconds(600));

    assertThat(minted.getAuthToken()).isEqualTo("e2e-0001");
    LmsApi lms = new LmsApi(client);
    assertThat(lms.getLeadContactByToken(LEAD, "e2e-0001", "web").getLmsContactInfo().getName())
        .isEqualTo("Jürgen Weiß");
    assertThat(lms.getLeadContactByToken(LEAD, "e2e-0001", "web").getLmsContactInfo().getName())
        .isNull();
  }

  @Test
  void aSentAuthTokenIsReadFromTheOutboxAndReleasesTheContact() throws ApiException {
    ApiClient client = client("application/json");

    AuthTokenSent sent = new MockExtensionApi(client).sendLeadAuthToken(LEAD, Channel.SMS, "app");
    List<OutboxMessage> messages =
        new AdminApi(client).adminListOutbox(LEAD, Channel.SMS, 10).getMessages();

    assertThat(sent.getChannel()).isEqualTo(Channel.SMS);
    assertThat(messages)
        .singleElement()
        .satisfies(message -> assertThat(message.getId()).isEqualTo(sent.getMessageId()));
    String authToken = messages.get(0).getAuthToken();
    assertThat(new LmsApi(client).getLeadContactByToken(LEAD, authToken, "app").getLmsContactInfo())
        .satisfies(info -> assertThat(info.getAccessToken().getCode()).isEqualTo(LEAD));
  }
}
