package io.contractkit.conformance.checks.robustness;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.robustness.HostileValues.Hostile;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The hostile requests of the robustness checks -- every {@link HostileValues} entry in each
 * parameter of a route, the other parameters valid-looking -- and the two ways of judging them. The
 * 5xx checks and the disclosure checks build the same requests, so either can run alone.
 *
 * <p>Raw-byte entries go over a plain socket ({@link ProbeRequest#rawQuery}), which cannot speak
 * TLS: against an {@code https} base URL they are left out.
 */
final class HostileRequests {
  static final List<String> LMS_PARAMETERS = List.of("accessToken", "authToken", "source");

  /** One request and what makes it hostile, as failures show it. */
  record HostileRequest(String description, ProbeRequest request) {}

  private HostileRequests() {}

  /** Each hostile input as the secret, then as the ip with a random secret. */
  static List<HostileRequest> contacts(CheckContext context) {
    List<HostileRequest> requests = new ArrayList<>();
    List<Hostile> usable = usable(context.contactsBase());
    for (Hostile h : usable) {
      requests.add(
          new HostileRequest("secret: " + h.label(), h.addTo(context.contactsRequest(), "secret")));
    }
    for (Hostile h : usable) {
      ProbeRequest request =
          context.contactsRequest().param("secret", context.randomToken("ck", 20));
      requests.add(
          new HostileRequest("ip: " + h.label() + " (random secret)", h.addTo(request, "ip")));
    }
    return requests;
  }

  /**
   * Each hostile input in accessToken, authToken and source in turn; the others are {@code
   * accessToken}, a random authToken (nothing is consumed) and the profile's source.
   */
  static List<HostileRequest> lms(CheckContext context, String accessToken) {
    List<HostileRequest> requests = new ArrayList<>();
    List<Hostile> usable = usable(context.lmsBase());
    for (String hostileParameter : LMS_PARAMETERS) {
      for (Hostile h : usable) {
        ProbeRequest request = context.lmsRequest();
        for (String parameter : LMS_PARAMETERS) {
          if (parameter.equals(hostileParameter)) {
            h.addTo(request, parameter);
          } else {
            request.param(parameter, validLooking(context, parameter, accessToken));
          }
        }
        requests.add(new HostileRequest(hostileParameter + ": " + h.label(), request));
      }
    }
    return requests;
  }

  private static String validLooking(CheckContext context, String parameter, String accessToken) {
    return switch (parameter) {
      case "accessToken" -> accessToken;
      case "authToken" -> context.randomToken("ck", 12);
      default -> context.lms().source();
    };
  }

  private static List<Hostile> usable(URI base) {
    boolean plainHttp = "http".equalsIgnoreCase(base.getScheme());
    return HostileValues.catalogue().stream().filter(h -> plainHttp || !h.rawBytes()).toList();
  }

  /**
   * Sends every request (in parallel when the run allows it) and fails on the first, in the order
   * given, that gets a 5xx or no answer at all (closed, timed out).
   */
  static void expectNoServerError(CheckContext context, List<HostileRequest> requests) {
    List<CheckContext.Sent> answers = context.sendAll(requests(requests));
    for (int i = 0; i < requests.size(); i++) {
      HostileRequest hostile = requests.get(i);
      CheckContext.Sent sent = answers.get(i);
      if (sent.noAnswer() != null) {
        throw new CheckFailure(
            "an HTTP answer that is not a 5xx, for " + hostile.description(),
            "no answer ("
                + sent.noAnswer().cause()
                + ") for "
                + hostile.description()
                + "; reproduce: "
                + hostile.request().curl(),
            null);
      }
      Exchange e = sent.exchange();
      if (e.is5xx()) {
        throw new CheckFailure(
            "no 5xx (a 2xx or 4xx answer) for " + hostile.description(),
            "status " + e.status() + " for " + hostile.description(),
            e);
      }
    }
  }

  /**
   * Sends every request (in parallel when the run allows it) and fails on the first answer, in the
   * order given, that discloses contact data. A request without an answer discloses nothing (the
   * 5xx checks report it); the check fails only when none is answered at all.
   *
   * @param disclosure {@code Disclosure::contacts} or {@code Disclosure::lms}
   */
  static void expectNoDisclosure(
      CheckContext context,
      List<HostileRequest> requests,
      BiFunction<Exchange, CheckContext, String> disclosure) {
    List<CheckContext.Sent> answers = context.sendAll(requests(requests));
    int answered = 0;
    for (int i = 0; i < requests.size(); i++) {
      HostileRequest hostile = requests.get(i);
      Exchange e = answers.get(i).exchange();
      if (e == null) {
        continue;
      }
      answered++;
      String leak = disclosure.apply(e, context);
      if (leak != null) {
        throw new CheckFailure(
            "no contact data for " + hostile.description(),
            "contact data for " + hostile.description() + ": " + leak,
            e);
      }
    }
    if (answered == 0 && !requests.isEmpty()) {
      throw new CheckFailure(
          "answers to the hostile requests",
          "no answer to any of "
              + requests.size()
              + " requests; first: "
              + requests.get(0).request().curl(),
          null);
    }
  }

  private static List<ProbeRequest> requests(List<HostileRequest> hostile) {
    return hostile.stream().map(HostileRequest::request).toList();
  }
}
