package io.contractkit.mock.lms;

import io.javalin.http.Context;

/**
 * Mock extension {@code POST ~/lms/leads/bytoken/authtoken?accessToken=&channel=email|sms&source=}
 * on Javalin: {@link AuthTokenSending} answers.
 */
public final class SendAuthTokenHandler {
  private final AuthTokenSending sending;

  public SendAuthTokenHandler(AuthTokenSending sending) {
    this.sending = sending;
  }

  public void send(Context ctx) {
    ctx.status(202)
        .contentType("application/json; charset=utf-8")
        .result(sending.send(ctx.queryString()));
  }
}
