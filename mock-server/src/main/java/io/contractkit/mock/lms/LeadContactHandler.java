package io.contractkit.mock.lms;

import io.contractkit.mock.http.JsonResponses;
import io.contractkit.mock.http.LaterAnswers;
import io.javalin.http.Context;

/**
 * {@code GET ~/lms/leads/bytoken/contact?accessToken=&authToken=&source=} on Javalin: {@link
 * LeadRelease} answers.
 */
public final class LeadContactHandler {
  private final LeadRelease release;

  public LeadContactHandler(LeadRelease release) {
    this.release = release;
  }

  public void release(Context ctx) {
    LaterAnswers.when(
        ctx, release.releaseAsync(ctx.queryString()), body -> JsonResponses.send(ctx, 200, body));
  }
}
