package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.FixtureFiles;
import io.contractkit.mock.support.RunningMock;
import io.contractkit.mock.support.SchemaAssertions;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET api/v1/Contacts?secret=&ip=, as a client sees it (throttling: BruteForceThrottleTest). */
class ContactsApiTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private Response lookup(String query) {
    return given().spec(mock.rawSpec()).get("/api/v1/Contacts?" + query);
  }

  @Test
  void knownSecretReturnsTheFixtureContactInPascalCase() {
    Response response = lookup("secret=" + Fixture.SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json").contains("charset=utf-8");
    SchemaAssertions.assertValid("ReadContactDto.schema.json", response.asString());
    assertThat(FixtureFiles.parse(response.asString()))
        .isEqualTo(FixtureFiles.contact(Fixture.SECRET));
    assertThat(response.asString())
        .startsWith("{\"Id\":1001,\"Secret\":\"8Qm3vT7kLp2XwZ9rBn4Y\"")
        .contains("\"FirstName\":\"Zoë\"");
  }

  @Test
  void contactWithOnlyRequiredPropertiesServesTheOthersAsNull() {
    Response response = lookup("secret=" + Fixture.SPARSE_SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    SchemaAssertions.assertValid("ReadContactDto.schema.json", response.asString());
    assertThat(response.jsonPath().getString("Email")).isNull();
    assertThat(response.asString()).contains("\"Email\":null");
  }

  @Test
  void everyFixtureContactIsServedValidAgainstTheSchema() {
    FixtureFiles.contacts()
        .forEach(
            contact -> {
              Response response = lookup("secret=" + contact.get("Secret").asString());
              assertThat(response.statusCode()).isEqualTo(200);
              SchemaAssertions.assertValid("ReadContactDto.schema.json", response.asString());
            });
  }

  @Test
  void unknownSecretIs404WithAProblemAndNoContactData() {
    Response response = lookup("secret=doesNotExist42");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    SchemaAssertions.assertValid("Problem.schema.json", response.asString());
    assertThat(response.asString()).doesNotContain("doesNotExist42").doesNotContain("Secret\"");
  }

  @Test
  void secretIsCaseSensitive() {
    assertThat(lookup("secret=" + Fixture.SECRET.toLowerCase()).statusCode()).isEqualTo(404);
  }

  @Test
  void missingSecretIs400NamingTheParameter() {
    lookup("ip=192.0.2.10")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", equalTo("secret"))
        .body("detail", startsWith("The query parameter 'secret' is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret=", "secret=%20%20", "secret"})
  void emptySecretIs400NamingTheParameter(String query) {
    lookup(query).then().statusCode(400).body("parameter", equalTo("secret"));
  }

  @Test
  void secretGivenTwiceIs400() {
    lookup("secret=" + Fixture.SECRET + "&Secret=" + Fixture.SECRET)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("secret"))
        .body("detail", equalTo("The query parameter 'secret' must be given only once."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Secret", "SECRET", "sEcReT"})
  void queryParameterNamesAreCaseInsensitive(String name) {
    lookup(name + "=" + Fixture.SECRET).then().statusCode(200).body("Id", equalTo(1001));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/contacts", "/API/V1/CONTACTS", "/Api/V1/Contacts/"})
  void pathsAreCaseInsensitive(String path) {
    given()
        .spec(mock.spec())
        .queryParam("secret", Fixture.SECRET)
        .get(path)
        .then()
        .statusCode(200)
        .body("Id", equalTo(1001));
  }

  @Test
  void unknownParametersAreIgnored() {
    lookup("secret=" + Fixture.SECRET + "&utm_source=newsletter").then().statusCode(200);
  }

  @Test
  void textJsonIsServedWhenAsked() {
    Response response =
        given()
            .spec(mock.spec())
            .accept("text/json")
            .queryParam("secret", Fixture.SECRET)
            .get("/api/v1/Contacts");

    assertThat(response.contentType()).isEqualTo("text/json;charset=utf-8");
    SchemaAssertions.assertValid("ReadContactDto.schema.json", response.asString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "*/*",
        "application/xml",
        "text/html",
        "text/json;q=0.5, application/json"
      })
  void applicationJsonIsServedForAnyOtherAccept(String accept) {
    given()
        .spec(mock.spec())
        .accept(accept)
        .queryParam("secret", Fixture.SECRET)
        .get("/api/v1/Contacts")
        .then()
        .statusCode(200)
        .contentType("application/json;charset=utf-8");
  }

  @Test
  void personalDataIsSentWithCacheControlNoStore() {
    lookup("secret=" + Fixture.SECRET).then().header("Cache-Control", "no-store");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "HEAD"})
  void otherMethodsAre405WithAllow(String method) {
    Response response =
        given()
            .spec(mock.spec())
            .queryParam("secret", Fixture.SECRET)
            .request(method, "/api/v1/Contacts");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("GET");
    assertThat(response.asString()).doesNotContain("Müller");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-an-ip",
        "192.0.2.256",
        "192.0.2",
        "2001:db8::zz",
        "example.com",
        "192.0.2.1:80"
      })
  void malformedIpIs400NamingTheParameter(String ip) {
    given()
        .spec(mock.spec())
        .queryParam("secret", Fixture.SECRET)
        .queryParam("ip", ip)
        .get("/api/v1/Contacts")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("ip"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"192.0.2.10", "198.51.100.7", "203.0.113.255", "2001:db8::1", "2001:DB8:0:0::2"})
  void wellFormedIpv4AndIpv6AreAccepted(String ip) {
    given()
        .spec(mock.spec())
        .queryParam("secret", Fixture.SECRET)
        .queryParam("ip", ip)
        .get("/api/v1/Contacts")
        .then()
        .statusCode(200);
  }
}
