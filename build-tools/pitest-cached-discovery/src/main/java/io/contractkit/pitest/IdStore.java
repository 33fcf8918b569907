package io.contractkit.pitest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The unique ids of the tests found per test class: one file per class, one id per line, written
 * whole (to a temporary file, then moved) so that a reader never sees half of one.
 */
final class IdStore {
  static final String PROPERTY = "contractkit.pitest.discovery";

  private final Path folder;

  IdStore(Path folder) {
    this.folder = folder;
  }

  /**
   * The folder the system property names, or {@code target/pit-discovery} in the working folder.
   */
  static IdStore fromSystemProperty() {
    String given = System.getProperty(PROPERTY);
    return new IdStore(Path.of(given == null || given.isBlank() ? "target/pit-discovery" : given));
  }

  void write(Class<?> testClass, List<String> ids) {
    try {
      Files.createDirectories(folder);
      Path file = file(testClass);
      Path partial = Files.createTempFile(folder, testClass.getName(), ".partial");
      Files.write(partial, ids, StandardCharsets.UTF_8);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the tests found in " + testClass.getName(), e);
    }
  }

  /** The ids written for {@code testClass}, or empty when none were. */
  Optional<List<String>> read(Class<?> testClass) {
    try {
      return Optional.of(Files.readAllLines(file(testClass), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tests found in " + testClass.getName(), e);
    }
  }

  private Path file(Class<?> testClass) {
    return folder.resolve(testClass.getName() + ".ids");
  }
}
