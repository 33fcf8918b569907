package io.contractkit.conformance.fakes;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Building blocks for defects: query edits, fixture facts, and calls the defect makes upstream. */
public final class Upstreams {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNode LEADS =
      JSON.readTree(Path.of("..", "fixtures", "leads.json").toFile()).get("leads");

  static final String FIRST_SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";
  static final String EXPIRED_LEAD = "lead-expiredLm5Vt2Kq8W";

  /** The LmsContactInfo with every property null: the answer to a failed authorization. */
  static final String NULL_VALUES =
      "{\"accessToken\":null,\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,"
          + "\"email\":null,\"phone\":null,\"fax\":null,\"notice\":null,\"company\":null}";

  private Upstreams() {}

  static boolean leadUnknown(String accessToken) {
    for (JsonNode lead : LEADS) {
      if (lead.get("contact").get("accessToken").get("code").asString().equals(accessToken)) {
        return false;
      }
    }
    return true;
  }

  static JsonNode fixtureLeadContact(String accessToken) {
    for (JsonNode lead : LEADS) {
      if (lead.get("contact").get("accessToken").get("code").asString().equals(accessToken)) {
        return lead.get("contact");
      }
    }
    throw new IllegalArgumentException("no fixture lead " + accessToken);
  }

  static String removeParam(String rawQuery, String name) {
    if (rawQuery == null) {
      return "";
    }
    return Arrays.stream(rawQuery.split("&"))
        .filter(
            pair ->
                !pair.split("=", 2)[0]
                    .toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT)))
        .collect(Collectors.joining("&"));
  }

  static String replaceParam(String rawQuery, String name, String value) {
    String rest = removeParam(rawQuery, name);
    return (rest.isEmpty() ? "" : rest + "&") + name + "=" + value;
  }

  /**
   * Mints a fresh authToken for the lead through the mock's admin API ({@code POST
   * /__admin/authtokens}): the answer is 201 with the {@code authToken}, or the mock's refusal.
   */
  public static Answer mint(Upstream upstream, String accessToken) {
    return mint(upstream, accessToken, null);
  }

  /**
   * Mints an authToken for the lead through the mock's admin API, with the given code as its value
   * (null: a code of the mock's choosing), as if the target had sent the lead that code.
   */
  public static Answer mint(Upstream upstream, String accessToken, String code) {
    ObjectNode body = JSON.createObjectNode().put("accessToken", accessToken);
    if (code != null) {
      body.put("code", code);
    }
    return upstream.forward(
        new Incoming(
            "POST",
            "/__admin/authtokens",
            null,
            Map.of("Content-Type", List.of("application/json")),
            JSON.writeValueAsBytes(body)));
  }

  /**
   * What a broken implementation discloses: the lead's contact, fetched with a freshly minted
   * token.
   */
  static Optional<Answer> releaseWithFreshToken(Upstream upstream, Incoming request) {
    Answer minted = mint(upstream, request.param("accessToken").orElse(""));
    if (minted.status() != 201) {
      return Optional.empty();
    }
    String token = minted.jsonBody().orElseThrow().get("authToken").asString();
    Answer released =
        upstream.forward(request.withQuery(replaceParam(request.rawQuery(), "authToken", token)));
    return released.isLmsDisclosure() ? Optional.of(released) : Optional.empty();
  }

  /** Forwards, and edits a found contact's body. */
  static Answer editContact(Incoming request, Upstream upstream, Consumer<ObjectNode> edit) {
    Answer answer = upstream.forward(request);
    if (request.isContacts() && answer.status() == 200) {
      ObjectNode body = Rewrite.object(answer.jsonBody().orElseThrow());
      edit.accept(body);
      return answer.withBody(body);
    }
    return answer;
  }
}
