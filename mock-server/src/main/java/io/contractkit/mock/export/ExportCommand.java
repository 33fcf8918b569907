package io.contractkit.mock.export;

import io.contractkit.mock.fixtures.FixtureException;
import io.contractkit.mock.fixtures.FixtureLoader;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.SchemaCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code java -jar mock-server.jar export --wiremock DIR}: the fixtures as WireMock stubs. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the fixtures as plain WireMock stub mappings (DIR/mappings/contract-kit.json), for",
      "wiremock-standalone --root-dir DIR; the README says what plain stubs cannot give."
    })
public final class ExportCommand implements Callable<Integer> {
  static final String FILE = "contract-kit.json";

  @Option(
      names = "--wiremock",
      paramLabel = "DIR",
      required = true,
      description = "WireMock's root folder: the mappings go into its mappings/ folder.")
  Path wireMock;

  @Option(
      names = "--fixtures",
      paramLabel = "DIR",
      description = "Folder with contacts.json and leads.json (default: the bundled fixtures).")
  Path fixtures;

  @Spec CommandSpec spec;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    Fixtures data;
    try {
      data = new FixtureLoader(json, new SchemaCatalog()).load(fixtures);
    } catch (FixtureException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    Path file = Files.createDirectories(wireMock.resolve("mappings")).resolve(FILE);
    Files.writeString(file, new WireMockExport(json).text(data, clock.instant()));
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote the stubs of %d contacts and %d leads to %s%n",
            data.contactsBySecret().size(), data.leadsByAccessToken().size(), file);
    return 0;
  }
}
