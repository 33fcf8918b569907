package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import io.contractkit.mock.support.SchemaAssertions;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mock extension POST ~/lms/leads/bytoken/authtoken: the whole token flow a frontend goes through
 * (send a token, read it from the outbox, use it once). Tokens live 15 minutes by default.
 */
class AuthTokenSendingTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  /** Lead 12 has an email address but no phone number. */
  private static final String LEAD_WITHOUT_PHONE = "lead-oVVvpWbj8hkogOda";

  private static Response send(String accessToken, String channel) {
    return given()
        .spec(mock.spec())
        .queryParam("accessToken", accessToken)
        .queryParam("channel", channel)
        .queryParam("source", "web")
        .post("/lms/leads/bytoken/authtoken");
  }

  private static Map<String, Object> latestMessage(String accessToken) {
    List<Map<String, Object>> messages =
        given()
            .spec(mock.spec())
            .queryParam("accessToken", accessToken)
            .get("/__admin/outbox")
            .then()
            .statusCode(200)
            .extract()
            .path("messages");
    assertThat(messages).isNotEmpty();
    return messages.get(0);
  }

  private static Response release(String accessToken, String authToken) {
    return given()
        .spec(mock.spec())
        .queryParam("accessToken", accessToken)
        .queryParam("authToken", authToken)
        .queryParam("source", "web")
        .get("/lms/leads/bytoken/contact");
  }

  @Test
  void sendingByEmailDeliversAOneTimeTokenToTheOutbox() {
    Response sent = send(Fixture.LEAD, "email");

    assertThat(sent.statusCode()).isEqualTo(202);
    assertThat(sent.jsonPath().getString("channel")).isEqualTo("email");
    assertThat(sent.jsonPath().getString("recipient")).isEqualTo("j***@example.de");
    Map<String, Object> message = latestMessage(Fixture.LEAD);
    assertThat(message)
        .containsEntry("channel", "email")
        .containsEntry("recipient", "juergen.weiss@example.de")
        .containsEntry("accessToken", Fixture.LEAD)
        .containsEntry("source", "web")
        .containsEntry("id", sent.jsonPath().getString("messageId"))
        .containsEntry("subject", "Your access code");
    String authToken = (String) message.get("authToken");
    assertThat(authToken).matches("\\d{6}");
    assertThat((String) message.get("body")).contains(authToken);
    assertThat(sent.asString()).doesNotContain(authToken);

    release(Fixture.LEAD, authToken).then().body("name", equalTo("Jürgen Weiß"));
    SchemaAssertions.assertValid(
        "LmsContactInfoNull.schema.json", release(Fixture.LEAD, authToken).asString());
  }

  @Test
  void sendingBySmsDeliversToThePhoneWithoutSubject() {
    Response sent = send(Fixture.LEAD, "SMS");

    assertThat(sent.statusCode()).isEqualTo(202);
    assertThat(sent.jsonPath().getString("recipient")).isEqualTo("***890");
    Map<String, Object> message = latestMessage(Fixture.LEAD);
    assertThat(message)
        .containsEntry("channel", "sms")
        .containsEntry("recipient", "+49 351 4567890");
    assertThat(message.get("subject")).isNull();
  }

  @Test
  void sentTokenExpiresAfterItsLifetime() {
    Instant sentAt = mock.clock().instant();
    Response sent = send(Fixture.LEAD, "email");
    assertThat(Instant.parse(sent.jsonPath().getString("expiresAt")))
        .isEqualTo(sentAt.plus(Duration.ofMinutes(15)));
    Map<String, Object> message = latestMessage(Fixture.LEAD);
    assertThat(Instant.parse((String) message.get("sentAt"))).isEqualTo(sentAt);
    assertThat(message.get("expiresAt")).isEqualTo(sent.jsonPath().getString("expiresAt"));
    String authToken = (String) message.get("authToken");

    mock.clock().advance(Duration.ofMinutes(15));

    SchemaAssertions.assertValid(
        "LmsContactInfoNull.schema.json", release(Fixture.LEAD, authToken).asString());
  }

  @Test
  void sentTokenIsAcceptedJustBeforeItExpires() {
    send(Fixture.LEAD, "email");
    String authToken = (String) latestMessage(Fixture.LEAD).get("authToken");

    mock.clock().advance(Duration.ofMinutes(15).minusSeconds(1));

    release(Fixture.LEAD, authToken).then().body("name", equalTo("Jürgen Weiß"));
  }

  @Test
  void sentTokenIsBoundToItsLead() {
    send(Fixture.LEAD, "email");
    String authToken = (String) latestMessage(Fixture.LEAD).get("authToken");

    SchemaAssertions.assertValid(
        "LmsContactInfoNull.schema.json", release(Fixture.OTHER_LEAD, authToken).asString());
    release(Fixture.LEAD, authToken).then().body("name", equalTo("Jürgen Weiß"));
  }

  @Test
  void unknownOrExpiredLeadIs404() {
    send("lead-doesNotExist0000", "email")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    send(Fixture.EXPIRED_LEAD, "email").then().statusCode(404);
  }

  @Test
  void unknownChannelIs400NamingTheParameter() {
    send(Fixture.LEAD, "fax").then().statusCode(400).body("parameter", equalTo("channel"));
  }

  @Test
  void leadWithoutPhoneCannotGetAnSms() {
    send(LEAD_WITHOUT_PHONE, "sms").then().statusCode(422).contentType("application/problem+json");
    send(LEAD_WITHOUT_PHONE, "email").then().statusCode(202);
  }

  @Test
  void missingParametersAre400NamingThem() {
    given()
        .spec(mock.spec())
        .queryParam("accessToken", Fixture.LEAD)
        .queryParam("channel", "email")
        .post("/lms/leads/bytoken/authtoken")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("source"));
  }

  @Test
  void getOnTheSendRouteIs405() {
    given()
        .spec(mock.spec())
        .get("/lms/leads/bytoken/authtoken")
        .then()
        .statusCode(405)
        .header("Allow", "POST");
  }
}
