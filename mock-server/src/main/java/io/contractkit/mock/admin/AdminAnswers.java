package io.contractkit.mock.admin;

import io.javalin.http.Context;

/** The admin API's JSON answers: always {@code application/json; charset=utf-8}. */
final class AdminAnswers {
  private AdminAnswers() {}

  static void send(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(body);
  }
}
