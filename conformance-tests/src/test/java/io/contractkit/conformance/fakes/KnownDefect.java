package io.contractkit.conformance.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue of deliberately defective implementations: each one is the real mock with one
 * planted defect, and the check id that must catch it.
 */
public enum KnownDefect {
  REUSABLE_AUTH_TOKEN(
      "an authToken can be used again: successful answers are replayed",
      "LMS-AUTHTOKEN-ONE-TIME",
      "L11",
      "L13") {
    private final Map<String, Answer> released = new ConcurrentHashMap<>();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (!request.isLms()) {
        return answer;
      }
      String key =
          request.param("accessToken").orElse("") + "|" + request.param("authToken").orElse("");
      if (answer.isLmsDisclosure()) {
        released.put(key, answer);
        return answer;
      }
      return released.getOrDefault(key, answer);
    }
  },

  RACE_ON_CONSUMPTION(
      "concurrent uses of one authToken all succeed: the lookup is check-then-act",
      "LMS-AUTHTOKEN-CONCURRENT-ONE-TIME",
      "L14") {
    private final Map<String, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (!request.isLms()) {
        return upstream.forward(request);
      }
      String key =
          request.param("accessToken").orElse("") + "|" + request.param("authToken").orElse("");
      CompletableFuture<Answer> mine = new CompletableFuture<>();
      CompletableFuture<Answer> running = inFlight.putIfAbsent(key, mine);
      if (running != null) {
        return running.join();
      }
      try {
        // The window in which the defective implementation has checked but not yet consumed.
        Thread.sleep(300);
        Answer answer = upstream.forward(request);
        mine.complete(answer);
        return answer;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inFlight.remove(key);
      }
    }
  },

  LEAK_ON_WRONG_AUTH_TOKEN(
      "a wrong authToken still gets the lead's contact",
      "LMS-WRONG-AUTHTOKEN-NO-DISCLOSURE",
      "L15") {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (!request.isLms() || answer.isLmsDisclosure()) {
        if (request.isLms()) {
          seen.add(request.param("authToken").orElse(""));
        }
        return answer;
      }
      String authToken = request.param("authToken").orElse("");
      if (seen.contains(authToken) || request.param("source").isEmpty()) {
        return answer;
      }
      return Upstreams.releaseWithFreshToken(upstream, request).orElse(answer);
    }
  },

  LEAK_FOR_OTHER_LEADS_AUTH_TOKEN(
      "authTokens are looked up without their lead: another lead's token discloses that lead",
      "LMS-OTHER-LEAD-AUTHTOKEN-NO-DISCLOSURE",
      "L16") {
    private final Map<String, String> leadOfToken = new ConcurrentHashMap<>();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.lowerPath().equals("/__admin/authtokens")) {
        answer
            .jsonBody()
            .ifPresent(
                j ->
                    leadOfToken.put(
                        j.path("authToken").asString(""), j.path("accessToken").asString("")));
        return answer;
      }
      if (!request.isLms() || answer.isLmsDisclosure()) {
        return answer;
      }
      String owner = leadOfToken.get(request.param("authToken").orElse(""));
      if (owner == null || owner.equals(request.param("accessToken").orElse(""))) {
        return answer;
      }
      return upstream.forward(
          request.withQuery(Upstreams.replaceParam(request.rawQuery(), "accessToken", owner)));
    }
  },

  UNKNOWN_ACCESS_TOKEN_IS_404(
      "an unknown accessToken gets a distinct 404, so accessTokens can be enumerated",
      "LMS-FAILURES-INDISTINGUISHABLE",
      "L20") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isLms()
          && answer.status() == 200
          && !answer.isLmsDisclosure()
          && request.param("accessToken").filter(Upstreams::leadUnknown).isPresent()) {
        return Answer.json(404, "{\"message\":\"lead not found\"}");
      }
      return answer;
    }
  },

  EXPIRED_ACCESS_TOKEN_ACCEPTED(
      "an expired accessToken is still accepted", "LMS-EXPIRED-ACCESSTOKEN-NO-DISCLOSURE", "L19") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isLms()
          && request.param("accessToken").filter(Upstreams.EXPIRED_LEAD::equals).isPresent()) {
        return Answer.json(200, Upstreams.fixtureLeadContact(Upstreams.EXPIRED_LEAD).toString());
      }
      return answer;
    }
  },

  MISSING_SOURCE_ACCEPTED(
      "a request without source is served as if source were given",
      "LMS-MISSING-SOURCE-400",
      "L4",
      "G10") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isLms() && request.param("source").isEmpty()) {
        return upstream.forward(request.withQuery(request.rawQuery() + "&source=web"));
      }
      return upstream.forward(request);
    }
  },

  NO_THROTTLING(
      "the ip is ignored: no brute-force protection",
      "CONTACTS-THROTTLE-BLOCKS",
      "C16",
      "C21",
      "C23") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isContacts()) {
        return upstream.forward(request.withQuery(Upstreams.removeParam(request.rawQuery(), "ip")));
      }
      return upstream.forward(request);
    }
  },

  THROTTLE_RETURNS_VALID_SECRET(
      "a blocked ip still gets the contact for a correct secret",
      "CONTACTS-THROTTLE-BLOCKS-VALID-SECRET",
      "C24") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isContacts() && answer.status() == 429) {
        Answer unthrottled =
            upstream.forward(request.withQuery(Upstreams.removeParam(request.rawQuery(), "ip")));
        return unthrottled.status() == 200 ? unthrottled : answer;
      }
      return answer;
    }
  },

  GLOBAL_THROTTLE(
      "failures from all ips share one budget: one attacker blocks everybody",
      "CONTACTS-THROTTLE-PER-IP",
      "C15",
      "C20") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isContacts() && request.param("ip").isPresent()) {
        return upstream.forward(
            request.withQuery(Upstreams.replaceParam(request.rawQuery(), "ip", "192.0.2.1")));
      }
      return upstream.forward(request);
    }
  },

  NO_RETRY_AFTER("429 without Retry-After", "CONTACTS-THROTTLE-RETRY-AFTER", "C25") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request).withHeader("Retry-After", null);
    }
  },

  SUCCESSES_COUNT_AS_FAILURES(
      "successful lookups count towards the block",
      "CONTACTS-THROTTLE-SUCCESSES-DO-NOT-BLOCK",
      "C17") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isContacts() && answer.status() == 200 && request.param("ip").isPresent()) {
        upstream.forward(
            request.withQuery(
                Upstreams.replaceParam(request.rawQuery(), "secret", "counted-as-failure")));
      }
      return answer;
    }
  },

  MISSING_REQUIRED_PROPERTY(
      "ReadContactDto without the required Version", "CONTACTS-FOUND-SCHEMA", "C6") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return Upstreams.editContact(request, upstream, c -> c.remove("Version"));
    }
  },

  WRONG_TYPE("ReadContactDto.Id as a string", "CONTACTS-FOUND-SCHEMA", "C9") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return Upstreams.editContact(request, upstream, c -> c.put("Id", c.path("Id").asString()));
    }
  },

  OVERLONG_STRING(
      "RegistrationSource longer than its documented 50 characters",
      "CONTACTS-FOUND-SCHEMA",
      "C10") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return Upstreams.editContact(
          request, upstream, c -> c.put("RegistrationSource", "x".repeat(51)));
    }
  },

  MALFORMED_DATE("LeadAccessToken.expiration not a date-time", "LMS-SUCCESS-SCHEMA", "G12", "L8") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isLms() && answer.isLmsDisclosure()) {
        ObjectNode body = Rewrite.object(answer.jsonBody().orElseThrow());
        ((ObjectNode) body.get("accessToken")).put("expiration", "31.12.2031 23:59");
        return answer.withBody(body);
      }
      return answer;
    }
  },

  CAMEL_CASE_CONTACT(
      "ReadContactDto in camelCase where PascalCase is documented",
      "CONTACTS-FOUND-SCHEMA",
      "C5",
      "G14") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isContacts() && answer.status() == 200) {
        return answer.withBody(Rewrite.keys(answer.jsonBody().orElseThrow(), Rewrite::lowerFirst));
      }
      return answer;
    }
  },

  PASCAL_CASE_LMS(
      "LmsContactInfo in PascalCase where camelCase is documented",
      "LMS-SUCCESS-SCHEMA",
      "L7",
      "G14") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isLms() && answer.status() == 200) {
        return answer.withBody(Rewrite.keys(answer.jsonBody().orElseThrow(), Rewrite::upperFirst));
      }
      return answer;
    }
  },

  SERVER_ERROR_ON_LONG_INPUT(
      "a 500 for query strings over 1000 characters", "ROBUSTNESS-CONTACTS-NO-5XX", "G19") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.rawQuery() != null && request.rawQuery().length() > 1000) {
        return Answer.json(
            500,
            "{\"error\":\"System.Data.SqlClient.SqlException: String or binary data would be truncated\"}");
      }
      return upstream.forward(request);
    }
  },

  SERVER_ERROR_ON_QUOTES("a 500 when an LMS value holds a quote", "ROBUSTNESS-LMS-NO-5XX", "G19") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isLms() && request.params().values().stream().anyMatch(v -> v.contains("'"))) {
        return Answer.json(
            500, "{\"error\":\"Unclosed quotation mark after the character string\"}");
      }
      return upstream.forward(request);
    }
  },

  SQL_INJECTION_LEAK(
      "a secret with SQL syntax matches a contact",
      "ROBUSTNESS-CONTACTS-NO-DISCLOSURE",
      "C14",
      "G18") {
    private final Pattern injection = Pattern.compile("(?i).*('|--|\\bor\\b).*");

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isContacts()
          && request.param("secret").filter(s -> injection.matcher(s).matches()).isPresent()) {
        return upstream.forward(request.withQuery("secret=" + Upstreams.FIRST_SECRET));
      }
      return upstream.forward(request);
    }
  },

  WRONG_CONTENT_TYPE("answers labelled text/plain", "PROTOCOL-JSON-BY-DEFAULT", "G2") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request).withHeader("Content-Type", "text/plain; charset=utf-8");
    }
  },

  IGNORES_TEXT_JSON("Accept: text/json is ignored", "PROTOCOL-TEXT-JSON-WHEN-ASKED", "G4") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      return answer.header("Content-Type").filter(ct -> ct.startsWith("text/json")).isPresent()
          ? answer.withHeader("Content-Type", "application/json; charset=utf-8")
          : answer;
    }
  },

  UNKNOWN_SECRET_IS_200(
      "an unknown secret answers 200 with an empty object", "CONTACTS-UNKNOWN-SECRET-404", "C7") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      return request.isContacts() && answer.status() == 404 ? Answer.json(200, "{}") : answer;
    }
  },

  MISSING_SECRET_IS_500(
      "a missing secret is a 500 (null reference)", "CONTACTS-MISSING-SECRET-400", "C2", "G10") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isContacts() && request.param("secret").isEmpty()) {
        return Answer.json(
            500,
            "{\"Message\":\"An error has occurred.\",\"ExceptionType\":\"System.NullReferenceException\"}");
      }
      return upstream.forward(request);
    }
  },

  DIFFERENT_RECORD(
      "the contact differs from the owner's record", "CONTACTS-FOUND-EQUALS-PROFILE", "C13") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return Upstreams.editContact(request, upstream, c -> c.put("LastName", "Mueller"));
    }
  },

  CACHEABLE_PERSONAL_DATA(
      "personal data sent as cacheable", "PROTOCOL-CACHE-CONTROL-NO-STORE", "G20") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request).withHeader("Cache-Control", "public, max-age=3600");
    }
  },

  OMITS_NULL_PROPERTIES(
      "null properties left out of a found contact (strict: every documented property is there)",
      "CONTACTS-FOUND-SCHEMA",
      "G16") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isContacts() && answer.status() == 200) {
        return answer.withBody(Rewrite.withoutNulls(answer.jsonBody().orElseThrow()));
      }
      return answer;
    }
  },

  OTHER_METHODS_NOT_FOUND(
      "POST, PUT, PATCH, DELETE on the routes answered 404 without Allow (not ASP.NET's 405)",
      "PROTOCOL-OTHER-METHODS-405",
      "G9") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if ((request.isContacts() || request.isLms()) && !request.method().equals("GET")) {
        return Answer.json(404, "{\"message\":\"not found\"}");
      }
      return upstream.forward(request);
    }
  },

  CASE_SENSITIVE_QUERY_NAMES(
      "query parameter names matched case-sensitively (?SECRET= is not ?secret=)",
      "PROTOCOL-QUERY-NAMES-CASE-INSENSITIVE",
      "G6") {
    private final Set<String> names = Set.of("secret", "ip", "accessToken", "authToken", "source");

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if ((request.isContacts() || request.isLms())
          && !names.containsAll(request.params().keySet())) {
        return Answer.json(400, "{\"message\":\"unknown parameter\"}");
      }
      return upstream.forward(request);
    }
  },

  BLOCK_NEVER_LIFTS("a blocked ip stays blocked for good", "CONTACTS-THROTTLE-BLOCK-LIFTS", "C26") {
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      String ip = request.isContacts() ? request.param("ip").orElse(null) : null;
      if (ip != null && blocked.contains(ip)) {
        return Answer.json(429, "{\"message\":\"too many requests\"}")
            .withHeader("Retry-After", "1");
      }
      Answer answer = upstream.forward(request);
      if (ip != null && answer.status() == 429) {
        blocked.add(ip);
      }
      return answer;
    }
  },

  FIXED_RETRY_AFTER(
      "Retry-After always says the whole block time, however much of it is left",
      "CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN",
      "C25") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      return answer.status() == 429 ? answer.withHeader("Retry-After", "300") : answer;
    }
  },

  BLOCK_ENDS_EARLY(
      "a block ends after 60 s although 300 s are promised",
      "CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN",
      "C26") {
    private final Map<String, Instant> blockedAt = new ConcurrentHashMap<>();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      String ip = request.isContacts() ? request.param("ip").orElse(null) : null;
      Instant now = SimulatedImplementation.sharedClock().instant();
      Instant since = ip == null ? null : blockedAt.get(ip);
      if (since != null && Duration.between(since, now).toSeconds() > 60) {
        return upstream.forward(request.withQuery(Upstreams.removeParam(request.rawQuery(), "ip")));
      }
      Answer answer = upstream.forward(request);
      if (ip != null && answer.status() == 429) {
        blockedAt.putIfAbsent(ip, now);
      }
      return answer;
    }
  },

  AUTH_TOKENS_NEVER_EXPIRE(
      "an unused authToken still works after its lifetime", "LMS-AUTHTOKEN-EXPIRES", "L17") {
    private final Map<String, String> leadOfToken = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.lowerPath().equals("/__admin/authtokens")) {
        answer
            .jsonBody()
            .ifPresent(
                j ->
                    leadOfToken.put(
                        j.path("authToken").asString(""), j.path("accessToken").asString("")));
        return answer;
      }
      String token = request.isLms() ? request.param("authToken").orElse("") : "";
      String owner = leadOfToken.get(token);
      if (owner == null || !owner.equals(request.param("accessToken").orElse(""))) {
        return answer;
      }
      if (answer.isLmsDisclosure()) {
        used.add(token);
        return answer;
      }
      if (answer.status() != 200 || !used.add(token)) {
        return answer;
      }
      return Upstreams.releaseWithFreshToken(upstream, request).orElse(answer);
    }
  },

  AUTH_TOKENS_EXPIRE_EARLY(
      "authTokens expire after 5 minutes although 15 are promised",
      "LMS-AUTHTOKEN-EXPIRES",
      "L17") {
    private final Map<String, Instant> issuedAt = new ConcurrentHashMap<>();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Instant now = SimulatedImplementation.sharedClock().instant();
      String token = request.isLms() ? request.param("authToken").orElse("") : "";
      Instant issued = issuedAt.get(token);
      if (issued != null && Duration.between(issued, now).toSeconds() > 300) {
        return Answer.json(200, Upstreams.NULL_VALUES);
      }
      Answer answer = upstream.forward(request);
      if (request.lowerPath().equals("/__admin/authtokens")) {
        answer.jsonBody().ifPresent(j -> issuedAt.put(j.path("authToken").asString(""), now));
      }
      return answer;
    }
  },

  CONTACTS_ROUTE_SINGULAR(
      "the Contacts operation is routed at api/v1/Contact: api/v1/Contacts answers 404",
      "CONTACTS-FOUND-SCHEMA",
      "G1",
      "C1") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.lowerPath().equals("/api/v1/contacts")) {
        return Answer.json(404, "{\"Message\":\"No HTTP resource was found.\"}");
      }
      return upstream.forward(request);
    }
  },

  TEXT_JSON_BY_DEFAULT(
      "text/json when no Accept header is sent (ASP.NET's default is application/json)",
      "PROTOCOL-JSON-BY-DEFAULT",
      "G3") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      return request.header("Accept").isEmpty() && answer.mediaType().equals("application/json")
          ? answer.withHeader("Content-Type", "text/json; charset=utf-8")
          : answer;
    }
  },

  LATIN1_BODIES(
      "found contacts encoded in ISO-8859-1 while labelled UTF-8: Zoë arrives broken",
      "CONTACTS-FOUND-EQUALS-PROFILE",
      "G5") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isContacts() && answer.status() == 200) {
        return new Answer(
            200,
            answer.headers(),
            answer.text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      return answer;
    }
  },

  EMPTY_SECRET_LOOKED_UP(
      "an empty secret is looked up like any other and answered 404",
      "CONTACTS-EMPTY-SECRET-400",
      "G11") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isContacts() && request.param("secret").filter(String::isBlank).isPresent()) {
        return Answer.json(404, "{\"Message\":\"Not found\"}");
      }
      return upstream.forward(request);
    }
  },

  INTERNAL_PROPERTY_LEAKED(
      "a found contact carries an undocumented PasswordHash (a warning, not an error)",
      "CONTACTS-FOUND-NO-EXTRA-PROPERTIES",
      "G15") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return Upstreams.editContact(request, upstream, c -> c.put("PasswordHash", "x9f2"));
    }
  },

  LMS_SUCCESS_WRAPPED(
      "the released contact wrapped in {\"d\": …} (an old ASP.NET AJAX habit)",
      "LMS-SUCCESS-SCHEMA",
      "L1",
      "L6") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isLms() && answer.isLmsDisclosure()) {
        return answer.withBody("{\"d\":" + answer.text() + "}");
      }
      return answer;
    }
  },

  MISSING_ACCESS_TOKEN_GETS_NULL_VALUES(
      "a request without accessToken gets the 200 null-values answer instead of 400",
      "LMS-MISSING-ACCESSTOKEN-400",
      "L2",
      "G10") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isLms() && request.param("accessToken").isEmpty()) {
        return Answer.json(200, Upstreams.NULL_VALUES);
      }
      return upstream.forward(request);
    }
  },

  MISSING_AUTH_TOKEN_IS_404(
      "a request without authToken is answered 404", "LMS-MISSING-AUTHTOKEN-400", "L3", "G10") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isLms() && request.param("authToken").isEmpty()) {
        return Answer.json(404, "{\"Message\":\"Not found\"}");
      }
      return upstream.forward(request);
    }
  },

  LMS_DIFFERENT_RECORD(
      "the released contact is not the lead's record: its city is another",
      "LMS-SUCCESS-EQUALS-PROFILE",
      "L10") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isLms() && answer.isLmsDisclosure()) {
        ObjectNode body = Rewrite.object(answer.jsonBody().orElseThrow());
        body.put("city", "Springfield");
        return answer.withBody(body);
      }
      return answer;
    }
  },

  NULL_VALUES_AS_EMPTY_STRINGS(
      "the null-values answer has \"\" instead of null", "LMS-AUTHTOKEN-ONE-TIME", "L12") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isLms() && answer.status() == 200 && !answer.isLmsDisclosure()) {
        return answer.withBody(answer.text().replace("null", "\"\""));
      }
      return answer;
    }
  },

  LEAK_ON_UNKNOWN_ACCESS_TOKEN(
      "the lead is found by its authToken alone: any accessToken with a fresh authToken releases"
          + " the token's lead",
      "LMS-UNKNOWN-ACCESSTOKEN-NO-DISCLOSURE",
      "L18") {
    private final Map<String, String> leadOfToken = new ConcurrentHashMap<>();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.lowerPath().equals("/__admin/authtokens")) {
        answer
            .jsonBody()
            .ifPresent(
                j ->
                    leadOfToken.put(
                        j.path("authToken").asString(""), j.path("accessToken").asString("")));
        return answer;
      }
      if (!request.isLms()
          || answer.isLmsDisclosure()
          || !request.param("accessToken").filter(Upstreams::leadUnknown).isPresent()) {
        return answer;
      }
      String owner = leadOfToken.get(request.param("authToken").orElse(""));
      return owner == null
          ? answer
          : upstream.forward(
              request.withQuery(Upstreams.replaceParam(request.rawQuery(), "accessToken", owner)));
    }
  },

  FOUND_CONTACT_IN_ARRAY(
      "a found contact answered as a one-element array", "CONTACTS-FOUND-SCHEMA", "C4") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      return request.isContacts() && answer.status() == 200
          ? answer.withBody("[" + answer.text() + "]")
          : answer;
    }
  },

  IP_REQUIRED(
      "a lookup without ip is refused with 400 although ip is optional",
      "CONTACTS-FOUND-SCHEMA",
      "C3") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isContacts() && request.param("ip").isEmpty()) {
        return Answer.json(400, "{\"Message\":\"ip is required\"}");
      }
      return upstream.forward(request);
    }
  },

  NOT_FOUND_NAMES_A_CONTACT(
      "the 404 for an unknown secret suggests a contact's e-mail address",
      "CONTACTS-UNKNOWN-SECRET-404",
      "C8") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isContacts() && answer.status() == 404) {
        Answer someone =
            upstream.forward(
                request.withQuery(Upstreams.replaceParam("", "secret", Upstreams.FIRST_SECRET)));
        String email = someone.jsonBody().map(j -> j.path("Email").asString("")).orElse("");
        return Answer.json(404, "{\"Message\":\"Not found. Did you mean " + email + "?\"}");
      }
      return answer;
    }
  },

  VERSION_AS_HEX(
      "Version written as hex (0x4045) instead of base64", "CONTACTS-FOUND-SCHEMA", "C11") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return Upstreams.editContact(request, upstream, c -> c.put("Version", "0x4045"));
    }
  },

  EACH_RETRY_EXTENDS_BLOCK(
      "every lookup during a block starts the block again",
      "CONTACTS-THROTTLE-RETRY-AFTER-COUNTS-DOWN",
      "C19") {
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      String ip = request.isContacts() ? request.param("ip").orElse(null) : null;
      Instant now = SimulatedImplementation.sharedClock().instant();
      Instant until = ip == null ? null : blockedUntil.get(ip);
      if (until != null && now.isBefore(until)) {
        blockedUntil.put(ip, now.plusSeconds(300));
        return Answer.json(429, "{\"message\":\"too many requests\"}")
            .withHeader("Retry-After", "300");
      }
      Answer answer = upstream.forward(request);
      if (ip != null && answer.status() == 429) {
        blockedUntil.put(ip, now.plusSeconds(300));
      }
      return answer;
    }
  },

  MALFORMED_IP_IGNORED(
      "a malformed ip is ignored: the lookup is answered as if no ip were given",
      "CONTACTS-MALFORMED-IP-400",
      "C29") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (request.isContacts()
          && request.param("ip").filter(ip -> !ip.matches("[0-9a-fA-F.:]+")).isPresent()) {
        return upstream.forward(request.withQuery(Upstreams.removeParam(request.rawQuery(), "ip")));
      }
      return upstream.forward(request);
    }
  },

  REFUSALS_COUNT(
      "a request refused with 400 (no secret, an empty secret) counts as a failed lookup of its ip",
      "CONTACTS-THROTTLE-REFUSALS-DO-NOT-COUNT",
      "C18") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.isContacts() && answer.status() == 400 && request.param("ip").isPresent()) {
        upstream.forward(
            request.withQuery(
                Upstreams.replaceParam(request.rawQuery(), "secret", "counted-as-failure")));
      }
      return answer;
    }
  },

  NO_IP_THROTTLED_TOGETHER(
      "lookups without ip share one budget: after 10 failures every lookup without ip gets 429",
      "CONTACTS-THROTTLE-NOT-WITHOUT-IP",
      "C27") {
    private final java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if (!request.isContacts() || request.param("ip").isPresent()) {
        return upstream.forward(request);
      }
      if (failures.get() >= 10) {
        return Answer.json(429, "{\"message\":\"too many requests\"}")
            .withHeader("Retry-After", "300");
      }
      Answer answer = upstream.forward(request);
      if (answer.status() == 404) {
        failures.incrementAndGet();
      }
      return answer;
    }
  },

  IPV4_MAPPED_IS_ANOTHER_IP(
      "an IPv4-mapped spelling (::ffff:192.0.2.7) is counted as another address",
      "CONTACTS-THROTTLE-ONE-BUDGET-PER-ADDRESS",
      "C28") {
    private final Pattern mapped = Pattern.compile("(?i)::ffff:(\\d+\\.\\d+\\.\\d+\\.)(\\d+)");

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      java.util.regex.Matcher m =
          mapped.matcher(request.isContacts() ? request.param("ip").orElse("") : "");
      if (m.matches()) {
        String other = m.group(1) + (Integer.parseInt(m.group(2)) ^ 1);
        return upstream.forward(
            request.withQuery(Upstreams.replaceParam(request.rawQuery(), "ip", other)));
      }
      return upstream.forward(request);
    }
  },

  CASE_SENSITIVE_PATHS(
      "route paths matched case-sensitively: /API/V1/CONTACTS answers 404",
      "PROTOCOL-ROUTES-CASE-INSENSITIVE",
      "G7") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if ((request.isContacts() && !request.path().equals("/api/v1/Contacts"))
          || (request.isLms() && !request.path().equals("/lms/leads/bytoken/contact"))) {
        return Answer.json(404, "{\"Message\":\"No HTTP resource was found.\"}");
      }
      return upstream.forward(request);
    }
  },

  UNKNOWN_PARAMETERS_REFUSED(
      "a request with a parameter the operation does not know (a cache-buster) is refused with 400",
      "PROTOCOL-UNKNOWN-PARAMETERS-IGNORED",
      "G8") {
    private final Set<String> known = Set.of("secret", "ip", "accesstoken", "authtoken", "source");

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      if ((request.isContacts() || request.isLms())
          && !request.params().keySet().stream()
              .allMatch(n -> known.contains(n.toLowerCase(java.util.Locale.ROOT)))) {
        return Answer.json(400, "{\"Message\":\"unknown parameter\"}");
      }
      return upstream.forward(request);
    }
  },

  FAILURES_NEVER_EXPIRE(
      "failed lookups count for good: the 10th failure of an ip blocks it, however long ago the"
          + " others were",
      "CONTACTS-THROTTLE-WINDOW-ENDS",
      "C22") {
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      String ip = request.isContacts() ? request.param("ip").orElse(null) : null;
      if (ip != null && failures.getOrDefault(ip, 0) >= 10) {
        return Answer.json(429, "{\"message\":\"too many requests\"}")
            .withHeader("Retry-After", "300");
      }
      Answer answer = upstream.forward(request);
      if (ip != null && answer.status() == 404) {
        failures.merge(ip, 1, Integer::sum);
      }
      return answer;
    }
  },

  SUCCESS_RESETS_FAILURES(
      "a found secret wipes its ip's failures: failures, one success and as many failures again"
          + " never block (only a sequence shows it)",
      "EXPLORE-CONTACTS-THROTTLE",
      "C17",
      "C21") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      String ip = request.isContacts() ? request.param("ip").orElse(null) : null;
      if (ip != null && answer.status() == 200) {
        upstream.forward(
            new Incoming(
                "DELETE",
                "/__admin/throttle/"
                    + java.net.URLEncoder.encode(ip, java.nio.charset.StandardCharsets.UTF_8),
                null,
                Map.of(),
                new byte[0]));
      }
      return answer;
    }
  },

  USED_AUTH_TOKEN_REVIVED(
      "an authToken that was used works once more after its lead is sent a new one (only a"
          + " sequence shows it)",
      "EXPLORE-LMS-AUTHTOKENS",
      "L11") {
    /** The used authTokens of each lead (accessToken). */
    private final Map<String, Set<String>> usedOf = new ConcurrentHashMap<>();

    /** accessToken|authToken of the used authTokens that work once more. */
    private final Set<String> revived = ConcurrentHashMap.newKeySet();

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (request.lowerPath().equals("/__admin/authtokens")) {
        answer
            .jsonBody()
            .ifPresent(
                j -> {
                  String lead = j.path("accessToken").asString("");
                  Set<String> used = usedOf.remove(lead);
                  if (used != null) {
                    used.forEach(token -> revived.add(lead + "|" + token));
                  }
                  // a code issued again is a new authToken, not a revived one
                  revived.remove(lead + "|" + j.path("authToken").asString(""));
                });
        return answer;
      }
      if (!request.isLms()) {
        return answer;
      }
      String lead = request.param("accessToken").orElse("");
      String token = request.param("authToken").orElse("");
      if (answer.isLmsDisclosure()) {
        used(lead, token);
        return answer;
      }
      if (!revived.remove(lead + "|" + token)) {
        return answer;
      }
      Answer again = Upstreams.releaseWithFreshToken(upstream, request).orElse(answer);
      if (again.isLmsDisclosure()) {
        used(lead, token);
      }
      return again;
    }

    private void used(String lead, String token) {
      usedOf.computeIfAbsent(lead, k -> ConcurrentHashMap.newKeySet()).add(token);
    }
  };

  private final String description;
  private final String expectedCheckId;
  private final java.util.List<String> breaks;

  /**
   * @param breaks the ids of the docs/CONTRACT.md statements the defect breaks; the expected check
   *     covers each of them (TraceabilityTest)
   */
  KnownDefect(String description, String expectedCheckId, String... breaks) {
    this.description = description;
    this.expectedCheckId = expectedCheckId;
    this.breaks = java.util.List.of(breaks);
  }

  public abstract Answer handle(Incoming request, Upstream upstream);

  public Defect defect() {
    return this::handle;
  }

  public String description() {
    return description;
  }

  public String expectedCheckId() {
    return expectedCheckId;
  }

  /** The contract statements it breaks, by id ({@code "C21"}). */
  public java.util.List<String> breaks() {
    return breaks;
  }
}
