package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a new user sees when the mock cannot start, from a real process ({@code java
 * io.contractkit.mock.Main}) as {@code java -jar} runs it: exit code 2, the exact lines on standard
 * error, each saying what is wrong and where, no stack trace, no Java class name, nothing on
 * standard output. (The same messages are held in-process, where mutation testing sees them, by
 * {@code CommandLineConfigTest} and {@code fixtures/FixtureLoaderBehaviourTest}.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("slow") // a JVM per case; left out of mutation analysis: see the "slow" group in the root pom
class StartupErrorsTest {
  private static final Path BUNDLED = Path.of("..", "fixtures");

  @TempDir Path dir;

  @Test
  void aSecondMockOnABusyPortSaysWhichPortAndHowToChooseAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      Exit exit = run("--port", String.valueOf(port));

      assertThat(exit.code()).isEqualTo(2);
      assertThat(exit.errorLines())
          .containsExactly(
              "mock-server: cannot start: port "
                  + port
                  + " on 127.0.0.1 is already in use (by another mock?); stop what is listening"
                  + " there, choose another port with --port, or use --port 0 for a free one");
      assertThat(exit.output()).isEmpty();
    }
  }

  @Test
  void everyMisspelledConfigKeyIsNamedWithItsPlaceAndTheKeyItWasMeantToBe() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("mock.yaml"),
            """
            port: 0
            throttle:
              maxFailure: 5
            authTokenTTL: 15m
            """);

    Exit exit = run("--config", file.toString());

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.errorLines())
        .containsExactly(
            "mock-server: cannot start: config file " + file + " has 2 problems:",
            "  "
                + file
                + ":3:3: unknown key 'maxFailure' in throttle (did you mean 'maxFailures'?);"
                + " valid keys in throttle: maxFailures, window, block",
            "  "
                + file
                + ":4:1: unknown key 'authTokenTTL' (did you mean 'authTokenTtl'?); valid keys at"
                + " the top level: "
                + String.join(
                    ", ",
                    CommandLineConfigTest.recordKeys(io.contractkit.mock.cli.ConfigFile.class)));
  }

  @Test
  void aConfigValueOfTheWrongKindIsNamedWithItsPlaceAndWhatWasExpected() throws Exception {
    Path file = Files.writeString(dir.resolve("mock.yaml"), "port: [9091\n");

    Exit exit = run("--config", file.toString());

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.errorLines())
        .containsExactly(
            "mock-server: cannot start: config file " + file + " has 2 problems:",
            "  " + file + ":1:7: port: expected a whole number, found a list",
            "  "
                + file
                + ":1:12: not valid YAML: expected ',' or ']', but got <stream end> (while parsing"
                + " a flow sequence that starts at 1:7)");
  }

  @Test
  void aFixturesFolderThatDoesNotExistIsNamedAsMissing() throws Exception {
    Path missing = dir.resolve("my-fixtures");

    Exit exit = run("--port", "0", "--fixtures", missing.toString());

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.errorLines())
        .containsExactly(
            "mock-server: cannot start: fixtures folder "
                + missing
                + " not found (--fixtures names a folder with contacts.json and leads.json)");
  }

  @Test
  void aFixtureThatIsNotValidJsonIsNamedWithLineAndColumn() throws Exception {
    Path folder = copyOfTheBundledFixtures();
    Path contacts = folder.resolve("contacts.json");
    Files.writeString(contacts, "{\"contacts\": [\n  {\"Id\": 1,}\n]}");

    Exit exit = run("--port", "0", "--fixtures", folder.toString());

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.errorLines())
        .containsExactly(
            "mock-server: cannot start: "
                + contacts
                + ":2:12: not valid JSON: Unexpected character ('}' (code 125)): was expecting"
                + " double-quote to start property name");
  }

  @Test
  void aFixtureWithTwoSchemaErrorsHasEachOnItsOwnLineWithItsPointer() throws Exception {
    Path folder = copyOfTheBundledFixtures();
    Path contacts = folder.resolve("contacts.json");
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode root = (ObjectNode) json.readTree(contacts.toFile());
    ObjectNode first = (ObjectNode) root.path("contacts").get(0);
    first.put("Version", "not base64!");
    first.put("Email", "e".repeat(251 - "@example.com".length()) + "@example.com");
    json.writeValue(contacts.toFile(), root);

    Exit exit = run("--port", "0", "--fixtures", folder.toString());

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.errorLines())
        .hasSize(3)
        .first()
        .isEqualTo("mock-server: cannot start: " + contacts + " breaks its schema in 2 places:");
    assertThat(exit.errorLines().subList(1, 3))
        .anySatisfy(
            line ->
                assertThat(line)
                    .isEqualTo(
                        "  at /contacts/0/Email: must be at most 250 characters long"
                            + " [maxLength]"))
        .anySatisfy(
            line ->
                assertThat(line).startsWith("  at /contacts/0/Version: ").endsWith("[pattern]"));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Path copyOfTheBundledFixtures() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("fixtures"));
    Files.copy(BUNDLED.resolve("contacts.json"), folder.resolve("contacts.json"));
    Files.copy(BUNDLED.resolve("leads.json"), folder.resolve("leads.json"));
    return folder;
  }

  /** How a run ended: its exit code and what it wrote, standard output and error apart. */
  private record Exit(int code, String output, List<String> errorLines) {}

  /** Runs the mock as {@code java -jar mock-server.jar ARGS} would, until it exits. */
  private static Exit run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("MOCK_ADMIN_TOKEN");
    Process process = builder.start();
    try {
      CompletableFuture<String> output = readAll(process.getInputStream());
      CompletableFuture<String> errors = readAll(process.getErrorStream());
      assertThat(process.waitFor(45, TimeUnit.SECONDS)).as("the mock exited").isTrue();
      return new Exit(process.exitValue(), output.join(), errors.join().lines().toList());
    } finally {
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
