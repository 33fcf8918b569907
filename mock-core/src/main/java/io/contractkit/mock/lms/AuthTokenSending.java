package io.contractkit.mock.lms;

import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.QueryParameters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mock extension {@code POST ~/lms/leads/bytoken/authtoken?accessToken=&channel=email|sms&source=},
 * without an HTTP server: issues a fresh authToken for the lead and "delivers" it to the outbox.
 * The answer (202) names the masked recipient, never the token.
 */
public final class AuthTokenSending {
  private final AuthTokenIssuer issuer;
  private final AuthTokenDelivery delivery;
  private final JsonMapper json;

  /** Issuing through the issuer's store, then delivering to {@code outbox}. */
  public AuthTokenSending(AuthTokenIssuer issuer, Outbox outbox, JsonMapper json) {
    this(issuer, issuer.deliveringTo(outbox), json);
  }

  /** Issuing and delivering through {@code delivery} (one step on a shared store). */
  public AuthTokenSending(AuthTokenIssuer issuer, AuthTokenDelivery delivery, JsonMapper json) {
    this.issuer = issuer;
    this.delivery = delivery;
    this.json = json;
  }

  /**
   * The body of the 202 answer.
   *
   * @throws ApiProblem a missing or invalid parameter (400), no active lead (404), no recipient on
   *     that channel (422)
   */
  public byte[] send(String queryString) {
    QueryParameters query = QueryParameters.parse(queryString);
    String accessToken = query.required("accessToken");
    String channelName = query.required("channel");
    String source = query.required("source");
    Channel channel =
        Channel.fromWireName(channelName)
            .orElseThrow(() -> ApiProblem.invalidParameter("channel", "must be email or sms"));

    Lead lead = issuer.activeLead(accessToken);
    String recipient = channel == Channel.EMAIL ? lead.email() : lead.phone();
    if (recipient == null) {
      throw ApiProblem.unprocessable(
          "This lead has no "
              + (channel == Channel.EMAIL ? "email address" : "phone number")
              + ".");
    }
    OutboxMessage message =
        issuer.issue(
            lead,
            Optional.empty(),
            Optional.empty(),
            (leadToken, code, issuedAt, expiresAt) ->
                delivery.issueAndDeliver(
                    leadToken,
                    code,
                    expiresAt,
                    new OutboxMessage(
                        null,
                        channel,
                        recipient,
                        leadToken,
                        code,
                        source,
                        channel == Channel.EMAIL ? "Your access code" : null,
                        text(lead, code, expiresAt),
                        issuedAt,
                        expiresAt)));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messageId", message.id());
    body.put("channel", channel.wireName());
    body.put("recipient", mask(channel, recipient));
    body.put("expiresAt", message.expiresAt().toString());
    return json.writeValueAsBytes(body);
  }

  private static String text(Lead lead, String code, Instant expiresAt) {
    String greeting = lead.name() == null ? "Hello," : "Hello " + lead.name() + ",";
    return greeting
        + " your one-time access code is "
        + code
        + ". It is valid until "
        + expiresAt
        + " and can be used once.";
  }

  static String mask(Channel channel, String recipient) {
    if (channel == Channel.EMAIL) {
      int at = recipient.indexOf('@');
      return at <= 0 ? "***" : recipient.charAt(0) + "***" + recipient.substring(at);
    }
    String digits = recipient.replaceAll("[^0-9]", "");
    return "***" + (digits.length() > 3 ? digits.substring(digits.length() - 3) : "");
  }
}
