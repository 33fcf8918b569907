package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One-time authTokens under concurrency: of 200 requests that start together with one fresh
 * authToken, exactly one discloses the contact and the other 199 get null values -- repeated 100
 * times, because a race shows up only under repetition.
 */
@Tag("stress")
class OneTimeTokenRaceTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final int CONCURRENT = 200;
  private static final int ROUNDS = 100;
  private static final String LEAD_NAME = "Jürgen Weiß";
  private static final String LEAD_EMAIL = "juergen.weiss@example.de";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static LoadDriver load;

  @BeforeAll
  static void startLoad() {
    load = new LoadDriver(mock::port, CONCURRENT);
  }

  @AfterAll
  static void stopLoad() {
    load.close();
  }

  @Test
  void twoHundredConcurrentUsesOfOneFreshAuthTokenDiscloseTheContactExactlyOnceEveryTime()
      throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String authToken = mintAuthToken();
      String release =
          "/lms/leads/bytoken/contact?accessToken="
              + Fixture.LEAD
              + "&authToken="
              + authToken
              + "&source=web";
      List<Callable<LoadDriver.Answer>> calls = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        calls.add(() -> load.get(release));
      }

      List<LoadDriver.Answer> answers = load.together(calls);

      int disclosed = 0;
      for (LoadDriver.Answer answer : answers) {
        assertThat(answer.status()).as("round %d", round).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        if (!body.path("name").isNull()) {
          assertThat(body.path("name").asString()).isEqualTo(LEAD_NAME);
          disclosed++;
        } else {
          assertThat(answer.body()).doesNotContain(LEAD_EMAIL);
          body.properties().forEach(p -> assertThat(p.getValue().isNull()).as(p.getKey()).isTrue());
        }
      }
      assertThat(disclosed).as("disclosures in round %d", round).isEqualTo(1);
    }
  }

  @Test
  void twoHundredConcurrentUsesOfOneSeededAuthTokenDiscloseTheContactExactlyOnceAfterEachReset()
      throws Exception {
    String release =
        "/lms/leads/bytoken/contact?accessToken="
            + Fixture.LEAD
            + "&authToken="
            + Fixture.LEAD_TOKEN
            + "&source=web";
    for (int round = 0; round < ROUNDS / 4; round++) {
      assertThat(load.post("/__admin/reset", "").status()).isEqualTo(204);
      List<Callable<LoadDriver.Answer>> calls = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        calls.add(() -> load.get(release));
      }

      long disclosed =
          load.together(calls).stream().filter(a -> a.body().contains(LEAD_NAME)).count();

      assertThat(disclosed).as("disclosures in round %d", round).isEqualTo(1);
    }
  }

  private static String mintAuthToken() throws Exception {
    LoadDriver.Answer minted =
        load.post("/__admin/authtokens", "{\"accessToken\":\"" + Fixture.LEAD + "\"}");
    assertThat(minted.status()).isEqualTo(201);
    return JSON.readTree(minted.body()).path("authToken").asString();
  }
}
