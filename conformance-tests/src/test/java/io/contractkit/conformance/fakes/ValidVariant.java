package io.contractkit.conformance.fakes;

import io.contractkit.conformance.checks.Mode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Correct implementations that made other valid choices: the suite must pass them without a single
 * error (warnings allowed where the mode says so).
 */
public enum ValidVariant {
  MILLISECOND_DATES("dates with 3 fractional digits instead of 7", Mode.STRICT, "") {
    private final Pattern fraction =
        Pattern.compile("(\\d{2}:\\d{2}:\\d{2})\\.(\\d{3})\\d*([+-]\\d{2}:\\d{2}|Z)");

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (answer.status() != 200 || answer.jsonBody().isEmpty()) {
        return answer;
      }
      return answer.withBody(
          Rewrite.strings(
                  answer.jsonBody().get(),
                  s -> {
                    Matcher m = fraction.matcher(s);
                    return m.matches()
                        ? s.substring(0, m.start()) + m.group(1) + "." + m.group(2) + m.group(3)
                        : s;
                  })
              .toString());
    }
  },

  EXTRA_PROPERTIES(
      "extra, undocumented properties (lenient profile: warnings only)", Mode.LENIENT, "") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (answer.status() == 200 && answer.jsonBody().filter(j -> j.isObject()).isPresent()) {
        ObjectNode body = Rewrite.object(answer.jsonBody().get());
        body.put(request.isContacts() ? "TenantId" : "tenantId", 42);
        return answer.withBody(body);
      }
      return answer;
    }
  },

  ASPNET_ERROR_BODIES("ASP.NET-style error bodies instead of problem+json", Mode.STRICT, "") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (answer.status() == 400) {
        return Answer.json(400, "{\"Message\":\"The request is invalid.\"}")
            .withHeader("Cache-Control", "no-store");
      }
      if (answer.status() == 404 && request.isContacts()) {
        return new Answer(404, java.util.Map.of("Cache-Control", "no-store"), new byte[0]);
      }
      if (answer.status() == 429) {
        return Answer.json(429, "{\"Message\":\"Too many requests.\"}")
            .withHeader("Retry-After", answer.header("Retry-After").orElse("300"));
      }
      return answer;
    }
  },

  PATH_PREFIX("deployed below a path prefix (/crm)", Mode.STRICT, "/crm") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request);
    }
  },

  SLOWER_ANSWERS("every answer 10 ms slower", Mode.STRICT, "") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return upstream.forward(request);
    }
  },

  UTC_AS_Z("UTC dates written with Z, content types without charset", Mode.STRICT, "") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer forwarded = upstream.forward(request);
      Answer answer =
          forwarded
              .header("Content-Type")
              .map(ct -> forwarded.withHeader("Content-Type", ct.split(";")[0].trim()))
              .orElse(forwarded);
      if (answer.status() != 200 || answer.jsonBody().isEmpty()) {
        return answer;
      }
      return answer.withBody(
          Rewrite.strings(
                  answer.jsonBody().get(),
                  s -> s.endsWith("+00:00") ? s.substring(0, s.length() - 6) + "Z" : s)
              .toString());
    }
  };

  private final String description;
  private final Mode mode;
  private final String prefix;

  ValidVariant(String description, Mode mode, String prefix) {
    this.description = description;
    this.mode = mode;
    this.prefix = prefix;
  }

  public abstract Answer handle(Incoming request, Upstream upstream);

  public Defect defect() {
    return this::handle;
  }

  public String description() {
    return description;
  }

  public Mode mode() {
    return mode;
  }

  public String prefix() {
    return prefix;
  }
}
