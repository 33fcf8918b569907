package io.contractkit.mock.contacts;

import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.JsonResponses;
import io.contractkit.mock.http.LaterAnswers;
import io.contractkit.mock.http.ProblemRenderer;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code GET api/v1/Contacts?secret=&ip=} on Javalin: {@link ContactLookup} answers. */
public final class ContactsHandler {
  /** The answer to an unknown secret: always the same, so serialised once. */
  public static final ApiProblem NOT_FOUND = ContactLookup.NOT_FOUND;

  private final ContactLookup lookup;
  private final ProblemRenderer.Prerendered notFound;

  /** {@code notFound}: {@link #NOT_FOUND} prerendered for this route's path. */
  public ContactsHandler(ContactLookup lookup, ProblemRenderer.Prerendered notFound) {
    this.lookup = lookup;
    this.notFound = notFound;
  }

  public void lookup(Context ctx) {
    LaterAnswers.when(ctx, lookup.lookupAsync(ctx.queryString()), contact -> answer(ctx, contact));
  }

  private void answer(Context ctx, Optional<byte[]> contact) {
    if (contact.isPresent()) {
      JsonResponses.send(ctx, 200, contact.get());
    } else {
      notFound.send(ctx);
    }
  }
}
