package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An unknown secret is answered with the same bytes every time (the body is serialised once): the
 * not-found problem naming the path the client used, with the problem content type and no-store;
 * and it still counts against the ip.
 */
class UnknownSecretAnswerTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String BODY =
      "{\"type\":\"https://contract-kit.example/problems/not-found\",\"title\":\"Contact not"
          + " found\",\"status\":404,\"detail\":\"No contact has this secret.\",\"instance\":\"%s\"}";

  @Test
  void everyUnknownSecretGetsTheSameNotFoundBytes() throws IOException {
    for (int i = 0; i < 3; i++) {
      RawHttp.Response answer =
          RawHttp.get(mock.port(), "/api/v1/Contacts?secret=unknown-" + i + "&ip=192.0.2." + i);

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
      assertThat(answer.header("Content-Length")).isEqualTo("168");
      assertThat(answer.body()).isEqualTo(BODY.formatted("/api/v1/Contacts"));
    }
  }

  @Test
  void anotherSpellingOfThePathIsNamedAsTheClientWroteIt() throws IOException {
    assertThat(RawHttp.get(mock.port(), "/API/V1/CONTACTS?secret=unknown").body())
        .isEqualTo(BODY.formatted("/API/V1/CONTACTS"));
    assertThat(RawHttp.get(mock.port(), "/api/v1/Contacts/?secret=unknown").body())
        .isEqualTo(BODY.formatted("/api/v1/Contacts/"));
  }

  @Test
  void theNotFoundAnswersStillCountAgainstTheIp() throws IOException {
    String ip = "&ip=198.51.100.77";
    for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
      assertThat(RawHttp.get(mock.port(), "/api/v1/Contacts?secret=wrong-" + i + ip).status())
          .isEqualTo(404);
    }

    assertThat(RawHttp.get(mock.port(), "/api/v1/Contacts?secret=wrong-x" + ip).status())
        .isEqualTo(429);
  }
}
