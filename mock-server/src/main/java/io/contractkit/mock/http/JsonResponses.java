package io.contractkit.mock.http;

import io.javalin.http.Context;

/** Writes a pre-serialized JSON body with the negotiated content type. */
public final class JsonResponses {
  private JsonResponses() {}

  public static void send(Context ctx, int status, byte[] body) {
    ctx.status(status)
        .contentType(ContentNegotiation.jsonContentType(ctx.header("Accept")))
        .result(body);
  }
}
