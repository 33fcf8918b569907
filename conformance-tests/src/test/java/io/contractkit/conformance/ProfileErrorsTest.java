package io.contractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user sees of a profile with typos, from a real process ({@code java
 * io.contractkit.conformance.Main}) as {@code java -jar conformance.jar} runs it: exit code 2 and
 * one line per problem with file, line, column and the nearest valid key or value; no stack trace,
 * no Java class name, no request sent. (In-process, where mutation testing sees them: {@code
 * profile/ProfileValidationTest}.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("slow") // a JVM; left out of mutation analysis: see the "slow" group in the root pom
class ProfileErrorsTest {

  @Test
  void aMisspelledKeyAndAMisspelledModeAreEachNamedWithTheirPlaceAndWhatWasMeant(@TempDir Path dir)
      throws Exception {
    Path profile =
        Files.writeString(
            dir.resolve("vendor.yaml"),
            """
            name: vendor
            mode: strikt
            contacts:
              baseUrl: http://127.0.0.1:9
              throtle: {maxFailures: 10, windowSeconds: 60, blockSeconds: 300}
            """);

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--profile",
                profile.toString(),
                "--report-dir",
                dir.resolve("report").toString())
            .start();
    try {
      CompletableFuture<String> output = readAll(process.getInputStream());
      CompletableFuture<String> errors = readAll(process.getErrorStream());
      assertThat(process.waitFor(45, TimeUnit.SECONDS)).as("the suite exited").isTrue();

      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(errors.join().lines())
          .containsExactly(
              "conformance: profile " + profile + " has 2 problems:",
              "  "
                  + profile
                  + ":2:7: mode: expected one of strict, lenient, found 'strikt' (did you mean"
                  + " 'strict'?)",
              "  "
                  + profile
                  + ":5:3: unknown key 'throtle' in contacts (did you mean 'throttle'?); valid"
                  + " keys in contacts: baseUrl, secrets, throttle");
      assertThat(output.join()).isEmpty();
      assertThat(dir.resolve("report")).doesNotExist();
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
            throw new UncheckedIOException(e);
          }
        });
  }
}
