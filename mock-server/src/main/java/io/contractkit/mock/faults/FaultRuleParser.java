package io.contractkit.mock.faults;

import io.contractkit.mock.cli.DurationConverter;
import io.contractkit.mock.contacts.IpAddresses;
import io.contractkit.mock.faults.FaultRoute.MatchField;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.QueryParameters;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code POST /__admin/faults} into a {@link FaultRule}. Every mistake is a 400
 * problem that names the field (as {@code fault.status}) and says what it must be; a value is never
 * echoed, since match values are secrets and tokens.
 */
final class FaultRuleParser {
  static final int MIN_STATUS = 200;
  static final int MAX_STATUS = 599;
  static final int MAX_TIMES = 1_000_000;
  static final int MAX_HEADERS = 32;
  static final int MAX_HEADER_VALUE_LENGTH = 1024;
  static final int MAX_HEADER_NAME_LENGTH = 64;

  /** Headers that frame the message; the server writes them, a rule cannot. */
  static final Set<String> FRAMING_HEADERS =
      Set.of(
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "upgrade",
          "trailer",
          "te");

  private static final Set<String> RULE_FIELDS =
      Set.of("route", "match", "fault", "times", "probability");
  private static final Set<String> MATCH_FIELDS = Set.of("secret", "ip", "accessToken");
  private static final Set<String> FAULT_FIELDS =
      Set.of("status", "headers", "body", "delay", "kind");
  private static final Set<String> RANGE_FIELDS = Set.of("min", "max");
  private static final String TOKEN_CHARACTERS = "!#$%&'*+-.^_`|~";

  private FaultRuleParser() {}

  static FaultRule parse(JsonNode rule) {
    onlyKnownFields(rule, RULE_FIELDS, "");
    FaultRoute route = route(rule.get("route"));
    FaultRule.Match match = match(rule.get("match"), route);
    FaultRule.Fault fault = fault(rule.get("fault"));
    return new FaultRule(
        route, match, fault, times(rule.get("times")), probability(rule.get("probability")));
  }

  private static FaultRoute route(JsonNode value) {
    String expected = "one of contacts, lead-contact, send-authtoken or *";
    if (absent(value)) {
      throw invalid("route", "is required: " + expected);
    }
    if (!value.isString()) {
      throw invalid("route", "must be " + expected);
    }
    return FaultRoute.fromWireName(value.stringValue())
        .orElseThrow(() -> invalid("route", "must be " + expected));
  }

  private static FaultRule.Match match(JsonNode value, FaultRoute route) {
    if (absent(value)) {
      return FaultRule.Match.ANY;
    }
    if (!value.isObject()) {
      throw invalid("match", "must be an object with secret, ip or accessToken");
    }
    onlyKnownFields(value, MATCH_FIELDS, "match.");
    String secret = matchValue(value, "secret", MatchField.SECRET, route);
    String ip = matchValue(value, "ip", MatchField.IP, route);
    String accessToken = matchValue(value, "accessToken", MatchField.ACCESS_TOKEN, route);
    if (ip != null) {
      ip =
          IpAddresses.normalize(ip)
              .orElseThrow(() -> invalid("match.ip", "must be an IPv4 or IPv6 address literal"));
    }
    return new FaultRule.Match(secret, ip, accessToken);
  }

  private static String matchValue(
      JsonNode match, String name, MatchField field, FaultRoute route) {
    JsonNode value = match.get(name);
    if (absent(value)) {
      return null;
    }
    String path = "match." + name;
    if (!route.has(field)) {
      throw invalid(
          path,
          "cannot apply to route " + route.wireName() + ", which has no " + name + " parameter");
    }
    if (!value.isString() || value.stringValue().isBlank()) {
      throw invalid(path, "must be a non-empty string");
    }
    String text = value.stringValue();
    if (text.length() > QueryParameters.MAX_VALUE_LENGTH
        || text.chars().anyMatch(Character::isISOControl)) {
      throw invalid(
          path,
          "must be at most "
              + QueryParameters.MAX_VALUE_LENGTH
              + " characters without control characters, as the mock accepts it in a query");
    }
    return text;
  }

  private static FaultRule.Fault fault(JsonNode value) {
    if (absent(value)) {
      throw invalid("fault", "is required: an object with status, headers, body, delay or kind");
    }
    if (!value.isObject()) {
      throw invalid("fault", "must be an object with status, headers, body, delay or kind");
    }
    onlyKnownFields(value, FAULT_FIELDS, "fault.");
    Integer status = status(value.get("status"));
    Map<String, String> headers = headers(value.get("headers"));
    JsonNode body = absent(value.get("body")) ? null : value.get("body");
    DelayRange delay = delay(value.get("delay"));
    FaultKind kind = kind(value.get("kind"));
    FaultRule.Fault fault = new FaultRule.Fault(status, headers, body, delay, kind);
    checkCombination(fault);
    return fault;
  }

  private static Integer status(JsonNode value) {
    if (absent(value)) {
      return null;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < MIN_STATUS
        || value.intValue() > MAX_STATUS) {
      throw invalid(
          "fault.status", "must be a whole number from " + MIN_STATUS + " to " + MAX_STATUS);
    }
    return value.intValue();
  }

  private static Map<String, String> headers(JsonNode value) {
    if (absent(value)) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw invalid("fault.headers", "must be an object of header names to string values");
    }
    if (value.size() > MAX_HEADERS) {
      throw invalid("fault.headers", "must have at most " + MAX_HEADERS + " headers");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, JsonNode> header : value.properties()) {
      String name = header.getKey();
      if (!isToken(name)) {
        throw invalid("fault.headers", "has a name that is not a valid HTTP header name");
      }
      String path = "fault.headers." + name;
      String lower = name.toLowerCase(Locale.ROOT);
      if (FRAMING_HEADERS.contains(lower)) {
        throw invalid(path, "cannot be set: the server writes it");
      }
      if (!seen.add(lower)) {
        throw invalid(path, "is given twice (header names are case-insensitive)");
      }
      JsonNode headerValue = header.getValue();
      if (!headerValue.isString() || !isHeaderValue(headerValue.stringValue())) {
        throw invalid(
            path,
            "must be a string of at most "
                + MAX_HEADER_VALUE_LENGTH
                + " visible ASCII characters, spaces or tabs");
      }
      headers.put(name, headerValue.stringValue());
    }
    return headers;
  }

  private static DelayRange delay(JsonNode value) {
    if (absent(value)) {
      return null;
    }
    String expected =
        "must be a duration such as \"300ms\", or {\"min\": \"100ms\", \"max\": \"2s\"}";
    if (value.isString()) {
      return DelayRange.fixed(duration(value, "fault.delay", expected));
    }
    if (!value.isObject()) {
      throw invalid("fault.delay", expected);
    }
    onlyKnownFields(value, RANGE_FIELDS, "fault.delay.");
    JsonNode min = value.get("min");
    JsonNode max = value.get("max");
    if (absent(min) || absent(max)) {
      throw invalid("fault.delay", "needs both min and max when it is a range");
    }
    Duration shortest = duration(min, "fault.delay.min", expected);
    Duration longest = duration(max, "fault.delay.max", expected);
    if (shortest.compareTo(longest) > 0) {
      throw invalid("fault.delay.min", "must not be longer than fault.delay.max");
    }
    return new DelayRange(shortest, longest);
  }

  private static Duration duration(JsonNode value, String path, String expected) {
    if (!value.isString()) {
      throw invalid(path, expected);
    }
    Duration duration;
    try {
      duration = DelayRange.duration(value.stringValue());
    } catch (IllegalArgumentException e) {
      throw invalid(path, expected);
    }
    if (duration.isNegative() || duration.compareTo(DelayRange.LONGEST) > 0) {
      throw invalid(path, "must be from 0ms to " + DurationConverter.format(DelayRange.LONGEST));
    }
    return duration;
  }

  private static FaultKind kind(JsonNode value) {
    String expected = "must be one of connection-reset, empty-response, malformed-json, slow-body";
    if (absent(value)) {
      return null;
    }
    if (!value.isString()) {
      throw invalid("fault.kind", expected);
    }
    return FaultKind.fromWireName(value.stringValue())
        .orElseThrow(() -> invalid("fault.kind", expected));
  }

  /** The fields that make sense together; everything else is refused rather than ignored. */
  private static void checkCombination(FaultRule.Fault fault) {
    FaultKind kind = fault.kind();
    if (kind == null && !fault.hasOwnAnswer() && fault.delay() == null) {
      throw invalid("fault", "must have at least one of status, body, delay or kind");
    }
    if (!fault.headers().isEmpty() && !fault.hasOwnAnswer() && kind != FaultKind.MALFORMED_JSON) {
      throw invalid(
          "fault.headers",
          "needs fault.status or fault.body: headers go with the rule's own answer");
    }
    if (kind == FaultKind.CONNECTION_RESET || kind == FaultKind.EMPTY_RESPONSE) {
      if (fault.hasOwnAnswer()) { // headers without an answer are refused above
        throw invalid(
            "fault.kind",
            kind.wireName() + " sends no answer, so it cannot have status, headers or body");
      }
    }
    if (kind == FaultKind.SLOW_BODY && fault.delay() == null) {
      throw invalid("fault.delay", "is required with slow-body: the time the body takes");
    }
    if (kind == FaultKind.MALFORMED_JSON
        && fault.body() != null
        && !fault.body().isObject()
        && !fault.body().isArray()) {
      throw invalid(
          "fault.body", "must be a JSON object or array with malformed-json (it is cut in half)");
    }
    if (fault.body() != null && fault.status() != null && hasNoBody(fault.status())) {
      throw invalid("fault.body", "cannot go with status " + fault.status() + ", which has none");
    }
  }

  private static boolean hasNoBody(int status) {
    return status == 204 || status == 205 || status == 304;
  }

  private static Integer times(JsonNode value) {
    if (absent(value)) {
      return null;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < 1
        || value.intValue() > MAX_TIMES) {
      throw invalid("times", "must be a whole number from 1 to " + MAX_TIMES);
    }
    return value.intValue();
  }

  private static Double probability(JsonNode value) {
    if (absent(value)) {
      return null;
    }
    if (!value.isNumber() || !(value.doubleValue() >= 0.0) || value.doubleValue() > 1.0) {
      throw invalid("probability", "must be a number from 0.0 to 1.0");
    }
    return value.doubleValue();
  }

  private static void onlyKnownFields(JsonNode object, Set<String> known, String prefix) {
    for (String name : object.propertyNames()) {
      if (!known.contains(name)) {
        throw invalid(
            prefix + name,
            "is not a known field; allowed here: "
                + known.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull();
  }

  private static boolean isToken(String name) {
    if (name.isEmpty() || name.length() > MAX_HEADER_NAME_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && TOKEN_CHARACTERS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHeaderValue(String value) {
    if (value.length() > MAX_HEADER_VALUE_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        return false;
      }
    }
    return true;
  }

  private static ApiProblem invalid(String field, String reason) {
    return ApiProblem.badRequest("'" + field + "' " + reason + ".");
  }
}
