package io.contractkit.wiremock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.contractkit.mock.contacts.ContactLookup;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.ContentNegotiation;
import io.contractkit.mock.http.ProblemBodies;
import io.contractkit.mock.lms.AuthTokenSending;
import io.contractkit.mock.lms.LeadRelease;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mock's three API routes as WireMock answers, with the mock's HTTP rules: paths match
 * case-insensitively (a trailing slash too), every other method gets 405 with {@code Allow}, {@code
 * OPTIONS} 204 with {@code Allow}, errors are {@code application/problem+json}, every answer says
 * {@code Cache-Control: no-store}.
 */
final class ApiRoutes {
  static final String CONTACTS = "/api/v1/contacts";
  static final String LEAD_CONTACT = "/lms/leads/bytoken/contact";
  static final String SEND_AUTH_TOKEN = "/lms/leads/bytoken/authtoken";

  /** The methods the mock answers with 405 on a route that does not take them. */
  private static final List<String> REFUSED =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final ContactLookup contacts;
  private final LeadRelease leadContact;
  private final AuthTokenSending sendAuthToken;
  private final ProblemBodies problems;

  ApiRoutes(
      ContactLookup contacts,
      LeadRelease leadContact,
      AuthTokenSending sendAuthToken,
      JsonMapper json) {
    this.contacts = contacts;
    this.leadContact = leadContact;
    this.sendAuthToken = sendAuthToken;
    this.problems = new ProblemBodies(json);
  }

  /**
   * The answer to a request ({@code url}: path and query as sent), or empty when it is not for one
   * of the routes (WireMock's stubs answer it).
   */
  Optional<ResponseDefinition> answer(String method, String url, String accept) {
    int question = url.indexOf('?');
    String path = question < 0 ? url : url.substring(0, question);
    String query = question < 0 ? null : url.substring(question + 1);
    String route = route(path);
    String allow = route.equals(SEND_AUTH_TOKEN) ? "POST" : "GET";
    if (route.isEmpty()
        || !(method.equals(allow) || method.equals("OPTIONS") || REFUSED.contains(method))) {
      return Optional.empty();
    }
    try {
      if (method.equals("OPTIONS")) {
        return Optional.of(response(204, null, null, allow + ", OPTIONS"));
      }
      if (!method.equals(allow)) {
        return Optional.of(problem(ApiProblem.methodNotAllowed(method, allow), path, allow));
      }
      return Optional.of(handle(route, query, path, accept));
    } catch (ApiProblem problem) {
      return Optional.of(problem(problem, path, null));
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure on {} {}", method, path, e);
      return Optional.of(problem(ApiProblem.internalError(), path, null));
    }
  }

  private ResponseDefinition handle(String route, String query, String path, String accept) {
    return switch (route) {
      case CONTACTS ->
          contacts
              .lookup(query)
              .map(body -> json(200, body, accept))
              .orElseGet(() -> problem(ContactLookup.NOT_FOUND, path, null));
      case LEAD_CONTACT -> json(200, leadContact.release(query), accept);
      default ->
          response(202, ContentNegotiation.APPLICATION_JSON, sendAuthToken.send(query), null);
    };
  }

  /** The route a path is for (lower case, without a trailing slash), or "" for none. */
  static String route(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.length() > 1 && lower.endsWith("/")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    return List.of(CONTACTS, LEAD_CONTACT, SEND_AUTH_TOKEN).contains(lower) ? lower : "";
  }

  private static ResponseDefinition json(int status, byte[] body, String accept) {
    return response(status, ContentNegotiation.jsonContentType(accept), body, null);
  }

  private ResponseDefinition problem(ApiProblem problem, String path, String allow) {
    ResponseDefinitionBuilder answer =
        builder(problem.status(), ProblemBodies.PROBLEM_JSON, problems.body(problem, path), allow);
    problem
        .retryAfterSeconds()
        .ifPresent(seconds -> answer.withHeader("Retry-After", Long.toString(seconds)));
    return answer.build();
  }

  static ResponseDefinition response(int status, String contentType, byte[] body, String allow) {
    return builder(status, contentType, body, allow).build();
  }

  private static ResponseDefinitionBuilder builder(
      int status, String contentType, byte[] body, String allow) {
    ResponseDefinitionBuilder answer =
        new ResponseDefinitionBuilder().withStatus(status).withHeader("Cache-Control", "no-store");
    if (contentType != null) {
      answer.withHeader("Content-Type", contentType).withBody(body);
    }
    if (allow != null) {
      answer.withHeader("Allow", allow);
    }
    return answer;
  }
}
