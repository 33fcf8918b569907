package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RedisServerExtension;
import io.contractkit.mock.support.Replicas;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When Redis loses its data (FLUSHALL, a restart without persistence), the replicas write the
 * seeded authTokens again by themselves, without an admin reset: each works once more, once, over
 * every replica.
 */
class RedisDataLossTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final String LEAD_NAME = "Jürgen Weiß";
  private static Replicas replicas;

  @BeforeAll
  static void startReplicas() {
    replicas = Replicas.start(2, REDIS.freshConfig());
  }

  @AfterAll
  static void stopReplicas() {
    replicas.close();
  }

  @BeforeEach
  void reset() throws Exception {
    assertThat(replicas.send(0, "POST", "/__admin/reset").statusCode()).isEqualTo(204);
  }

  private static String release(String authToken) {
    return "/lms/leads/bytoken/contact?accessToken="
        + Fixture.LEAD
        + "&authToken="
        + authToken
        + "&source=web";
  }

  private static boolean discloses(int replica, String authToken) throws Exception {
    HttpResponse<String> answer = replicas.send(replica, "GET", release(authToken));
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body().contains(LEAD_NAME);
  }

  @Test
  void afterRedisLostItsDataEverySeededTokenWorksOnceMoreWithoutAReset() throws Exception {
    assertThat(discloses(0, Fixture.LEAD_TOKEN)).isTrue();
    assertThat(discloses(1, Fixture.LEAD_TOKEN)).isFalse();

    REDIS.cli("FLUSHALL");

    assertThat(discloses(1, Fixture.LEAD_TOKEN)).as("written again").isTrue();
    assertThat(discloses(0, Fixture.LEAD_TOKEN)).as("once").isFalse();
    assertThat(discloses(1, Fixture.LEAD_TOKEN)).isFalse();
    assertThat(discloses(0, Fixture.LEAD_TOKEN_2)).isTrue();
    assertThat(discloses(1, Fixture.LEAD_TOKEN_2)).isFalse();
  }

  @Test
  void aTokenThatIsUnknownAfterTheLossStaysUnknown() throws Exception {
    REDIS.cli("FLUSHALL");

    assertThat(discloses(0, "000000")).isFalse();
    assertThat(discloses(1, Fixture.LEAD_TOKEN)).as("the first use wrote them").isTrue();
  }

  @Test
  @Tag("stress") // a race: left out of mutation analysis, as ReplicasTest's
  void replicasThatFindTheDataLostAtOnceWriteTheSeedOnceSoATokenDisclosesOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      REDIS.cli("FLUSHALL");
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        answers.add(
            replicas.sendAsync(
                i, "GET", release(Fixture.LEAD_TOKEN), HttpResponse.BodyHandlers.ofString()));
      }
      long disclosed =
          answers.stream()
              .map(CompletableFuture::join)
              .peek(a -> assertThat(a.statusCode()).isEqualTo(200))
              .filter(a -> a.body().contains(LEAD_NAME))
              .count();
      assertThat(disclosed).as("round %d", round).isEqualTo(1);
    }
  }
}
