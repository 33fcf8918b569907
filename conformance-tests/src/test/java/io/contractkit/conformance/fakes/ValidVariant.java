package io.contractkit.conformance.fakes;

import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.run.RunOptions;
import io.contractkit.mock.MockConfig;
import io.contractkit.mock.contacts.ThrottlePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Correct implementations that made other valid choices: the suite must pass them without a single
 * error (warnings allowed where the mode says so).
 */
public enum ValidVariant {
  MILLISECOND_DATES("dates with 3 fractional digits instead of 7", Mode.STRICT, "", "G13") {
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
      "an extra property (\"links\": {}) in every found contact and released lead, which the"
          + " owner copied into the profile's records: warnings only, also in strict mode",
      Mode.STRICT,
      "",
      "G15") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (answer.status() == 200 && answer.jsonBody().filter(j -> j.isObject()).isPresent()) {
        ObjectNode body = Rewrite.object(answer.jsonBody().get());
        if (request.isContacts() || body.path("name").isString()) {
          body.putObject("links");
        }
        return answer.withBody(body);
      }
      return answer;
    }

    @Override
    public Profile profile(Profile p) {
      return Profiles.withExpectedRecords(p, record -> record.putObject("links"));
    }
  },

  OMITTED_NULLS(
      "null properties left out of every answer (lenient: an omitted null is a valid choice)",
      Mode.LENIENT,
      "",
      "G16",
      "L9",
      "C12") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      if (answer.status() == 200 && answer.jsonBody().filter(j -> j.isObject()).isPresent()) {
        return answer.withBody(Rewrite.withoutNulls(answer.jsonBody().get()));
      }
      return answer;
    }
  },

  RETRY_AFTER_AS_HTTP_DATE(
      "Retry-After as an HTTP-date (RFC 9110 allows it), with a Date header",
      Mode.STRICT,
      "",
      "C25") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      Instant now = SimulatedImplementation.sharedClock().instant();
      Answer dated = answer.withHeader("Date", IMF_FIXDATE.format(now));
      return answer.status() == 429
          ? dated.withHeader(
              "Retry-After",
              IMF_FIXDATE.format(
                  now.plusSeconds(Long.parseLong(answer.header("Retry-After").orElse("300")))))
          : dated;
    }
  },

  TEXT_JSON_PREFERRED(
      "text/json unless application/json is asked for (lenient: a warning, G3)",
      Mode.LENIENT,
      "",
      "G3") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      Answer answer = upstream.forward(request);
      boolean askedForApplicationJson =
          request.header("Accept").filter(a -> a.contains("application/json")).isPresent();
      return answer.mediaType().equals("application/json") && !askedForApplicationJson
          ? answer.withHeader("Content-Type", "text/json; charset=utf-8")
          : answer;
    }
  },

  ASPNET_ERROR_BODIES(
      "ASP.NET-style error bodies instead of problem+json", Mode.STRICT, "", "G17") {
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

  PATH_PREFIX("deployed below a path prefix (/crm)", Mode.STRICT, "/crm", "G1") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request);
    }
  },

  TRAILING_SLASH(
      "deployed below /crm, the base URL given with a trailing slash (/crm/)",
      Mode.STRICT,
      "/crm",
      "G1") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request);
    }

    @Override
    public String baseUrl(String implementationBase) {
      return implementationBase + "/";
    }
  },

  SLOW_ANSWERS("every answer 150 ms late", Mode.STRICT, "", "C25", "C26", "L17") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return upstream.forward(request);
    }
  },

  OTHER_THROTTLE_NUMBERS(
      "a throttle of 3 failures in 20 s and blocks of 45 s, authTokens issued for 10 minutes",
      Mode.STRICT,
      "",
      "C21",
      "C26",
      "L17") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request);
    }

    @Override
    public MockConfig mockConfig() {
      return MockConfig.defaults()
          .withThrottle(new ThrottlePolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(45)));
    }

    @Override
    public Profile profile(Profile p) {
      return Profiles.withTiming(p, new Profile.Throttle(3, 20, 45), 600, p.clock());
    }
  },

  NO_CLOCK_HOOK(
      "no way to move its clock: blocks of 12 s (4 failures in 20 s), authTokens issued for 20 s,"
          + " which the suite waits out",
      Mode.STRICT,
      "",
      "C26",
      "L17") {
    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request);
    }

    @Override
    public MockConfig mockConfig() {
      return MockConfig.defaults()
          .withThrottle(new ThrottlePolicy(4, Duration.ofSeconds(20), Duration.ofSeconds(12)));
    }

    @Override
    public Profile profile(Profile p) {
      return Profiles.withTiming(p, new Profile.Throttle(4, 20, 12), 20, null);
    }

    /** The simulated waits jump the clock; real ones would not land inside another check. */
    @Override
    public int concurrency() {
      return 1;
    }
  },

  RECORDS_WITH_MILLISECONDS(
      "answers with 7 fractional digits, the profile's records written with 3",
      Mode.STRICT,
      "",
      "G13") {
    private final Pattern fraction =
        Pattern.compile("(\\d{2}:\\d{2}:\\d{2})\\.(\\d{3})\\d*([+-]\\d{2}:\\d{2}|Z)");

    @Override
    public Answer handle(Incoming request, Upstream upstream) {
      return upstream.forward(request);
    }

    @Override
    public Profile profile(Profile p) {
      return Profiles.withExpectedRecords(
          p,
          record -> {
            JsonNode cut =
                Rewrite.strings(
                    record,
                    s -> {
                      Matcher m = fraction.matcher(s);
                      return m.matches()
                          ? s.substring(0, m.start()) + m.group(1) + "." + m.group(2) + m.group(3)
                          : s;
                    });
            record.removeAll();
            record.setAll((ObjectNode) cut);
          });
    }
  },

  OTHER_OFFSETS(
      "every date at +05:30 (the same instant, the fixtures' fractional digits), the profile's"
          + " records left at +00:00",
      Mode.STRICT,
      "",
      "G13") {
    private final Pattern dateTime =
        Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)");
    private final DateTimeFormatter seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private final ZoneOffset offset = ZoneOffset.ofHoursMinutes(5, 30);

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
                    Matcher m = dateTime.matcher(s);
                    if (!m.matches()) {
                      return s;
                    }
                    String fraction = m.group(1) == null ? "" : m.group(1);
                    return java.time.OffsetDateTime.parse(s)
                            .withOffsetSameInstant(offset)
                            .format(seconds)
                        + fraction
                        + offset.getId();
                  })
              .toString());
    }
  },

  UTC_AS_Z(
      "UTC dates written with Z, content types without charset", Mode.STRICT, "", "G13", "G5") {
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
  private final java.util.List<String> statements;

  /**
   * @param statements the ids of the docs/CONTRACT.md statements whose other valid readings the
   *     variant makes (TraceabilityTest lists it beside them)
   */
  ValidVariant(String description, Mode mode, String prefix, String... statements) {
    this.description = description;
    this.mode = mode;
    this.prefix = prefix;
    this.statements = java.util.List.of(statements);
  }

  /** The contract statements it exercises, by id. */
  public java.util.List<String> statements() {
    return statements;
  }

  /** IMF-fixdate (RFC 9110, section 5.6.7): two-digit days, always GMT. */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  public abstract Answer handle(Incoming request, Upstream upstream);

  public Defect defect() {
    return this::handle;
  }

  /** The example profile as this variant's owner would write it: in its mode, with its numbers. */
  public Profile profile(Profile p) {
    return Profiles.withMode(p, mode);
  }

  /** How many checks run at once against it. */
  public int concurrency() {
    return RunOptions.DEFAULT_CONCURRENCY;
  }

  /** A mock of its own with this configuration, or null for the shared mock. */
  public MockConfig mockConfig() {
    return null;
  }

  /** The base URL as the owner writes it in the command line, from the implementation's. */
  public String baseUrl(String implementationBase) {
    return implementationBase;
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
