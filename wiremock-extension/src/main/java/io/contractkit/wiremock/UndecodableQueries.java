package io.contractkit.wiremock;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.HttpResponder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * WireMock's stub handler with one request taken out before it: one whose query WireMock cannot
 * decode ({@code ?secret=%zz}, a trailing {@code %}). WireMock decodes the query of every request
 * it journals before any request filter runs, and answers such a query with Jetty's HTML 500; here
 * the kit answers it instead, as it answers every request on its routes (a 400 problem from the
 * mock's own query parser). Any other request, and one of these that the kit does not answer (not
 * one of its routes), goes on to WireMock as before.
 *
 * <p>Not a Jetty class: WireMock's servlet (Jetty 11, Jetty 12 or wiremock-standalone's relocated
 * Jetty) calls only {@link #handle} of the stub handler it was given, so the same class works in
 * all of them. The request is not journaled (WireMock cannot make a journal entry of it).
 */
final class UndecodableQueries extends StubRequestHandler {
  private final StubRequestHandler stubs;
  private final Function<Request, Optional<ResponseDefinition>> kit;

  UndecodableQueries(
      StubRequestHandler stubs, Function<Request, Optional<ResponseDefinition>> kit) {
    // Nothing of the superclass is used: every request goes to handle(), which answers it or
    // hands it to WireMock's own stub handler.
    super(null, null, null, Map.of(), Map.of(), null, List.of(), List.of(), true, null, null);
    this.stubs = stubs;
    this.kit = kit;
  }

  @Override
  public void handle(Request request, HttpResponder responder, ServeEvent originalServeEvent) {
    Optional<ResponseDefinition> answer =
        decodable(request.getUrl()) ? Optional.empty() : kit.apply(request);
    if (answer.isEmpty()) {
      stubs.handle(request, responder, originalServeEvent);
      return;
    }
    ResponseDefinition definition = answer.get();
    // The responder makes a journal entry of the request too: without its query, which it cannot
    // decode either.
    Request withoutQuery =
        RequestWrapper.create()
            .transformAbsoluteUrl(url -> url.substring(0, url.indexOf('?')))
            .wrap(request);
    responder.respond(
        withoutQuery,
        Response.response()
            .status(definition.getStatus())
            .headers(definition.getHeaders())
            .body(definition.getByteBody())
            .build(),
        Map.of());
  }

  /** Whether WireMock decodes this URL's query (as its journal does) without an exception. */
  private static boolean decodable(String url) {
    try {
      Urls.splitQueryFromUrl(url);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
