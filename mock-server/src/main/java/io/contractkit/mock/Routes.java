package io.contractkit.mock;

import io.contractkit.mock.admin.AdminHandlers;
import io.contractkit.mock.admin.ClockAdmin;
import io.contractkit.mock.admin.ContactsAdmin;
import io.contractkit.mock.admin.FixturesAdmin;
import io.contractkit.mock.admin.LeadsAdmin;
import io.contractkit.mock.admin.ThrottleAdmin;
import io.contractkit.mock.contacts.ContactsHandler;
import io.contractkit.mock.dashboard.ChangeFeed;
import io.contractkit.mock.dashboard.DashboardPages;
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
      ClockAdmin clock,
      ContactsAdmin contactsAdmin,
      LeadsAdmin leadsAdmin,
      FixturesAdmin fixtures,
      FaultInjector faults,
      FaultAdminHandlers faultAdmin,
      ThrottleAdmin throttle,
      DashboardPages pages,
      ChangeFeed changes) {
    this.state = state;
    this.faults = faults;
    // The two documented operations
    addApi(HandlerType.GET, CONTACTS, FaultRoute.CONTACTS, contacts::lookup);
    addApi(HandlerType.GET, LEAD_CONTACT, FaultRoute.LEAD_CONTACT, leadContact::release);
    // Mock extension: send a one-time authToken by email or SMS (into the outbox)
    addApi(HandlerType.POST, SEND_AUTH_TOKEN, FaultRoute.SEND_AUTH_TOKEN, sendAuthToken::send);
    // Admin API
    add(HandlerType.GET, ADMIN + "/health", admin::health);
    unguarded(HandlerType.POST, ADMIN + "/reset", admin::reset);
    add(HandlerType.GET, ADMIN + "/outbox", admin::outbox);
    add(HandlerType.DELETE, ADMIN + "/outbox", admin::clearOutbox);
    add(HandlerType.GET, ADMIN + "/journal", admin::journal);
    add(HandlerType.DELETE, ADMIN + "/journal", admin::clearJournal);
    add(HandlerType.POST, ADMIN + "/authtokens", admin::mintAuthToken);
    // Admin API: the clock
    add(HandlerType.GET, ADMIN + "/clock", clock::read);
    unguarded(HandlerType.POST, ADMIN + "/clock", clock::change);
    // Admin API: test data at run time
    add(HandlerType.GET, ADMIN + "/contacts", contactsAdmin::list);
    add(HandlerType.GET, ADMIN + "/contacts/{" + ContactsAdmin.SECRET + "}", contactsAdmin::get);
    unguarded(
        HandlerType.PUT, ADMIN + "/contacts/{" + ContactsAdmin.SECRET + "}", contactsAdmin::put);
    unguarded(
        HandlerType.DELETE,
        ADMIN + "/contacts/{" + ContactsAdmin.SECRET + "}",
        contactsAdmin::delete);
    add(HandlerType.GET, ADMIN + "/leads", leadsAdmin::list);
    add(HandlerType.GET, ADMIN + "/leads/{" + LeadsAdmin.ACCESS_TOKEN + "}", leadsAdmin::get);
    unguarded(HandlerType.PUT, ADMIN + "/leads/{" + LeadsAdmin.ACCESS_TOKEN + "}", leadsAdmin::put);
    unguarded(
        HandlerType.DELETE, ADMIN + "/leads/{" + LeadsAdmin.ACCESS_TOKEN + "}", leadsAdmin::delete);
    // Admin API: the fixture files
    unguarded(HandlerType.POST, ADMIN + "/fixtures/reload", fixtures::reload);
    // Fault rules and latency in front of the three routes above
    add(HandlerType.GET, ADMIN + "/faults", faultAdmin::list);
    add(HandlerType.POST, ADMIN + "/faults", faultAdmin::add);
    add(HandlerType.DELETE, ADMIN + "/faults", faultAdmin::clear);
    add(HandlerType.DELETE, ADMIN + "/faults/{id}", faultAdmin::remove);
    // The Contacts API's throttle: who is counted or blocked, and unblocking
    add(HandlerType.GET, ADMIN + "/throttle", throttle::list);
    add(HandlerType.DELETE, ADMIN + "/throttle", throttle::clear);
    add(HandlerType.DELETE, ADMIN + "/throttle/{" + ThrottleAdmin.IP + "}", throttle::forget);
    // The dashboard: its pages (no state; no admin token needed) and its stream of changes, which
    // stays open for hours and so must never hold the reset guard.
    unguarded(HandlerType.GET, ADMIN, pages::redirect);
    unguarded(HandlerType.GET, DashboardPages.UI, pages::page);
    unguarded(HandlerType.GET, DashboardPages.UI + "/{" + DashboardPages.FILE + "}", pages::uiFile);
    unguarded(HandlerType.GET, DashboardPages.DOCS, pages::docs);
    unguarded(
        HandlerType.GET, DashboardPages.DOCS + "/{" + DashboardPages.FILE + "}", pages::docsFile);
    unguarded(HandlerType.GET, DashboardPages.OPENAPI, pages::openApi);
    for (String schema : pages.schemaFiles()) {
      unguarded(HandlerType.GET, ADMIN + "/" + schema, ctx -> pages.schema(ctx, schema));
    }
    unguarded(HandlerType.GET, ADMIN + "/events", changes::stream);
  }

  /**
   * A route of the APIs: behind the fault rules and the latency, which run before the reset guard
   * (a delayed request holds no lock while it waits), then run wholly before or after any reset.
   */
  private void addApi(HandlerType method, String path, FaultRoute route, Handler handler) {
    table.add(new Route(method, lowerCase(path), faults.around(route, state.guarded(handler))));
  }

  /**
   * A route outside the reset guard: it reads no state, must not wait for a reset, or changes the
   * state through {@link MockState}, which takes it exclusively (a reset, data put at run time, the
   * clock set back) -- a request that held the shared lock could never take it exclusively.
   */
  private void unguarded(HandlerType method, String path, Handler handler) {
    table.add(new Route(method, lowerCase(path), handler));
  }

  /** A route whose handler runs wholly before or wholly after any reset. */
  private void add(HandlerType method, String path, Handler handler) {
    table.add(new Route(method, lowerCase(path), state.guarded(handler)));
  }

  /** The path in lower case (routes match case-insensitively), but for its parameters' names. */
  static String lowerCase(String path) {
    StringBuilder lower = new StringBuilder(path.length());
    boolean inParameter = false;
    for (char c : path.toCharArray()) {
      inParameter = c == '{' || (inParameter && c != '}');
      lower.append(inParameter ? c : Character.toLowerCase(c));
    }
    return lower.toString();
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
