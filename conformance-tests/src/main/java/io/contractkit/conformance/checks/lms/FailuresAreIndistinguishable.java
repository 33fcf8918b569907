package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.JsonComparison;
import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * LMS-FAILURES-INDISTINGUISHABLE: every failed authorization gets the same answer, so a caller
 * cannot learn which part (authToken or accessToken) was wrong.
 */
public final class FailuresAreIndistinguishable implements Check {
  private static final List<String> HEADERS = List.of("Content-Type", "Cache-Control");

  static final CheckInfo INFO =
      CheckInfo.errorWhenStrict(
              "LMS-FAILURES-INDISTINGUISHABLE",
              Category.LMS,
              "Every failed authorization gets the same answer",
              "A reused authToken, a wrong authToken, another lead's authToken, an unknown accessToken"
                  + " and an expired one (when the profile names it) get answers identical in status, body,"
                  + " Content-Type and Cache-Control: nothing tells a caller which part was wrong.",
              "\"repeated usage will return null values.\" [CONTRACT L20](../docs/CONTRACT.md#l20)"
                  + " (choice): the same answer for every failed authorization, so that a caller cannot"
                  + " tell which part was wrong (no enumeration); required in strict mode, a warning in"
                  + " lenient mode.",
              """
          expected: the same answer to every failed authorization (status, body, Content-Type, Cache-Control)
          actual:   the answer to an unknown accessToken differs from the answer to a reused authToken: status 404 vs 200
          status:   404 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=Zp3kQ8vN2xLm7RtW4cYb&authToken=118276&source=conformance'""")
          .covering("L20", "G16");

  private record Failed(String situation, Exchange answer) {}

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.authTokenLocks(0, 1);
  }

  @Override
  public void run(CheckContext context) {
    List<Failed> answers = failedAuthorizations(context);
    Failed reference = answers.get(0);
    for (Failed other : answers.subList(1, answers.size())) {
      Optional<String> difference = difference(reference.answer(), other.answer(), context.mode());
      if (difference.isPresent()) {
        throw new CheckFailure(
            "the same answer to every failed authorization (status, body, "
                + String.join(", ", HEADERS)
                + ")",
            "the answer to "
                + other.situation()
                + " differs from the answer to "
                + reference.situation()
                + ": "
                + difference.get()
                + " ("
                + reference.situation()
                + ": "
                + reference.answer().request()
                + " → "
                + reference.answer().statusLine()
                + ")",
            other.answer());
      }
    }
  }

  private static List<Failed> failedAuthorizations(CheckContext context) {
    Profile.KnownLead lead = context.lead(0);
    String code = lead.accessToken();
    List<Failed> answers = new ArrayList<>();

    String used = context.freshAuthToken(code);
    context.send(context.lmsRequest(code, used));
    answers.add(new Failed("a reused authToken", context.send(context.lmsRequest(code, used))));

    answers.add(
        new Failed(
            "a wrong authToken",
            context.send(context.lmsRequest(code, context.randomToken("", 16)))));

    List<Profile.KnownLead> leads = context.lms().leads();
    if (leads.size() >= 2) {
      String othersToken = context.freshAuthToken(leads.get(1).accessToken());
      answers.add(
          new Failed(
              "an authToken issued for another lead",
              context.send(context.lmsRequest(code, othersToken))));
    }

    String fresh = context.freshAuthToken(code);
    answers.add(
        new Failed(
            "an unknown accessToken",
            context.send(context.lmsRequest(context.randomToken("", 20), fresh))));

    Profile.ExpiredLead expired = context.lms().expiredLead();
    if (expired != null) {
      String authToken =
          expired.authToken() != null ? expired.authToken() : context.randomToken("", 16);
      answers.add(
          new Failed(
              "an expired accessToken",
              context.send(context.lmsRequest(expired.accessToken(), authToken))));
    }
    return answers;
  }

  /** How {@code other} differs from {@code reference}: status, then headers, then body. */
  private static Optional<String> difference(Exchange reference, Exchange other, Mode mode) {
    if (reference.status() != other.status()) {
      return Optional.of("status " + other.status() + " vs " + reference.status());
    }
    for (String header : HEADERS) {
      Optional<String> r = reference.header(header);
      Optional<String> o = other.header(header);
      if (!normalized(r).equals(normalized(o))) {
        return Optional.of(header + " " + shown(o) + " vs " + shown(r));
      }
    }
    Optional<JsonNode> rJson = reference.json();
    Optional<JsonNode> oJson = other.json();
    if (rJson.isPresent() && oJson.isPresent()) {
      return JsonComparison.first(
              rJson.get(),
              oJson.get(),
              JsonComparison.ExtraProperties.COMPARED,
              JsonComparison.MissingNull.in(mode))
          .map(d -> "the body differs " + d);
    }
    if (!Arrays.equals(reference.body(), other.body())) {
      return Optional.of("the body \"" + excerpt(other) + "\" vs \"" + excerpt(reference) + "\"");
    }
    return Optional.empty();
  }

  /**
   * Header values compared without case and whitespace ({@code charset=UTF-8} equals {@code
   * charset=utf-8}).
   */
  private static Optional<String> normalized(Optional<String> value) {
    return value.map(v -> v.replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
  }

  private static String shown(Optional<String> value) {
    return value.map(v -> "\"" + v + "\"").orElse("(none)");
  }

  private static String excerpt(Exchange e) {
    String text = e.bodyExcerpt();
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
