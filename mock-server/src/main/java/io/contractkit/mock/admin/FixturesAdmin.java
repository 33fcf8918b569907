package io.contractkit.mock.admin;

import io.contractkit.mock.fixtures.FixtureException;
import io.contractkit.mock.fixtures.FixtureReloader;
import io.contractkit.mock.fixtures.Violation;
import io.contractkit.mock.http.ApiProblem;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /__admin/fixtures/reload}: loads the fixture files again, as the folder watch does on
 * a change. 200 with what was loaded, or 422 with why not (the data loaded before stays).
 */
public final class FixturesAdmin {
  private final FixtureReloader reloader;
  private final JsonMapper json;

  public FixturesAdmin(FixtureReloader reloader, JsonMapper json) {
    this.reloader = reloader;
    this.json = json;
  }

  public void reload(Context ctx) {
    FixtureReloader.Outcome outcome = reloader.reload();
    if (outcome instanceof FixtureReloader.Refused refused) {
      throw ApiProblem.fixturesRefused(errors(refused.reason()));
    }
    FixtureReloader.Reloaded reloaded = (FixtureReloader.Reloaded) outcome;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contacts", reloaded.fixtures().contactsBySecret().size());
    body.put("leads", reloaded.fixtures().leadsByAccessToken().size());
    body.put("loadedAt", reloaded.loadedAt().toString());
    AdminAnswers.send(ctx, 200, json.writeValueAsBytes(body));
  }

  /** Each violation with its file; a problem without violations as its message. */
  private static List<Violation> errors(FixtureException refused) {
    if (refused.violations().isEmpty()) {
      return List.of(new Violation("", refused.getMessage()));
    }
    String file = Path.of(refused.file()).getFileName().toString();
    return refused.violations().stream()
        .map(v -> new Violation(v.pointer(), file + ": " + v.detail()))
        .toList();
  }
}
