package io.contractkit.mock.faults;

import static io.contractkit.mock.support.Requests.addAcceptedRule;
import static io.contractkit.mock.support.Requests.addRule;
import static io.contractkit.mock.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import io.contractkit.mock.fixtures.SchemaCatalog;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.Requests;
import io.contractkit.mock.support.RunningMock;
import io.contractkit.mock.support.SchemaAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /__admin/faults}: adding, listing and removing rules, and the 400 problem that names the
 * field of every bad rule (of which nothing is stored).
 */
class FaultAdminApiTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode list() {
    RawHttp.Response listed = Requests.get(mock.port(), "/__admin/faults");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.header("Content-Type")).isEqualTo("application/json;charset=utf-8");
    return JSON.readTree(listed.body());
  }

  private static RawHttp.Response delete(String path) {
    return send(mock.port(), "DELETE", path, "", null);
  }

  @Test
  void anAddedRuleIsA201WithItsIdLocationAndTheRuleAsStored() {
    RawHttp.Response added =
        addRule(
            mock.port(),
            "{\"route\":\"contacts\",\"match\":{\"secret\":\"s-1\",\"ip\":\"2001:DB8::1\"},"
                + "\"fault\":{\"status\":503,\"headers\":{\"X-B\":\"b\",\"X-A\":\"a\"},"
                + "\"body\":{\"m\":1},\"delay\":\"1500ms\"},\"times\":2,\"probability\":0.25}");

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.header("Location")).isEqualTo("/__admin/faults/fault-1");
    assertThat(added.body())
        .isEqualTo(
            "{\"id\":\"fault-1\",\"route\":\"contacts\","
                + "\"match\":{\"secret\":\"s-1\",\"ip\":\"2001:db8:0:0:0:0:0:1\"},"
                + "\"fault\":{\"status\":503,\"headers\":{\"X-B\":\"b\",\"X-A\":\"a\"},"
                + "\"body\":{\"m\":1},\"delay\":\"1500ms\"},\"times\":2,\"probability\":0.25,"
                + "\"fired\":0,\"remaining\":2}");
  }

  @Test
  void theListShowsTheSettingsAndTheRulesNewestFirstWithHowOftenEachFired() {
    addAcceptedRule(
        mock.port(),
        "{\"route\":\"lead-contact\",\"match\":{\"accessToken\":\""
            + Fixture.LEAD
            + "\"},"
            + "\"fault\":{\"kind\":\"slow-body\",\"delay\":{\"min\":\"100ms\",\"max\":\"2s\"}}}");
    addAcceptedRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"kind\":\"empty-response\"}}");

    JsonNode listed = list();

    assertThat(listed.path("latency").isNull()).isTrue();
    assertThat(listed.path("seed").isIntegralNumber()).isTrue();
    assertThat(listed.path("maxDelayed").asInt()).isEqualTo(10_000);
    assertThat(listed.path("delayedNow").asInt()).isZero();
    JsonNode rules = listed.path("rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).toString())
        .isEqualTo(
            "{\"id\":\"fault-2\",\"route\":\"*\",\"match\":{},"
                + "\"fault\":{\"kind\":\"empty-response\"},\"times\":null,\"probability\":null,"
                + "\"fired\":0,\"remaining\":null}");
    assertThat(rules.get(1).path("fault").toString())
        .isEqualTo("{\"delay\":{\"min\":\"100ms\",\"max\":\"2s\"},\"kind\":\"slow-body\"}");
    assertThat(rules.get(1).path("match").path("accessToken").asString()).isEqualTo(Fixture.LEAD);
  }

  @Test
  void theListAndAStoredRuleHaveTheShapesTheOpenApiDocumentDescribes() {
    RawHttp.Response added =
        addRule(
            mock.port(),
            "{\"route\":\"contacts\",\"match\":{\"ip\":\"192.0.2.1\"},"
                + "\"fault\":{\"status\":503,\"headers\":{\"X-A\":\"b\"},\"body\":\"x\","
                + "\"delay\":{\"min\":\"1s\",\"max\":\"2s\"}},\"times\":2,\"probability\":0.5}");
    addAcceptedRule(
        mock.port(), "{\"route\":\"*\",\"fault\":{\"kind\":\"slow-body\",\"delay\":\"1s\"}}");

    assertValidAgainstDocument("FaultRule", added.body());
    assertValidAgainstDocument("FaultList", Requests.get(mock.port(), "/__admin/faults").body());
    assertThat(documentSchema("FaultRule").validate("{\"id\":\"x\"}", InputFormat.JSON))
        .as("the schema checks something")
        .isNotEmpty();
  }

  private static Schema documentSchema(String component) {
    return new SchemaCatalog().schema("openapi.yaml#/components/schemas/" + component);
  }

  private static void assertValidAgainstDocument(String component, String json) {
    assertThat(documentSchema(component).validate(json, InputFormat.JSON))
        .as("%s errors for %s", component, json)
        .isEmpty();
  }

  @Test
  void aRuleIsRemovedByItsIdAndAnUnknownIdIsA404Problem() {
    String first = addAcceptedRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":500}}");
    String second = addAcceptedRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":502}}");

    assertThat(delete("/__admin/faults/" + first).status()).isEqualTo(204);
    RawHttp.Response again = delete("/__admin/faults/" + first);

    assertThat(again.status()).isEqualTo(404);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    SchemaAssertions.assertValid("Problem.schema.json", again.body());
    assertThat(list().path("rules")).hasSize(1);
    assertThat(list().path("rules").get(0).path("id").asString()).isEqualTo(second);
  }

  @Test
  void deletingAllRulesOrAResetRemovesThemAll() {
    addAcceptedRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":500}}");
    addAcceptedRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":502}}");

    assertThat(delete("/__admin/faults").status()).isEqualTo(204);
    assertThat(list().path("rules")).isEmpty();

    addAcceptedRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":500}}");
    mock.reset();
    assertThat(list().path("rules")).isEmpty();
    assertThat(addAcceptedRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":500}}"))
        .as("ids start again after a reset")
        .isEqualTo("fault-1");
  }

  @Test
  void theMockHoldsAtMostOneHundredRules() {
    for (int i = 0; i < FaultRules.MAX_RULES; i++) {
      addAcceptedRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":500}}");
    }

    RawHttp.Response refused = addRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":500}}");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("100 fault rules");
    SchemaAssertions.assertValid("Problem.schema.json", refused.body());
    assertThat(list().path("rules")).hasSize(100);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "not JSON                     | {                                               | The body is not valid JSON.",
        "not an object                | []                                              | The body must be a JSON object",
        "empty                        | ~~                                              | The body must be a JSON object",
        "unknown field                | {\"route\":\"*\",\"fault\":{\"status\":500},\"time\":3} | 'time' is not a known field; allowed here: fault, match, probability, route, times.",
        "no route                     | {\"fault\":{\"status\":500}}                     | 'route' is required: one of contacts, lead-contact, send-authtoken or *.",
        "unknown route                | {\"route\":\"Contacts\",\"fault\":{\"status\":500}} | 'route' must be one of contacts, lead-contact, send-authtoken or *.",
        "route not a string           | {\"route\":1,\"fault\":{\"status\":500}}         | 'route' must be one of",
        "no fault                     | {\"route\":\"*\"}                                | 'fault' is required",
        "fault not an object          | {\"route\":\"*\",\"fault\":500}                  | 'fault' must be an object",
        "empty fault                  | {\"route\":\"*\",\"fault\":{}}                   | 'fault' must have at least one of status, body, delay or kind.",
        "unknown fault field          | {\"route\":\"*\",\"fault\":{\"code\":500}}       | 'fault.code' is not a known field",
        "status too low               | {\"route\":\"*\",\"fault\":{\"status\":199}}     | 'fault.status' must be a whole number from 200 to 599.",
        "status too high              | {\"route\":\"*\",\"fault\":{\"status\":600}}     | 'fault.status' must be a whole number from 200 to 599.",
        "status a fraction            | {\"route\":\"*\",\"fault\":{\"status\":500.5}}   | 'fault.status' must be a whole number",
        "status a string              | {\"route\":\"*\",\"fault\":{\"status\":\"500\"}} | 'fault.status' must be a whole number",
        "status huge                  | {\"route\":\"*\",\"fault\":{\"status\":99999999999}} | 'fault.status' must be a whole number",
        "body with 204                | {\"route\":\"*\",\"fault\":{\"status\":204,\"body\":\"x\"}} | 'fault.body' cannot go with status 204",
        "body with 304                | {\"route\":\"*\",\"fault\":{\"status\":304,\"body\":\"x\"}} | 'fault.body' cannot go with status 304",
        "body with 205                | {\"route\":\"*\",\"fault\":{\"status\":205,\"body\":\"x\"}} | 'fault.body' cannot go with status 205",
        "headers not an object        | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":[]}} | 'fault.headers' must be an object",
        "header value not a string    | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"X-A\":1}}} | 'fault.headers.X-A' must be a string",
        "header value with a newline  | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"X-A\":\"a\\nb\"}}} | 'fault.headers.X-A' must be a string",
        "header value not ASCII       | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"X-A\":\"ä\"}}} | 'fault.headers.X-A' must be a string",
        "header name with a space     | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"X A\":\"b\"}}} | 'fault.headers' has a name that is not a valid HTTP header name.",
        "header name empty            | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"\":\"b\"}}} | 'fault.headers' has a name that is not a valid HTTP header name.",
        "framing header               | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"Content-Length\":\"3\"}}} | 'fault.headers.Content-Length' cannot be set: the server writes it.",
        "header twice                 | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"X-A\":\"1\",\"x-a\":\"2\"}}} | 'fault.headers.x-a' is given twice",
        "headers without an answer    | {\"route\":\"*\",\"fault\":{\"delay\":\"1s\",\"headers\":{\"X-A\":\"1\"}}} | 'fault.headers' needs fault.status or fault.body",
        "delay not a duration         | {\"route\":\"*\",\"fault\":{\"delay\":\"soon\"}}  | 'fault.delay' must be a duration such as",
        "delay a number               | {\"route\":\"*\",\"fault\":{\"delay\":300}}       | 'fault.delay' must be a duration such as",
        "delay written as a range     | {\"route\":\"*\",\"fault\":{\"delay\":\"1s..2s\"}} | 'fault.delay' must be a duration such as",
        "delay too long               | {\"route\":\"*\",\"fault\":{\"delay\":\"11m\"}}   | 'fault.delay' must be from 0ms to 10m.",
        "delay negative               | {\"route\":\"*\",\"fault\":{\"delay\":\"PT-1S\"}} | 'fault.delay' must be from 0ms to 10m.",
        "range without max            | {\"route\":\"*\",\"fault\":{\"delay\":{\"min\":\"1s\"}}} | 'fault.delay' needs both min and max when it is a range.",
        "range without min            | {\"route\":\"*\",\"fault\":{\"delay\":{\"max\":\"1s\"}}} | 'fault.delay' needs both min and max when it is a range.",
        "range upside down            | {\"route\":\"*\",\"fault\":{\"delay\":{\"min\":\"2s\",\"max\":\"1s\"}}} | 'fault.delay.min' must not be longer than fault.delay.max.",
        "range with a bad end         | {\"route\":\"*\",\"fault\":{\"delay\":{\"min\":\"1s\",\"max\":\"x\"}}} | 'fault.delay.max' must be a duration",
        "range with an unknown field  | {\"route\":\"*\",\"fault\":{\"delay\":{\"min\":\"1s\",\"max\":\"2s\",\"avg\":\"1s\"}}} | 'fault.delay.avg' is not a known field",
        "unknown kind                 | {\"route\":\"*\",\"fault\":{\"kind\":\"timeout\"}} | 'fault.kind' must be one of connection-reset, empty-response, malformed-json, slow-body.",
        "kind not a string            | {\"route\":\"*\",\"fault\":{\"kind\":1}}          | 'fault.kind' must be one of",
        "reset with a status          | {\"route\":\"*\",\"fault\":{\"kind\":\"connection-reset\",\"status\":500}} | 'fault.kind' connection-reset sends no answer",
        "empty response with a body   | {\"route\":\"*\",\"fault\":{\"kind\":\"empty-response\",\"body\":\"x\"}} | 'fault.kind' empty-response sends no answer",
        "slow body without delay      | {\"route\":\"*\",\"fault\":{\"kind\":\"slow-body\"}} | 'fault.delay' is required with slow-body",
        "malformed JSON of a string   | {\"route\":\"*\",\"fault\":{\"kind\":\"malformed-json\",\"body\":\"x\"}} | 'fault.body' must be a JSON object or array with malformed-json",
        "malformed JSON of a number   | {\"route\":\"*\",\"fault\":{\"kind\":\"malformed-json\",\"body\":12345}} | 'fault.body' must be a JSON object or array with malformed-json",
        "match not an object          | {\"route\":\"*\",\"match\":\"x\",\"fault\":{\"status\":500}} | 'match' must be an object",
        "unknown match field          | {\"route\":\"*\",\"match\":{\"authToken\":\"1\"},\"fault\":{\"status\":500}} | 'match.authToken' is not a known field; allowed here: accessToken, ip, secret.",
        "secret on an LMS route       | {\"route\":\"lead-contact\",\"match\":{\"secret\":\"s\"},\"fault\":{\"status\":500}} | 'match.secret' cannot apply to route lead-contact, which has no secret parameter.",
        "ip on an LMS route           | {\"route\":\"send-authtoken\",\"match\":{\"ip\":\"192.0.2.1\"},\"fault\":{\"status\":500}} | 'match.ip' cannot apply to route send-authtoken",
        "accessToken on contacts      | {\"route\":\"contacts\",\"match\":{\"accessToken\":\"a\"},\"fault\":{\"status\":500}} | 'match.accessToken' cannot apply to route contacts",
        "match value empty            | {\"route\":\"*\",\"match\":{\"secret\":\" \"},\"fault\":{\"status\":500}} | 'match.secret' must be a non-empty string.",
        "match value not a string     | {\"route\":\"*\",\"match\":{\"secret\":1},\"fault\":{\"status\":500}} | 'match.secret' must be a non-empty string.",
        "match value with a control   | {\"route\":\"*\",\"match\":{\"accessToken\":\"a\\u0001\"},\"fault\":{\"status\":500}} | 'match.accessToken' must be at most 256 characters",
        "match ip not an address      | {\"route\":\"*\",\"match\":{\"ip\":\"example.com\"},\"fault\":{\"status\":500}} | 'match.ip' must be an IPv4 or IPv6 address literal.",
        "times zero                   | {\"route\":\"*\",\"fault\":{\"status\":500},\"times\":0} | 'times' must be a whole number from 1 to 1000000.",
        "times too many               | {\"route\":\"*\",\"fault\":{\"status\":500},\"times\":1000001} | 'times' must be a whole number from 1 to 1000000.",
        "times a fraction             | {\"route\":\"*\",\"fault\":{\"status\":500},\"times\":1.5} | 'times' must be a whole number",
        "times a string               | {\"route\":\"*\",\"fault\":{\"status\":500},\"times\":\"3\"} | 'times' must be a whole number",
        "probability above one        | {\"route\":\"*\",\"fault\":{\"status\":500},\"probability\":1.01} | 'probability' must be a number from 0.0 to 1.0.",
        "probability below zero       | {\"route\":\"*\",\"fault\":{\"status\":500},\"probability\":-0.1} | 'probability' must be a number from 0.0 to 1.0.",
        "times huge                   | {\"route\":\"*\",\"fault\":{\"status\":500},\"times\":99999999999} | 'times' must be a whole number",
        "header value with DEL        | {\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"X-A\":\"\u007f\"}}} | 'fault.headers.X-A' must be a string",
        "probability a string         | {\"route\":\"*\",\"fault\":{\"status\":500},\"probability\":\"1\"} | 'probability' must be a number",
      })
  void aBadRuleIsA400ProblemNamingTheFieldAndNothingIsStored(
      String what, String body, String detail) {
    RawHttp.Response refused = addRule(mock.port(), body == null ? "" : body);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    SchemaAssertions.assertValid("Problem.schema.json", refused.body());
    assertThat(JSON.readTree(refused.body()).path("detail").asString()).startsWith(detail);
    assertThat(list().path("rules")).isEmpty();
  }

  @Test
  void aRuleNotSentAsJsonIsA415AndNothingIsStored() {
    RawHttp.Response refused =
        send(
            mock.port(),
            "POST",
            "/__admin/faults",
            "Content-Type: text/plain\r\n",
            "{\"route\":\"*\",\"fault\":{\"status\":500}}");

    assertThat(refused.status()).isEqualTo(415);
    SchemaAssertions.assertValid("Problem.schema.json", refused.body());
    assertThat(list().path("rules")).isEmpty();
  }

  @Test
  void aBadMatchValueIsNeverEchoed() {
    String secret = "a-secret-that-must-not-leak\\u0001";

    RawHttp.Response refused =
        addRule(
            mock.port(),
            "{\"route\":\"contacts\",\"match\":{\"secret\":\""
                + secret
                + "\"},"
                + "\"fault\":{\"status\":500}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("a-secret-that-must-not-leak");
  }

  @Test
  void aBodyOverSixtyFourKibibytesIsA400() {
    String big = "x".repeat(FaultAdminHandlers.MAX_BODY_BYTES);

    RawHttp.Response refused =
        addRule(mock.port(), "{\"route\":\"*\",\"fault\":{\"body\":\"" + big + "\"}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("at most 65536 bytes");
  }

  @Test
  void aRuleWithTheLargestBodyThatFitsIsAccepted() {
    String big = "x".repeat(FaultAdminHandlers.MAX_BODY_BYTES - 40);

    String rule = "{\"route\":\"*\",\"fault\":{\"body\":\"" + big + "\"}}";

    assertThat(rule.length()).isLessThanOrEqualTo(FaultAdminHandlers.MAX_BODY_BYTES);
    assertThat(addRule(mock.port(), rule).status()).isEqualTo(201);
  }

  @Test
  void nullFieldsCountAsAbsent() {
    RawHttp.Response added =
        addRule(
            mock.port(),
            "{\"route\":\"contacts\",\"match\":null,\"fault\":{\"status\":500,\"headers\":null,"
                + "\"body\":null,\"delay\":null,\"kind\":null},\"times\":null,"
                + "\"probability\":null}");

    assertThat(added.status()).isEqualTo(201);
    assertThat(JSON.readTree(added.body()).path("fault").toString()).isEqualTo("{\"status\":500}");
  }

  @Test
  void theEdgesOfEachRangeAreAccepted() {
    for (String rule :
        new String[] {
          "{\"route\":\"*\",\"fault\":{\"status\":200},\"times\":1,\"probability\":0}",
          "{\"route\":\"*\",\"fault\":{\"status\":599},\"times\":1000000,\"probability\":1}",
          "{\"route\":\"*\",\"fault\":{\"delay\":\"0ms\"}}",
          "{\"route\":\"*\",\"fault\":{\"delay\":\"10m\"}}",
          "{\"route\":\"*\",\"fault\":{\"delay\":{\"min\":\"1s\",\"max\":\"1s\"}}}",
          "{\"route\":\"*\",\"fault\":{\"status\":204}}",
          "{\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"X-A\":\"\\t~ \"}}}",
          "{\"route\":\"*\",\"fault\":{\"kind\":\"malformed-json\",\"headers\":{\"X-A\":\"1\"}}}",
          "{\"route\":\"*\",\"fault\":{\"kind\":\"malformed-json\",\"body\":[1]}}",
          "{\"route\":\"*\",\"fault\":{\"kind\":\"connection-reset\",\"delay\":\"1s\"}}",
          "{\"route\":\"*\",\"match\":{\"secret\":\"s\",\"ip\":\"192.0.2.1\",\"accessToken\":\"a\"},"
              + "\"fault\":{\"status\":500}}",
        }) {
      RawHttp.Response added = addRule(mock.port(), rule);
      assertThat(added.status()).as("%s: %s", rule, added.body()).isEqualTo(201);
    }
  }

  @Test
  void headersAndMatchValuesMayBeAsLongAsTheirLimitsAndNoLonger() {
    String name = "X" + "n".repeat(FaultRuleParser.MAX_HEADER_NAME_LENGTH - 1);
    String value = "v".repeat(FaultRuleParser.MAX_HEADER_VALUE_LENGTH);
    String secret = "s".repeat(256);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < FaultRuleParser.MAX_HEADERS; i++) {
      many.append(i == 0 ? "" : ",").append("\"X-").append(i).append("\":\"v\"");
    }

    assertThat(headerRule("\"" + name + "\":\"v\"").status()).isEqualTo(201);
    assertThat(headerRule("\"" + name + "n\":\"v\"").status()).isEqualTo(400);
    assertThat(headerRule("\"X-A\":\"" + value + "\"").status()).isEqualTo(201);
    assertThat(headerRule("\"X-A\":\"" + value + "v\"").status()).isEqualTo(400);
    assertThat(headerRule(many.toString()).status()).isEqualTo(201);
    RawHttp.Response tooMany = headerRule(many + ",\"X-last\":\"v\"");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).contains("'fault.headers' must have at most 32 headers.");
    assertThat(secretRule(secret).status()).isEqualTo(201);
    assertThat(secretRule(secret + "s").status()).isEqualTo(400);
  }

  private static RawHttp.Response headerRule(String headers) {
    return addRule(
        mock.port(), "{\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{" + headers + "}}}");
  }

  private static RawHttp.Response secretRule(String secret) {
    return addRule(
        mock.port(),
        "{\"route\":\"contacts\",\"match\":{\"secret\":\""
            + secret
            + "\"},"
            + "\"fault\":{\"status\":500}}");
  }

  @Test
  void headerNamesMayUseEveryTokenCharacter() {
    String name = "!#$%&'*+-.^_`|~09azAZ";

    RawHttp.Response added =
        addRule(
            mock.port(),
            "{\"route\":\"*\",\"fault\":{\"status\":500,\"headers\":{\"" + name + "\":\"v\"}}}");

    assertThat(added.status()).as(added.body()).isEqualTo(201);
  }
}
