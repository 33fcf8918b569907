package io.contractkit.conformance.profile;

import io.contractkit.fileerrors.ConfigFiles;
import io.contractkit.fileerrors.FileProblems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a profile (YAML, or JSON by the {@code .json} extension) and checks it is usable. */
public final class ProfileLoader {
  private ProfileLoader() {}

  public static Profile load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ProfileException("profile " + file + " not found");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ProfileException("profile " + file + " cannot be read: " + e.getMessage(), e);
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return parse(text, json, file.toString());
  }

  public static Profile parse(String text, boolean json, String name) {
    ObjectMapper mapper =
        json
            ? JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build()
            : YAMLMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
    Profile profile;
    try {
      profile = ConfigFiles.read(mapper, Profile.class, text, "profile", name);
    } catch (FileProblems e) {
      throw new ProfileException(e.getMessage(), e);
    }
    if (profile == null) {
      throw new ProfileException("profile " + name + " is empty");
    }
    List<String> problems = problems(profile);
    if (!problems.isEmpty()) {
      throw new ProfileException("profile " + name + ": " + String.join("; ", problems));
    }
    return profile;
  }

  private static List<String> problems(Profile p) {
    List<String> problems = new ArrayList<>();
    if (p.contacts() == null && p.lms() == null) {
      problems.add("neither 'contacts' nor 'lms' is given: there is nothing to check");
    }
    if (p.http().timeoutSeconds() < 1) {
      problems.add("http.timeoutSeconds must be at least 1");
    }
    if (p.contacts() != null) {
      url(p.contacts().baseUrl(), "contacts.baseUrl", problems);
      for (int i = 0; i < p.contacts().secrets().size(); i++) {
        var s = p.contacts().secrets().get(i);
        if (s.secret() == null || s.secret().isEmpty()) {
          problems.add("contacts.secrets[" + i + "].secret is missing");
        }
      }
      Profile.Throttle t = p.contacts().throttle();
      if (t != null) {
        if (t.maxFailures() == null || t.maxFailures() < 1) {
          problems.add("contacts.throttle.maxFailures must be at least 1");
        }
        if (t.blockSeconds() == null || t.blockSeconds() < 1) {
          problems.add("contacts.throttle.blockSeconds must be at least 1");
        }
        if (t.windowSeconds() == null || t.windowSeconds() < 1) {
          problems.add("contacts.throttle.windowSeconds must be at least 1");
        }
      }
    }
    if (p.lms() != null) {
      url(p.lms().baseUrl(), "lms.baseUrl", problems);
      for (int i = 0; i < p.lms().leads().size(); i++) {
        var l = p.lms().leads().get(i);
        if (l.accessToken() == null || l.accessToken().isEmpty()) {
          problems.add("lms.leads[" + i + "].accessToken is missing");
        }
      }
      if (p.lms().concurrency() < 2) {
        problems.add("lms.concurrency must be at least 2");
      }
      Profile.AuthTokens a = p.lms().authTokens();
      int sources =
          a == null
              ? 0
              : (a.staticTokens() != null ? 1 : 0)
                  + (a.http() != null ? 1 : 0)
                  + (a.command() != null ? 1 : 0);
      if (sources > 1) {
        problems.add("lms.authTokens must have exactly one of 'staticTokens', 'http', 'command'");
      }
      if (a != null && a.http() != null && (a.http().url() == null || a.http().url().isBlank())) {
        problems.add("lms.authTokens.http.url is missing");
      }
      if (a != null && a.command() != null && a.command().isEmpty()) {
        problems.add("lms.authTokens.command is empty");
      }
      Integer lifetime = p.lms().authTokenLifetimeSeconds();
      if (lifetime != null && lifetime < 1) {
        problems.add("lms.authTokenLifetimeSeconds must be at least 1");
      }
    }
    clockProblems(p.clock(), problems);
    return problems;
  }

  /** The clock hook: exactly one of an HTTP call with a url and a command that is not empty. */
  private static void clockProblems(Profile.TargetClock clock, List<String> problems) {
    if (clock == null) {
      return;
    }
    Profile.Hook advance = clock.advance();
    if (advance == null || (advance.http() == null) == (advance.command() == null)) {
      problems.add("clock.advance must have exactly one of 'http', 'command'");
      return;
    }
    if (advance.http() != null) {
      if (advance.http().url() == null || advance.http().url().isBlank()) {
        problems.add("clock.advance.http.url is missing");
      }
      if (advance.http().pointer() != null) {
        problems.add("clock.advance.http.pointer has no meaning (nothing is read from the answer)");
      }
    }
    if (advance.command() != null && advance.command().isEmpty()) {
      problems.add("clock.advance.command is empty");
    }
  }

  private static void url(String url, String field, List<String> problems) {
    if (url == null) {
      return;
    }
    try {
      URI uri = URI.create(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        problems.add(field + " must be an http or https URL");
      }
    } catch (IllegalArgumentException e) {
      problems.add(field + " is not a valid URL");
    }
  }
}
