package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.FixtureFiles;
import io.contractkit.mock.support.RunningMock;
import io.contractkit.mock.support.SchemaAssertions;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET ~/lms/leads/bytoken/contact?accessToken=&authToken=&source=, as a client sees it. */
class LeadContactApiTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String PATH = "/lms/leads/bytoken/contact";

  private static Response release(String accessToken, String authToken) {
    return given()
        .spec(mock.spec())
        .queryParam("accessToken", accessToken)
        .queryParam("authToken", authToken)
        .queryParam("source", "web")
        .get(PATH);
  }

  private static void assertNullValues(Response response) {
    assertThat(response.statusCode()).isEqualTo(200);
    SchemaAssertions.assertValid("LmsContactInfoNull.schema.json", response.asString());
  }

  @Test
  void freshAuthTokenReleasesTheLeadContactInCamelCase() {
    Response response = release(Fixture.LEAD, Fixture.LEAD_TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json;charset=utf-8");
    SchemaAssertions.assertValid("LmsContactInfo.schema.json", response.asString());
    assertThat(FixtureFiles.parse(response.asString()))
        .isEqualTo(FixtureFiles.leadContact(Fixture.LEAD));
    assertThat(response.asString())
        .startsWith("{\"accessToken\":{\"code\":\"lead-7Gk2mQ9xWp4tR8vZ\",\"expiration\":")
        .contains("\"zipCode\":\"01067\"");
  }

  @Test
  void leadWithoutCompanyHasCompanyNull() {
    Response response = release(Fixture.OTHER_LEAD, Fixture.OTHER_LEAD_TOKEN);

    SchemaAssertions.assertValid("LmsContactInfo.schema.json", response.asString());
    assertThat(response.asString()).contains("\"company\":null");
    assertThat(response.jsonPath().getString("name")).isEqualTo("Łucja Wiśniewska");
  }

  @Test
  void reusedAuthTokenReturnsNullValues() {
    release(Fixture.LEAD, Fixture.LEAD_TOKEN)
        .then()
        .statusCode(200)
        .body("name", equalTo("Jürgen Weiß"));

    assertNullValues(release(Fixture.LEAD, Fixture.LEAD_TOKEN));
  }

  @Test
  void eachSeededAuthTokenWorksOnceIndependently() {
    release(Fixture.LEAD, Fixture.LEAD_TOKEN).then().body("name", equalTo("Jürgen Weiß"));
    release(Fixture.LEAD, Fixture.LEAD_TOKEN_2).then().body("name", equalTo("Jürgen Weiß"));
    assertNullValues(release(Fixture.LEAD, Fixture.LEAD_TOKEN_2));
  }

  @Test
  void unknownAuthTokenReturnsNullValues() {
    assertNullValues(release(Fixture.LEAD, "000000"));
  }

  @Test
  void anotherLeadsAuthTokenReturnsNullValuesAndStaysValidForItsLead() {
    assertNullValues(release(Fixture.LEAD, Fixture.OTHER_LEAD_TOKEN));

    release(Fixture.OTHER_LEAD, Fixture.OTHER_LEAD_TOKEN)
        .then()
        .body("name", equalTo("Łucja Wiśniewska"));
  }

  @Test
  void unknownAccessTokenReturnsNullValues() {
    assertNullValues(release("lead-doesNotExist0000", Fixture.LEAD_TOKEN));
  }

  @Test
  void expiredAccessTokenReturnsNullValues() {
    assertNullValues(release(Fixture.EXPIRED_LEAD, Fixture.EXPIRED_LEAD_TOKEN));
  }

  @Test
  void expiredAuthTokenReturnsNullValues() {
    assertNullValues(release(Fixture.LEAD_WITH_EXPIRED_TOKEN, Fixture.EXPIRED_TOKEN));
  }

  @Test
  void accessTokenIsCaseSensitive() {
    assertNullValues(release(Fixture.LEAD.toUpperCase(), Fixture.LEAD_TOKEN));
    release(Fixture.LEAD, Fixture.LEAD_TOKEN).then().body("name", equalTo("Jürgen Weiß"));
  }

  @Test
  void everyFailedAuthorizationGetsTheSameAnswer() {
    release(Fixture.LEAD, Fixture.LEAD_TOKEN_2);
    List<Response> failures =
        List.of(
            release(Fixture.LEAD, Fixture.LEAD_TOKEN_2),
            release(Fixture.LEAD, "000000"),
            release(Fixture.LEAD, Fixture.OTHER_LEAD_TOKEN),
            release("lead-doesNotExist0000", Fixture.LEAD_TOKEN),
            release(Fixture.EXPIRED_LEAD, Fixture.EXPIRED_LEAD_TOKEN),
            release(Fixture.LEAD_WITH_EXPIRED_TOKEN, Fixture.EXPIRED_TOKEN));

    Response first = failures.get(0);
    for (Response other : failures) {
      assertThat(other.statusCode()).isEqualTo(first.statusCode());
      assertThat(other.asString()).isEqualTo(first.asString());
      for (String header : List.of("Content-Type", "Content-Length", "Cache-Control")) {
        assertThat(other.header(header)).as(header).isEqualTo(first.header(header));
      }
    }
  }

  @Test
  void fiftyConcurrentUsesOfOneAuthTokenDiscloseTheContactExactlyOnce() throws Exception {
    String authToken =
        given()
            .spec(mock.spec())
            .contentType("application/json")
            .body(Map.of("accessToken", Fixture.LEAD))
            .post("/__admin/authtokens")
            .then()
            .statusCode(201)
            .extract()
            .path("authToken");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(
            () -> {
              start.await();
              return release(Fixture.LEAD, authToken).jsonPath().getString("name");
            });
      }
      List<Future<String>> futures = new ArrayList<>();
      calls.forEach(c -> futures.add(pool.submit(c)));
      start.countDown();
      List<String> names = new ArrayList<>();
      for (Future<String> f : futures) {
        names.add(f.get());
      }

      assertThat(names).filteredOn("Jürgen Weiß"::equals).hasSize(1);
      assertThat(names).filteredOn(n -> n == null).hasSize(49);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"accessToken", "authToken", "source"})
  void eachMissingParameterIs400NamingIt(String missing) {
    var request = given().spec(mock.spec());
    for (var p :
        Map.of("accessToken", Fixture.LEAD, "authToken", Fixture.LEAD_TOKEN, "source", "web")
            .entrySet()) {
      if (!p.getKey().equals(missing)) {
        request.queryParam(p.getKey(), p.getValue());
      }
    }

    Response response = request.get(PATH);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    SchemaAssertions.assertValid("Problem.schema.json", response.asString());
    assertThat(response.jsonPath().getString("parameter")).isEqualTo(missing);
    assertThat(response.asString()).doesNotContain("Jürgen");
  }

  @Test
  void aMissingParameterDoesNotConsumeTheAuthToken() {
    given()
        .spec(mock.spec())
        .queryParam("accessToken", Fixture.LEAD)
        .queryParam("authToken", Fixture.LEAD_TOKEN)
        .get(PATH)
        .then()
        .statusCode(400);

    release(Fixture.LEAD, Fixture.LEAD_TOKEN).then().body("name", equalTo("Jürgen Weiß"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"source=", "source=%20"})
  void emptySourceIs400(String source) {
    given()
        .spec(mock.rawSpec())
        .get(
            PATH
                + "?accessToken="
                + Fixture.LEAD
                + "&authToken="
                + Fixture.LEAD_TOKEN
                + "&"
                + source)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("source"));
  }

  @Test
  void queryNamesAndPathAreCaseInsensitive() {
    given()
        .spec(mock.rawSpec())
        .get(
            "/LMS/Leads/ByToken/Contact?ACCESSTOKEN="
                + Fixture.LEAD
                + "&AuthToken="
                + Fixture.LEAD_TOKEN
                + "&Source=app")
        .then()
        .statusCode(200)
        .body("name", equalTo("Jürgen Weiß"));
  }

  @Test
  void textJsonIsServedWhenAsked() {
    Response response =
        given()
            .spec(mock.spec())
            .accept("text/json")
            .queryParam("accessToken", Fixture.LEAD)
            .queryParam("authToken", "000000")
            .queryParam("source", "web")
            .get(PATH);

    assertThat(response.contentType()).isEqualTo("text/json;charset=utf-8");
    SchemaAssertions.assertValid("LmsContactInfoNull.schema.json", response.asString());
  }

  @Test
  void everyAnswerCarriesCacheControlNoStore() {
    release(Fixture.LEAD, Fixture.LEAD_TOKEN).then().header("Cache-Control", "no-store");
    release(Fixture.LEAD, Fixture.LEAD_TOKEN).then().header("Cache-Control", "no-store");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "HEAD"})
  void otherMethodsAre405WithAllowAndDoNotConsumeTheToken(String method) {
    Response response =
        given()
            .spec(mock.spec())
            .queryParam("accessToken", Fixture.LEAD)
            .queryParam("authToken", Fixture.LEAD_TOKEN)
            .queryParam("source", "web")
            .request(method, PATH);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("GET");
    release(Fixture.LEAD, Fixture.LEAD_TOKEN).then().body("name", equalTo("Jürgen Weiß"));
  }
}
