package io.contractkit.pitest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdStoreTest {
  @TempDir Path folder;

  @Test
  void whatWasWrittenForAClassIsReadBackInOrder() {
    IdStore store = new IdStore(folder.resolve("ids"));
    List<String> ids =
        List.of(
            "[engine:junit-jupiter]/[class:a.B]/[method:one()]",
            "[engine:junit-jupiter]/[class:a.B]/[test-template:two(int)]/[test-template-invocation:#2]");

    store.write(IdStoreTest.class, ids);

    assertThat(new IdStore(folder.resolve("ids")).read(IdStoreTest.class)).contains(ids);
    try (var files = Files.list(folder.resolve("ids"))) {
      assertThat(files)
          .map(Path::getFileName)
          .map(Path::toString)
          .containsExactly(IdStoreTest.class.getName() + ".ids");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aClassWithNothingWrittenIsEmptySoTheJUnit5PluginFindsItsTests() {
    assertThat(new IdStore(folder).read(IdStoreTest.class)).isEmpty();
  }

  @Test
  void aClassFoundWithoutTestsIsReadAsNoTests() {
    IdStore store = new IdStore(folder);
    store.write(String.class, List.of());
    assertThat(store.read(String.class)).contains(List.of());
  }
}
