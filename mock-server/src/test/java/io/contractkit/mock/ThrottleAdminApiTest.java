package io.contractkit.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import io.contractkit.mock.support.SchemaAssertions;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /__admin/throttle} and unblocking ({@code DELETE /__admin/throttle/{ip}}, {@code
 * DELETE /__admin/throttle}). The test server blocks after 3 failures in 60 s, for 300 s.
 */
class ThrottleAdminApiTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String BLOCKED_IP = "203.0.113.7";
  private static final String COUNTED_IP = "198.51.100.23";

  private int lookup(String secret, String ip) {
    return given()
        .spec(mock.spec())
        .queryParam("secret", secret)
        .queryParam("ip", ip)
        .get("/api/v1/Contacts")
        .statusCode();
  }

  private void fail(int times, String ip) {
    for (int i = 0; i < times; i++) {
      assertThat(lookup("wrong-" + i, ip)).isEqualTo(404);
    }
  }

  private JsonPath throttle(String query) {
    Response answer = given().spec(mock.spec()).get("/__admin/throttle" + query);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    return answer.jsonPath();
  }

  private int delete(String path) {
    return given().spec(mock.spec()).delete(path).statusCode();
  }

  @Test
  void listsTheBlockedIpsFirstWithTheSecondsLeftThenTheIpsWithFailures() {
    fail(1, "192.0.2.1");
    fail(2, COUNTED_IP);
    fail(3, BLOCKED_IP);
    mock.clock().advance(Duration.ofMillis(10_500));

    JsonPath throttle = throttle("");

    assertThat(throttle.getInt("maxFailures")).isEqualTo(3);
    assertThat(throttle.getInt("windowSeconds")).isEqualTo(60);
    assertThat(throttle.getInt("blockSeconds")).isEqualTo(300);
    assertThat(throttle.getList("ips", Map.class))
        .containsExactly(
            Map.of("ip", BLOCKED_IP, "failures", 0, "blocked", true, "blockedForSeconds", 290),
            Map.of("ip", COUNTED_IP, "failures", 2, "blocked", false, "blockedForSeconds", 0),
            Map.of("ip", "192.0.2.1", "failures", 1, "blocked", false, "blockedForSeconds", 0));
  }

  @Test
  void anIpDropsOutOfTheListWhenItsFailuresLeaveTheWindowOrItsBlockEnds() {
    fail(1, COUNTED_IP);
    fail(3, BLOCKED_IP);
    mock.clock().advance(Duration.ofSeconds(60));
    assertThat(throttle("").getList("ips.ip")).containsExactly(BLOCKED_IP);

    mock.clock().advance(Duration.ofSeconds(240));

    assertThat(throttle("").getList("ips")).isEmpty();
  }

  @Test
  void theLimitKeepsTheFirstIpsOfTheList() {
    fail(3, BLOCKED_IP);
    fail(2, COUNTED_IP);
    fail(1, "192.0.2.1");

    assertThat(throttle("?limit=2").getList("ips.ip")).containsExactly(BLOCKED_IP, COUNTED_IP);
    Response invalid = given().spec(mock.spec()).get("/__admin/throttle?limit=0");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.jsonPath().getString("parameter")).isEqualTo("limit");
  }

  @Test
  void unblockingAnIpLetsItsNextLookupsThroughAndCountsAgainFromZero() {
    fail(3, BLOCKED_IP);
    fail(1, COUNTED_IP);
    assertThat(lookup(Fixture.SECRET, BLOCKED_IP)).isEqualTo(429);

    assertThat(delete("/__admin/throttle/" + BLOCKED_IP)).isEqualTo(204);

    assertThat(lookup(Fixture.SECRET, BLOCKED_IP)).isEqualTo(200);
    assertThat(throttle("").getList("ips.ip")).containsExactly(COUNTED_IP);
    fail(2, BLOCKED_IP);
    assertThat(lookup(Fixture.SECRET, BLOCKED_IP)).isEqualTo(200);
  }

  @Test
  void anIpIsUnblockedInAnySpellingOfItsAddress() {
    fail(3, "2001:db8::1");

    assertThat(delete("/__admin/throttle/2001:DB8:0:0::1")).isEqualTo(204);

    assertThat(lookup(Fixture.SECRET, "2001:db8::1")).isEqualTo(200);
  }

  @Test
  void unblockingAnIpWithoutFailuresOrBlockIsNotFound() {
    fail(1, COUNTED_IP);
    mock.clock().advance(Duration.ofSeconds(61));

    Response unknown = given().spec(mock.spec()).delete("/__admin/throttle/" + BLOCKED_IP);
    Response lapsed = given().spec(mock.spec()).delete("/__admin/throttle/" + COUNTED_IP);

    for (Response answer : List.of(unknown, lapsed)) {
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      SchemaAssertions.assertValid("Problem.schema.json", answer.asString());
    }
  }

  @Test
  void unblockingSomethingThatIsNotAnIpIsABadRequestThatSaysWhy() {
    Response answer = given().spec(mock.spec()).delete("/__admin/throttle/not-an-ip-4711");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.jsonPath().getString("detail"))
        .doesNotContain("4711")
        .contains("IPv4 or IPv6");
  }

  @Test
  void deletingTheThrottleForgetsEveryIpAndNothingElse() {
    fail(3, BLOCKED_IP);
    fail(2, COUNTED_IP);
    given()
        .spec(mock.spec())
        .queryParam("accessToken", Fixture.LEAD)
        .queryParam("channel", "email")
        .queryParam("source", "web")
        .post("/lms/leads/bytoken/authtoken");

    assertThat(delete("/__admin/throttle")).isEqualTo(204);

    assertThat(throttle("").getList("ips")).isEmpty();
    assertThat(lookup(Fixture.SECRET, BLOCKED_IP)).isEqualTo(200);
    assertThat(given().spec(mock.spec()).get("/__admin/outbox").jsonPath().getList("messages"))
        .hasSize(1);
  }
}
