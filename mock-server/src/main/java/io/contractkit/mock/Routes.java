package io.contractkit.mock;

import io.contractkit.mock.admin.AdminHandlers;
import io.contractkit.mock.contacts.ContactsHandler;
import io.contractkit.mock.faults.FaultAdminHandlers;
import io.contractkit.mock.faults.FaultInjector;
import io.contractkit.mock.faults.FaultRoute;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.lms.LeadContactHandler;
import io.contractkit.mock.lms.SendAuthTokenHandler;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The index of the mock: every endpoint, documented and mock extension, in one table. Paths match
 * case-insensitively; every other method on a listed path gets 405 with {@code Allow}.
 */
final class Routes {
  static final String CONTACTS = "/api/v1/Contacts";
  static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  static final String SEND_AUTH_TOKEN = "/lms/leads/bytoken/authtoken";
  static final String ADMIN = "/__admin";

  private static final List<HandlerType> METHODS =
      List.of(
          HandlerType.GET,
          HandlerType.HEAD,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE);

  private record Route(HandlerType method, String path, Handler handler) {}

  private final List<Route> table = new ArrayList<>();
  private final MockState state;
  private final FaultInjector faults;

  Routes(
      MockState state,
      ContactsHandler contacts,
      LeadContactHandler leadContact,
      SendAuthTokenHandler sendAuthToken,
      AdminHandlers admin,
      FaultInjector faults,
      FaultAdminHandlers faultAdmin) {
    this.state = state;
    this.faults = faults;
    // The two documented operations
    addApi(HandlerType.GET, CONTACTS, FaultRoute.CONTACTS, contacts::lookup);
    addApi(HandlerType.GET, LEAD_CONTACT, FaultRoute.LEAD_CONTACT, leadContact::release);
    // Mock extension: send a one-time authToken by email or SMS (into the outbox)
    addApi(HandlerType.POST, SEND_AUTH_TOKEN, FaultRoute.SEND_AUTH_TOKEN, sendAuthToken::send);
    // Admin API
    add(HandlerType.GET, ADMIN + "/health", admin::health);
    // The reset takes the state exclusively: it is the one route that is not guarded.
    table.add(
        new Route(HandlerType.POST, (ADMIN + "/reset").toLowerCase(Locale.ROOT), admin::reset));
    add(HandlerType.GET, ADMIN + "/outbox", admin::outbox);
    add(HandlerType.DELETE, ADMIN + "/outbox", admin::clearOutbox);
    add(HandlerType.GET, ADMIN + "/journal", admin::journal);
    add(HandlerType.DELETE, ADMIN + "/journal", admin::clearJournal);
    add(HandlerType.POST, ADMIN + "/authtokens", admin::mintAuthToken);
    // Fault rules and latency in front of the three routes above
    add(HandlerType.GET, ADMIN + "/faults", faultAdmin::list);
    add(HandlerType.POST, ADMIN + "/faults", faultAdmin::add);
    add(HandlerType.DELETE, ADMIN + "/faults", faultAdmin::clear);
    add(HandlerType.DELETE, ADMIN + "/faults/{id}", faultAdmin::remove);
  }

  /**
   * A route of the APIs: behind the fault rules and the latency, which run before the reset guard
   * (a delayed request holds no lock while it waits), then run wholly before or after any reset.
   */
  private void addApi(HandlerType method, String path, FaultRoute route, Handler handler) {
    table.add(
        new Route(
            method, path.toLowerCase(Locale.ROOT), faults.around(route, state.guarded(handler))));
  }

  /** A route whose handler runs wholly before or wholly after any reset. */
  private void add(HandlerType method, String path, Handler handler) {
    table.add(new Route(method, path.toLowerCase(Locale.ROOT), state.guarded(handler)));
  }

  void registerOn(RoutesConfig routes) {
    Map<String, List<Route>> byPath =
        table.stream()
            .collect(Collectors.groupingBy(Route::path, LinkedHashMap::new, Collectors.toList()));
    byPath.forEach(
        (path, routesOfPath) -> {
          routesOfPath.forEach(r -> routes.addHttpHandler(r.method(), r.path(), r.handler()));
          List<HandlerType> allowed = routesOfPath.stream().map(Route::method).toList();
          String allow = allowed.stream().map(HandlerType::name).collect(Collectors.joining(", "));
          // OPTIONS: the CORS preflight headers are added by the CORS plugin; the answer is empty.
          routes.addHttpHandler(
              HandlerType.OPTIONS,
              path,
              ctx -> ctx.header("Allow", allow + ", OPTIONS").status(204));
          for (HandlerType method : METHODS) {
            if (!allowed.contains(method)) {
              routes.addHttpHandler(
                  method,
                  path,
                  ctx -> {
                    ctx.header("Allow", allow);
                    throw ApiProblem.methodNotAllowed(method.name(), allow);
                  });
            }
          }
        });
  }
}
