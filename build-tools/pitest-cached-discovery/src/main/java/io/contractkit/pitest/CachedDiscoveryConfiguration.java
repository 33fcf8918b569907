package io.contractkit.pitest;

import java.util.List;
import java.util.Optional;
import org.pitest.help.PitHelpError;
import org.pitest.testapi.Configuration;
import org.pitest.testapi.NullExecutionListener;
import org.pitest.testapi.TestSuiteFinder;
import org.pitest.testapi.TestUnit;
import org.pitest.testapi.TestUnitExecutionListener;
import org.pitest.testapi.TestUnitFinder;

/** The JUnit 5 plugin's configuration, with a finder that remembers what it found. */
final class CachedDiscoveryConfiguration implements Configuration {
  private final Configuration junit5;
  private final IdStore store;

  CachedDiscoveryConfiguration(Configuration junit5, IdStore store) {
    this.junit5 = junit5;
    this.store = store;
  }

  /** Asked before the JUnit 5 plugin (whose priority is the default). */
  @Override
  public int priority() {
    return DEFAULT_PRIORITY - 1;
  }

  @Override
  public TestUnitFinder testUnitFinder() {
    TestUnitFinder delegate = junit5.testUnitFinder();
    return (testClass, listener) -> find(delegate, testClass, listener);
  }

  private List<TestUnit> find(
      TestUnitFinder delegate, Class<?> testClass, TestUnitExecutionListener listener) {
    if (listener instanceof NullExecutionListener) {
      // A mutation minion: no one needs the tests run to find them.
      return store
          .read(testClass)
          .map(
              ids -> ids.stream().<TestUnit>map(id -> new UniqueIdTestUnit(testClass, id)).toList())
          .orElse(List.of());
    }
    List<TestUnit> found = delegate.findTestUnits(testClass, listener);
    store.write(testClass, found.stream().map(unit -> unit.getDescription().getName()).toList());
    return found;
  }

  @Override
  public TestSuiteFinder testSuiteFinder() {
    return junit5.testSuiteFinder();
  }

  @Override
  public Optional<PitHelpError> verifyEnvironment() {
    return junit5.verifyEnvironment();
  }
}
