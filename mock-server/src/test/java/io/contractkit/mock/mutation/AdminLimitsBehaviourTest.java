package io.contractkit.mock.mutation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API accepts every value up to and including its documented limits, and refuses the
 * first value beyond them: limits 1 and 1000, ttlSeconds 1 and ten years, codes of 1 to 256 visible
 * ASCII characters, bodies of up to 16 KiB.
 */
class AdminLimitsBehaviourTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long MAX_TTL_SECONDS = 10L * 366 * 24 * 3600;
  private static final int MAX_BODY_BYTES = 16 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"/__admin/journal", "/__admin/outbox"})
  void aLimitOfOneGivesExactlyOneEntry(String path) {
    send("sms");
    send("email");

    Response response = given().spec(mock.spec()).get(path + "?limit=1");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.asString());
    JsonNode entries = body.has("requests") ? body.path("requests") : body.path("messages");
    assertThat(entries).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/__admin/journal", "/__admin/outbox"})
  void aLimitOfOneThousandIsAllowedAndOneMoreIsNot(String path) {
    assertThat(given().spec(mock.spec()).get(path + "?limit=1000").statusCode()).isEqualTo(200);

    Response over = given().spec(mock.spec()).get(path + "?limit=1001");
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(over.asString()).path("detail").asString())
        .isEqualTo("The query parameter 'limit' must be a whole number from 1 to 1000.");
  }

  @Test
  void aTtlOfOneSecondIsAllowed() {
    Response minted = mint("{\"accessToken\":\"" + Fixture.LEAD + "\",\"ttlSeconds\":1}");

    assertThat(minted.statusCode()).isEqualTo(201);
    assertThat(Instant.parse(JSON.readTree(minted.asString()).path("expiresAt").asString()))
        .isEqualTo(mock.clock().instant().plusSeconds(1));
  }

  @Test
  void aTtlOfTenYearsIsAllowedAndOneSecondMoreIsNot() {
    Response minted =
        mint("{\"accessToken\":\"" + Fixture.LEAD + "\",\"ttlSeconds\":" + MAX_TTL_SECONDS + "}");
    assertThat(minted.statusCode()).isEqualTo(201);
    assertThat(Instant.parse(JSON.readTree(minted.asString()).path("expiresAt").asString()))
        .isEqualTo(mock.clock().instant().plusSeconds(MAX_TTL_SECONDS));

    Response over =
        mint(
            "{\"accessToken\":\""
                + Fixture.LEAD
                + "\",\"ttlSeconds\":"
                + (MAX_TTL_SECONDS + 1)
                + "}");
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(over.asString()).path("detail").asString())
        .isEqualTo("'ttlSeconds' must be a whole number of seconds from 1 to 316224000.");
  }

  @Test
  void aCodeOf256VisibleCharactersIsAllowed() {
    String code = "c".repeat(256);

    Response minted = mintCode(code);

    assertThat(minted.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(minted.asString()).path("authToken").asString()).isEqualTo(code);
  }

  @Test
  void theFirstAndLastVisibleAsciiCharactersAreAllowedInACode() {
    Response minted = mintCode("!0~");

    assertThat(minted.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(minted.asString()).path("authToken").asString()).isEqualTo("!0~");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a\\u007fb", "a\\u001fb"})
  void spaceAndControlCharactersAreRefusedInACode(String code) {
    Response response =
        mint("{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"" + code + "\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.asString()).path("detail").asString())
        .isEqualTo("'code' must be 1 to 256 visible ASCII characters.");
  }

  @Test
  void aBodyOfExactly16KibIsReadAndOneByteMoreIsNot() {
    String start = "{\"accessToken\":\"" + Fixture.LEAD + "\",\"code\":\"sixteen-kib\"";
    String exact = start + " ".repeat(MAX_BODY_BYTES - start.length() - 1) + "}";
    assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BODY_BYTES);

    assertThat(mint(exact).statusCode()).isEqualTo(201);

    mock.server().state().reset();
    Response over = mint(" " + exact);
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(over.asString()).path("detail").asString())
        .isEqualTo("The body must be at most 16384 bytes.");
  }

  private static void send(String channel) {
    given()
        .spec(mock.spec())
        .queryParam("accessToken", Fixture.LEAD)
        .queryParam("channel", channel)
        .queryParam("source", "web")
        .post("/lms/leads/bytoken/authtoken")
        .then()
        .statusCode(202);
  }

  private static Response mintCode(String code) {
    return mint(
        JSON.createObjectNode().put("accessToken", Fixture.LEAD).put("code", code).toString());
  }

  private static Response mint(String body) {
    return given()
        .spec(mock.spec())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/__admin/authtokens");
  }
}
