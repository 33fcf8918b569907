package io.contractkit.conformance.report;

import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.run.CheckResult;
import io.contractkit.conformance.run.RunResult;
import io.contractkit.conformance.run.Status;
import io.contractkit.conformance.schema.SchemaViolation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run as one JSON document, for tools and dashboards: profile, target, mode, timing, verdict,
 * counts, per-category scores and every check with its failure details. Enum values are lower case
 * ({@code "strict"}, {@code "error"}, {@code "failed"}); category keys are the category names used
 * in check ids ({@code "CONTACTS"}).
 */
public final class JsonReport {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonReport() {}

  public static void write(RunResult result, Path file) throws IOException {
    Files.writeString(file, render(result) + "\n", StandardCharsets.UTF_8);
  }

  public static String render(RunResult result) {
    return JSON.writeValueAsString(tree(result));
  }

  public static ObjectNode tree(RunResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("profile", result.profileName());
    ObjectNode target = root.putObject("target");
    target.put("contactsBaseUrl", url(result.target().contactsBase()));
    target.put("lmsBaseUrl", url(result.target().lmsBase()));
    root.put("mode", lower(result.mode()));
    root.put("startedAt", result.startedAt().toString());
    root.put("durationMillis", result.duration().toMillis());
    root.put("passed", result.passed());

    ObjectNode counts = root.putObject("counts");
    counts.put("passed", result.count(Status.PASSED));
    counts.put("failed", result.count(Status.FAILED));
    counts.put("failedErrors", result.count(Status.FAILED) - result.failedWarnings());
    counts.put("failedWarnings", result.failedWarnings());
    counts.put("skipped", result.count(Status.SKIPPED));

    ObjectNode categories = root.putObject("categories");
    result
        .byCategory()
        .forEach(
            (category, tally) -> {
              ObjectNode c = categories.putObject(category.name());
              c.put("passed", tally.passed());
              c.put("failed", tally.failed());
              c.put("skipped", tally.skipped());
              c.put("score", tally.score());
            });

    ArrayNode checks = root.putArray("checks");
    for (CheckResult r : result.results()) {
      checks.add(check(r));
    }
    return root;
  }

  private static ObjectNode check(CheckResult r) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", r.info().id());
    c.put("title", r.info().title());
    c.put("category", r.info().category().name());
    c.put("severity", lower(r.severity()));
    c.put("status", lower(r.status()));
    c.put("millis", r.millis());
    if (r.status() == Status.SKIPPED) {
      c.put("skipReason", r.skipReason());
    }
    if (r.failure() != null) {
      c.set("failure", failure(r.failure()));
    }
    return c;
  }

  private static ObjectNode failure(CheckFailure f) {
    ObjectNode o = JSON.createObjectNode();
    o.put("expected", FailureText.visible(f.expected()));
    o.put("actual", FailureText.visible(f.actual()));
    Exchange exchange = f.exchange();
    if (exchange != null) {
      if (exchange.request() != null) {
        o.put("curl", FailureText.visible(exchange.request().curl()));
      }
      o.put("status", exchange.status());
      o.put("contentType", exchange.header("Content-Type").map(FailureText::visible).orElse(null));
      o.put("bodyExcerpt", FailureText.visible(exchange.bodyExcerpt()));
    }
    ArrayNode violations = o.putArray("schemaViolations");
    for (SchemaViolation v : f.violations()) {
      ObjectNode n = violations.addObject();
      n.put("pointer", v.pointer());
      n.put("keyword", v.keyword());
      n.put("message", FailureText.visible(v.message()));
    }
    return o;
  }

  private static String url(URI uri) {
    return uri == null ? null : uri.toString();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
