package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.ProblemRenderer;
import io.contractkit.mock.lms.AuthTokenIssuer;
import io.contractkit.mock.lms.InMemoryAuthTokenStore;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.MutableClock;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every example in {@code schemas/openapi.yaml} is what the mock answers on the bundled fixtures:
 * the test sends the request each example's summary names to a real mock and holds the answer equal
 * to the example, under the operation, status and media type where the document shows it. So
 * Swagger UI, Prism and generated clients' docs show data a frontend will really get.
 *
 * <p>The mock here has an admin token (for the 401 examples) and a clock that this class never
 * moves (2026-11-23T10:00:00Z, so the examples' times are exact); only random authTokens and
 * measured durations are taken over from the example before comparing.
 */
class OpenApiExamplesTest {
  private static final Path DESCRIPTION =
      Path.of("..", "schemas", "openapi.yaml").toAbsolutePath().normalize();
  private static final String ADMIN_TOKEN = "openapi-examples-admin-token";
  private static final String BEARER = "Authorization: Bearer " + ADMIN_TOKEN + "\r\n";
  private static final String JSON_BODY = "Content-Type: application/json\r\n";
  private static final String TEXT_JSON = "Accept: text/json\r\n";
  private static final String EXAMPLES = "#/components/examples/";

  @RegisterExtension
  static final RunningMock mock =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withAdminToken(ADMIN_TOKEN));

  private static final JsonMapper JSON = new JsonMapper();
  private static JsonNode document;

  /** Where the document shows an example: operation, status (or "request"), media type. */
  private record Usage(String method, String path, String status, String mediaType, String name) {
    @Override
    public String toString() {
      return name + " under " + method + " " + path + " " + status + " " + mediaType;
    }
  }

  /**
   * The mock's answer to the request that gives an example, and the fields whose values vary from
   * run to run (random codes, measured durations).
   */
  private record Answer(
      String method, String path, int status, String mediaType, String body, Set<String> varying) {}

  @BeforeAll
  static void readDescription() {
    document = new YAMLMapper().readTree(DESCRIPTION.toFile());
  }

  /** The request behind each example in components/examples, sent to the mock after a reset. */
  private static Map<String, Supplier<Answer>> requests() {
    String released =
        "/lms/leads/bytoken/contact?accessToken="
            + Fixture.LEAD
            + "&authToken="
            + Fixture.LEAD_TOKEN
            + "&source=web";
    String found = "/api/v1/Contacts?secret=" + Fixture.SECRET + "&ip=203.0.113.7";
    String send = "/lms/leads/bytoken/authtoken?accessToken=" + Fixture.LEAD;
    Map<String, Supplier<Answer>> requests = new LinkedHashMap<>();
    requests.put("LmsContactInfoReleased", () -> send("GET", released, ""));
    requests.put("LmsContactInfoReleasedText", () -> send("GET", released, TEXT_JSON));
    requests.put(
        "LmsContactInfoNullValues",
        () -> {
          send("GET", released, "");
          return send("GET", released, "");
        });
    requests.put(
        "LmsContactInfoNullValuesText",
        () -> {
          send("GET", released, "");
          return send("GET", released, TEXT_JSON);
        });
    requests.put("ReadContactDtoFound", () -> send("GET", found, ""));
    requests.put("ReadContactDtoFoundText", () -> send("GET", found, TEXT_JSON));
    requests.put(
        "LmsContactMissingAccessToken",
        () -> send("GET", "/lms/leads/bytoken/contact?authToken=731904&source=web", ""));
    requests.put("ContactsMissingSecret", () -> send("GET", "/api/v1/Contacts?ip=203.0.113.7", ""));
    requests.put(
        "SendAuthTokenUnknownChannel", () -> send("POST", send + "&channel=fax&source=web", ""));
    requests.put(
        "ContactNotFound",
        () -> send("GET", "/api/v1/Contacts?secret=wrong-secret&ip=203.0.113.7", ""));
    requests.put(
        "TooManyFailedLookups",
        () -> {
          for (int i = 0; i < RunningMock.TEST_THROTTLE.maxFailures(); i++) {
            send("GET", "/api/v1/Contacts?secret=wrong-" + i + "&ip=203.0.113.7", "");
          }
          return send("GET", found, "");
        });
    requests.put("LmsContactPostNotAllowed", () -> send("POST", "/lms/leads/bytoken/contact", ""));
    requests.put("ContactsPostNotAllowed", () -> send("POST", "/api/v1/Contacts", ""));
    requests.put("MintAuthTokenStoreFull", () -> fullStore("POST", "/__admin/authtokens"));
    requests.put("SendAuthTokenStoreFull", () -> fullStore("POST", "/lms/leads/bytoken/authtoken"));
    requests.put("AdminUnauthorizedReset", () -> sendWithoutToken("POST", "/__admin/reset"));
    requests.put("AdminUnauthorizedOutbox", () -> sendWithoutToken("GET", "/__admin/outbox"));
    requests.put("AdminUnauthorizedJournal", () -> sendWithoutToken("GET", "/__admin/journal"));
    requests.put(
        "AdminUnauthorizedAuthTokens", () -> sendWithoutToken("POST", "/__admin/authtokens"));
    requests.put(
        "AuthTokenSentByEmail", () -> send("POST", send + "&channel=email&source=web", ""));
    requests.put(
        "AuthTokenSentBySms",
        () -> {
          send("POST", send + "&channel=email&source=web", "");
          return send("POST", send + "&channel=sms&source=app", "");
        });
    requests.put("Health", () -> send("GET", "/__admin/health", ""));
    requests.put(
        "Outbox",
        () -> {
          send("POST", send + "&channel=email&source=web", "");
          send("POST", send + "&channel=sms&source=app", "");
          return varying(send("GET", "/__admin/outbox", BEARER), "authToken");
        });
    requests.put(
        "Journal",
        () -> {
          send("GET", found, "");
          send("GET", "/__admin/health", "");
          return varying(send("GET", "/__admin/journal?limit=3", BEARER), "durationMillis");
        });
    requests.put(
        "MintedChosenCode",
        () -> send("POST", "/__admin/authtokens", BEARER + JSON_BODY, example("MintChosenCode")));
    requests.put(
        "FaultRuleAdded",
        () -> send("POST", "/__admin/faults", BEARER + JSON_BODY, example("FaultThreeFailures")));
    requests.put(
        "FaultList",
        () -> {
          send("POST", "/__admin/faults", BEARER + JSON_BODY, example("FaultSlowHalfTheTime"));
          send(
              "POST",
              "/__admin/faults",
              BEARER + JSON_BODY,
              "{\"route\":\"contacts\",\"match\":{\"ip\":\"203.0.113.7\"},"
                  + "\"fault\":{\"status\":503},\"times\":3}");
          send("GET", found, "");
          return varying(send("GET", "/__admin/faults", BEARER), "seed");
        });
    requests.put(
        "FaultRuleInvalidStatus",
        () ->
            send(
                "POST",
                "/__admin/faults",
                BEARER + JSON_BODY,
                "{\"route\":\"contacts\",\"fault\":{\"status\":\"503\"}}"));
    requests.put("AdminUnauthorizedFaults", () -> sendWithoutToken("GET", "/__admin/faults"));
    requests.put("AdminUnauthorizedThrottle", () -> sendWithoutToken("GET", "/__admin/throttle"));
    requests.put(
        "ThrottleList",
        () -> {
          for (int i = 0; i < 3; i++) {
            send("GET", "/api/v1/Contacts?secret=wrong-" + i + "&ip=203.0.113.7", "");
          }
          for (int i = 0; i < 2; i++) {
            send("GET", "/api/v1/Contacts?secret=wrong-" + i + "&ip=198.51.100.23", "");
          }
          return send("GET", "/__admin/throttle", BEARER);
        });
    requests.put("Clock", () -> send("GET", "/__admin/clock", BEARER));
    requests.put(
        "ClockAdvanced",
        () -> send("POST", "/__admin/clock", BEARER + JSON_BODY, example("ClockAdvance")));
    requests.put(
        "ClockChangeInvalid",
        () -> send("POST", "/__admin/clock", BEARER + JSON_BODY, "{\"advance\":\"5 minutes\"}"));
    requests.put(
        "FixturesReloaded",
        () -> send("POST", "/__admin/fixtures/reload", BEARER + "Content-Length: 0\r\n"));
    return requests;
  }

  @Test
  void everyExampleIsShownThroughAReferenceToComponentsExamples() {
    List<String> inline = new ArrayList<>();
    collectInlineExamples(document.path("paths"), "paths", inline);
    collectInlineExamples(document.path("components").path("responses"), "responses", inline);
    assertThat(inline).as("inline examples (put them in components/examples)").isEmpty();
  }

  @Test
  void everyExampleHasTheRequestThatGivesIt() {
    Set<String> examples = new TreeSet<>();
    document.path("components").path("examples").propertyNames().forEach(examples::add);
    Set<String> requestBodies = new TreeSet<>();
    for (Usage usage : usages()) {
      if (usage.status().equals("request")) {
        requestBodies.add(usage.name());
      }
    }
    Set<String> expected = new TreeSet<>(examples);
    expected.removeAll(requestBodies);
    assertThat(new TreeSet<>(requests().keySet()))
        .as("examples in the document, less request bodies")
        .isEqualTo(expected);
  }

  @Test
  void everyAnswerExampleEqualsWhatTheMockAnswersForItsRequest() {
    Map<String, Supplier<Answer>> requests = requests();
    List<Usage> answers = usages().stream().filter(u -> !u.status().equals("request")).toList();
    assertThat(answers).as("answer examples").hasSizeGreaterThan(20);
    for (Usage usage : answers) {
      mock.reset();
      Answer answer = requests.get(usage.name()).get();

      // The path, not the method: a 405 is shown under the operation whose path was asked with
      // another method, and one 401 under every operation of a path.
      assertThat(answer.path()).as("the request path of %s", usage).isEqualTo(usage.path());
      assertThat(String.valueOf(answer.status()))
          .as("status of %s", usage)
          .isEqualTo(usage.status());
      assertThat(answer.mediaType()).as("media type of %s", usage).isEqualTo(usage.mediaType());

      JsonNode example = example(usage.name());
      if (usage.mediaType().equals("text/json")) {
        assertThat(example.isString()).as("%s is the JSON text", usage).isTrue();
        example = JSON.readTree(example.stringValue());
      }
      assertThat(comparable(JSON.readTree(answer.body()), example, answer.varying()))
          .as("the mock's answer for %s", usage)
          .isEqualTo(example);
    }
  }

  @Test
  void everyRequestBodyExampleIsAccepted() {
    List<Usage> bodies = usages().stream().filter(u -> u.status().equals("request")).toList();
    assertThat(bodies).as("request body examples").isNotEmpty();
    for (Usage usage : bodies) {
      mock.reset();
      Answer answer = send(usage.method(), usage.path(), BEARER + JSON_BODY, example(usage.name()));
      assertThat(answer.status()).as("answer to %s", usage).isBetween(200, 299);
    }
  }

  @Test
  void theParameterExamplesOfEachOperationAreAnsweredWithItsFirstExample() {
    List<String> checked = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          JsonNode parameters = operation.getValue().path("parameters");
                          if (!parameters.isArray() || parameters.isEmpty()) {
                            return;
                          }
                          String method = operation.getKey().toUpperCase(Locale.ROOT);
                          for (String query : exampleQueries(parameters)) {
                            mock.reset();
                            Answer answer = send(method, path.getKey() + "?" + query, BEARER, null);
                            String label = method + " " + path.getKey() + "?" + query;
                            assertThat(answer.status()).as(label).isBetween(200, 299);
                            if (isAdmin(operation.getValue())) {
                              // The admin API's examples show state built up by other requests.
                              checked.add(label);
                              continue;
                            }
                            firstExample(operation.getValue(), answer.status())
                                .ifPresent(
                                    example ->
                                        assertThat(JSON.readTree(answer.body()))
                                            .as(label)
                                            .isEqualTo(example));
                            checked.add(label);
                          }
                        }));
    assertThat(checked)
        .as("operations whose parameter examples were sent")
        .anyMatch(label -> label.startsWith("GET /lms/leads/bytoken/contact?"))
        .anyMatch(label -> label.contains("ip=2001"))
        .anyMatch(label -> label.contains("ip=203"));
  }

  // --- the requests ---

  private static Answer send(String method, String target, String headers) {
    return send(method, target, headers, null);
  }

  private static Answer send(String method, String target, String headers, Object body) {
    try {
      RawHttp.Response response =
          RawHttp.request(
              mock.port(),
              method,
              target,
              headers,
              body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body));
      String contentType = response.header("Content-Type");
      String mediaType =
          contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
      int query = target.indexOf('?');
      return new Answer(
          method,
          query < 0 ? target : target.substring(0, query),
          response.status(),
          mediaType,
          response.body(),
          Set.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer sendWithoutToken(String method, String path) {
    return send(method, path, "Content-Length: 0\r\n");
  }

  private static Answer varying(Answer answer, String... fields) {
    return new Answer(
        answer.method(),
        answer.path(),
        answer.status(),
        answer.mediaType(),
        answer.body(),
        Set.of(fields));
  }

  /**
   * The 503 of a full token store, from the mock's own store, issuer and renderer: filling the
   * store over HTTP would take 100,000 requests.
   */
  private static Answer fullStore(String method, String path) {
    MutableClock clock = MutableClock.atFixedStart();
    InMemoryAuthTokenStore store = new InMemoryAuthTokenStore(clock, List.of());
    Instant later = clock.instant().plus(Duration.ofHours(1));
    for (long i = 0; i < InMemoryAuthTokenStore.MAX_ISSUED_TOKENS; i++) {
      store.issue("lead-A", "t" + i, later);
    }
    Lead lead = new Lead("lead-A", later, new byte[0], "A", "a@example.de", null, List.of());
    AuthTokenIssuer issuer = new AuthTokenIssuer(null, store, clock, Duration.ofMinutes(15));
    try {
      issuer.issue(lead, Optional.empty(), Optional.empty());
      throw new AssertionError("a full store issued a token");
    } catch (ApiProblem problem) {
      String body =
          new String(new ProblemRenderer(JSON).body(problem, path), StandardCharsets.UTF_8);
      return new Answer(
          method, path, problem.status(), ProblemRenderer.PROBLEM_JSON, body, Set.of());
    }
  }

  // --- the document ---

  private static JsonNode example(String name) {
    JsonNode example = document.path("components").path("examples").path(name);
    assertThat(example.has("value")).as("components/examples/%s has a value", name).isTrue();
    return example.get("value");
  }

  /** Every place an example is shown, following references to components/responses. */
  private static List<Usage> usages() {
    List<Usage> usages = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          String method = operation.getKey().toUpperCase(Locale.ROOT);
                          JsonNode op = operation.getValue();
                          addUsages(
                              usages,
                              method,
                              path.getKey(),
                              "request",
                              op.path("requestBody").path("content"));
                          op.path("responses")
                              .properties()
                              .forEach(
                                  response ->
                                      addUsages(
                                          usages,
                                          method,
                                          path.getKey(),
                                          response.getKey(),
                                          resolve(response.getValue()).path("content")));
                        }));
    return usages;
  }

  private static void addUsages(
      List<Usage> usages, String method, String path, String status, JsonNode content) {
    content
        .properties()
        .forEach(
            media ->
                media
                    .getValue()
                    .path("examples")
                    .properties()
                    .forEach(
                        example -> {
                          String ref = example.getValue().path("$ref").asString("");
                          assertThat(ref).as("example reference").startsWith(EXAMPLES);
                          usages.add(
                              new Usage(
                                  method,
                                  path,
                                  status,
                                  media.getKey(),
                                  ref.substring(EXAMPLES.length())));
                        }));
  }

  private static JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asString("");
    return ref.isEmpty() ? node : document.at(ref.substring(1));
  }

  private static void collectInlineExamples(JsonNode node, String where, List<String> inline) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              property -> {
                String at = where + "/" + property.getKey();
                JsonNode value = property.getValue();
                // A parameter's example is its value in a request, not an answer: left out.
                boolean parameter = at.contains("/parameters/");
                if (parameter) {
                  return;
                }
                if (property.getKey().equals("example")) {
                  inline.add(at);
                } else if (property.getKey().equals("examples")) {
                  value
                      .properties()
                      .forEach(
                          example -> {
                            if (!example.getValue().has("$ref")) {
                              inline.add(at + "/" + example.getKey());
                            }
                          });
                }
                collectInlineExamples(value, at, inline);
              });
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode element : node.values()) {
        collectInlineExamples(element, where + "/" + i++, inline);
      }
    }
  }

  /**
   * One query per example of a parameter, the other parameters at their first example; parameters
   * without an example are left out.
   */
  private static List<String> exampleQueries(JsonNode parameters) {
    Map<String, List<String>> examples = new LinkedHashMap<>();
    for (JsonNode declared : parameters.values()) {
      JsonNode parameter = resolve(declared);
      List<String> values = new ArrayList<>();
      if (parameter.has("example")) {
        values.add(parameter.get("example").asString());
      }
      parameter
          .path("examples")
          .values()
          .forEach(example -> values.add(example.path("value").asString()));
      if (!values.isEmpty()) {
        examples.put(parameter.get("name").asString(), values);
      }
    }
    Set<String> queries = new LinkedHashSet<>();
    examples.forEach(
        (name, values) -> {
          for (String value : values) {
            StringBuilder query = new StringBuilder();
            examples.forEach(
                (other, otherValues) -> {
                  if (query.length() > 0) {
                    query.append('&');
                  }
                  String chosen = other.equals(name) ? value : otherValues.get(0);
                  query.append(other).append('=').append(encode(chosen));
                });
            queries.add(query.toString());
          }
        });
    return List.copyOf(queries);
  }

  private static boolean isAdmin(JsonNode operation) {
    for (JsonNode tag : operation.path("tags").values()) {
      if (tag.asString().equals("admin")) {
        return true;
      }
    }
    return false;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The first application/json example of the operation's answer with that status, if any. */
  private static Optional<JsonNode> firstExample(JsonNode operation, int status) {
    JsonNode examples =
        resolve(operation.path("responses").path(String.valueOf(status)))
            .path("content")
            .path("application/json")
            .path("examples");
    for (JsonNode example : examples.values()) {
      String ref = example.path("$ref").asString("");
      return Optional.of(example(ref.substring(EXAMPLES.length())));
    }
    return Optional.empty();
  }

  /**
   * The answer with the example's values in its varying fields, and every varying value replaced by
   * the example's where it appears inside other strings (an outbox message's text names its code).
   */
  private static JsonNode comparable(JsonNode answer, JsonNode example, Set<String> varying) {
    if (varying.isEmpty()) {
      return answer;
    }
    Map<String, String> replacements = new LinkedHashMap<>();
    JsonNode copy = answer.deepCopy();
    takeOver(copy, example, varying, replacements);
    return replaceInStrings(copy, replacements);
  }

  private static void takeOver(
      JsonNode answer, JsonNode example, Set<String> varying, Map<String, String> replacements) {
    if (answer instanceof ObjectNode object && example.isObject()) {
      for (String name : List.copyOf(object.propertyNames())) {
        JsonNode value = object.get(name);
        JsonNode wanted = example.get(name);
        if (wanted == null) {
          continue;
        }
        if (varying.contains(name) && value.isValueNode()) {
          if (value.isString() && wanted.isString()) {
            replacements.put(value.stringValue(), wanted.stringValue());
          }
          object.set(name, wanted);
        } else {
          takeOver(value, wanted, varying, replacements);
        }
      }
    } else if (answer.isArray() && example.isArray()) {
      for (int i = 0; i < Math.min(answer.size(), example.size()); i++) {
        takeOver(answer.get(i), example.get(i), varying, replacements);
      }
    }
  }

  private static JsonNode replaceInStrings(JsonNode node, Map<String, String> replacements) {
    if (node.isString()) {
      String text = node.stringValue();
      for (Map.Entry<String, String> replacement : replacements.entrySet()) {
        text = text.replace(replacement.getKey(), replacement.getValue());
      }
      return JSON.getNodeFactory().stringNode(text);
    }
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        object.set(name, replaceInStrings(object.get(name), replacements));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((tools.jackson.databind.node.ArrayNode) node)
            .set(i, replaceInStrings(node.get(i), replacements));
      }
    }
    return node;
  }
}
