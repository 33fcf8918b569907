package com.example.leads;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What the frontend's backend-for-frontend calls: the Contacts API (a contact by its secret) and
 * the LMS API (a lead's contact, released once per one-time code sent to the lead).
 */
public final class LeadContactClient {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A client of the APIs at {@code baseUrl}, e.g. {@code https://api.example.com}. */
  public LeadContactClient(String baseUrl) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  /**
   * The contact with this secret, or empty when there is none.
   *
   * @param callerIp the visitor's ip, which the API's brute-force protection counts failures by
   * @throws TooManyAttemptsException when that ip made too many failed lookups
   */
  public Optional<Contact> contactBySecret(String secret, String callerIp) {
    HttpResponse<String> answer =
        get("api/v1/Contacts?secret=" + encode(secret) + "&ip=" + encode(callerIp));
    return switch (answer.statusCode()) {
      case 200 -> Optional.of(read(answer, Contact.class));
      case 404 -> Optional.empty();
      case 429 ->
          throw new TooManyAttemptsException(
              Duration.ofSeconds(
                  Long.parseLong(answer.headers().firstValue("Retry-After").orElse("60"))));
      default -> throw unexpected(answer);
    };
  }

  /**
   * The lead's contact for the one-time code the lead received; empty when the code was used
   * already, is wrong or expired, or the link is no longer valid (the API does not say which).
   */
  public Optional<LeadContact> leadContact(String accessToken, String code) {
    HttpResponse<String> answer =
        get(
            "lms/leads/bytoken/contact?accessToken="
                + encode(accessToken)
                + "&authToken="
                + encode(code)
                + "&source=web");
    if (answer.statusCode() != 200) {
      throw unexpected(answer);
    }
    LeadContact contact = read(answer, LeadContact.class);
    return contact.name() == null ? Optional.empty() : Optional.of(contact);
  }

  /**
   * Asks for a fresh one-time code to be sent to the lead by SMS; answers where it went, masked
   * ({@code ***123}), to show on the page.
   */
  public String sendCodeBySms(String accessToken) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(
                    base.resolve(
                        "lms/leads/bytoken/authtoken?accessToken="
                            + encode(accessToken)
                            + "&channel=sms&source=web"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (answer.statusCode() != 202) {
      throw unexpected(answer);
    }
    return tree(answer).path("recipient").asText();
  }

  private HttpResponse<String> get(String target) {
    return send(HttpRequest.newBuilder(base.resolve(target)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static <T> T read(HttpResponse<String> answer, Class<T> type) {
    try {
      return JSON.readValue(answer.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(HttpResponse<String> answer) {
    return read(answer, JsonNode.class);
  }

  /** A 4xx or 5xx the client does not expect: its problem detail, when there is one. */
  private static IllegalStateException unexpected(HttpResponse<String> answer) {
    String detail = answer.body().startsWith("{") ? tree(answer).path("detail").asText() : "";
    return new IllegalStateException(answer.statusCode() + " " + detail);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
