package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RedisServerExtension;
import io.contractkit.mock.support.Replicas;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every operation of {@code schemas/openapi.yaml}, sent to a mock on Redis while Redis is stopped:
 * each one the mock answers with the 503 "State store unavailable" is described with a 503 {@code
 * application/problem+json} answer there, so a generated client knows it. Path parameters get a
 * fixture value, request bodies the document's own first example.
 */
class StateStoreUnavailableDocumentedTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final Path DESCRIPTION =
      Path.of("..", "schemas", "openapi.yaml").toAbsolutePath().normalize();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> PATH_VALUES =
      Map.of(
          "{secret}",
          Fixture.SECRET,
          "{accessToken}",
          Fixture.LEAD,
          "{ip}",
          "198.51.100.7",
          "{id}",
          "1");
  private static final Map<String, String> QUERIES =
      Map.of(
          "/lms/leads/bytoken/contact",
          "?accessToken=" + Fixture.LEAD + "&authToken=" + Fixture.LEAD_TOKEN + "&source=web",
          "/api/v1/Contacts",
          "?secret=" + Fixture.SECRET + "&ip=198.51.100.7",
          "/lms/leads/bytoken/authtoken",
          "?accessToken=" + Fixture.LEAD + "&channel=email&source=web");

  @Test
  void everyOperationThatAnswers503WithoutItsStoreDescribesThatAnswer() throws Exception {
    JsonNode document = new YAMLMapper().readTree(DESCRIPTION.toFile());
    TreeSet<String> unavailable = new TreeSet<>();
    List<String> undescribed = new ArrayList<>();
    List<String> otherServerErrors = new ArrayList<>();
    try (Replicas mock = Replicas.start(1, REDIS.freshConfig())) {
      REDIS.stop();
      try {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
          for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
            JsonNode op = operation.getValue();
            if (!op.has("responses")) {
              continue; // summary, description, parameters of the path item
            }
            String method = operation.getKey().toUpperCase(Locale.ROOT);
            String label = method + " " + path.getKey();
            String body = exampleBody(document, op);
            if (method.equals("PUT") && body.isEmpty()) {
              // a put of what a get of the same path answers (no store needed for that)
              body = mock.send(0, "GET", target(path.getKey()), "").body();
            }
            HttpResponse<String> answer = mock.send(0, method, target(path.getKey()), body);
            if (answer.statusCode() == 503
                && answer.body().contains("\"State store unavailable\"")) {
              unavailable.add(label);
              JsonNode described = resolve(document, op.path("responses").path("503"));
              if (!described.path("content").has("application/problem+json")) {
                undescribed.add(label);
              }
            } else if (answer.statusCode() >= 500) {
              otherServerErrors.add(label + " " + answer.statusCode() + " " + answer.body());
            }
          }
        }
      } finally {
        REDIS.start();
      }
    }

    assertThat(otherServerErrors).as("5xx other than the state store's 503").isEmpty();
    assertThat(unavailable)
        .as("operations that need the store")
        .contains(
            "GET /lms/leads/bytoken/contact",
            "GET /api/v1/Contacts",
            "POST /lms/leads/bytoken/authtoken",
            "POST /__admin/reset",
            "GET /__admin/outbox",
            "POST /__admin/authtokens",
            "GET /__admin/throttle",
            "PUT /__admin/leads/{accessToken}",
            "PUT /__admin/contacts/{secret}");
    assertThat(undescribed)
        .as("operations answering the state store's 503 without describing it")
        .isEmpty();
  }

  /** The operation's first request body example, or "". */
  private static String exampleBody(JsonNode document, JsonNode op) {
    JsonNode examples = op.path("requestBody").path("content").path("application/json");
    for (JsonNode example : examples.path("examples").values()) {
      return JSON.writeValueAsString(resolve(document, example).path("value"));
    }
    return "";
  }

  /** The operation's path with fixture values for its parameters, and its query. */
  private static String target(String template) {
    String path = template;
    for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
      path = path.replace(value.getKey(), value.getValue());
    }
    return path + QUERIES.getOrDefault(template, "");
  }

  private static JsonNode resolve(JsonNode document, JsonNode node) {
    String ref = node.path("$ref").asString("");
    return ref.isEmpty() ? node : document.at(ref.substring(1));
  }
}
