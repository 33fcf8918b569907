package io.contractkit.pitest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pitest.help.PitHelpError;
import org.pitest.testapi.Configuration;
import org.pitest.testapi.NullExecutionListener;
import org.pitest.testapi.TestSuiteFinder;
import org.pitest.testapi.TestUnit;
import org.pitest.testapi.TestUnitExecutionListener;
import org.pitest.testapi.TestUnitFinder;
import org.pitest.testapi.execute.containers.ConcreteResultCollector;

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
      List<TestUnit> units =
          store
              .read(testClass)
              .map(
                  ids ->
                      ids.stream()
                          .<TestUnit>map(id -> new UniqueIdTestUnit(testClass, id))
                          .toList())
              .orElse(List.of());
      warmUp(units);
      return units;
    }
    List<TestUnit> found = delegate.findTestUnits(testClass, listener);
    store.write(testClass, found.stream().map(unit -> unit.getDescription().getName()).toList());
    return found;
  }

  /** Whether this minion has run its warm-up. */
  private static boolean warm;

  /**
   * Runs one test once, before the minion's first mutant, unmutated, its result unused: the first
   * test of the first class that has any. In a fresh minion JVM the first test pays for loading
   * Jetty, Javalin, Jackson and the schemas inside its time limit; on a busy machine it timed out,
   * the mutant was counted killed, and the minion that replaced it started cold again, so whole
   * classes' mutants "timed out" (mock-server: 469 of 2,293). Warming every test class instead (its
   * first test) measured slower: some classes' first test is a whole suite run.
   */
  private static void warmUp(List<TestUnit> units) {
    if (!warm && !units.isEmpty()) {
      warm = true;
      units.get(0).execute(new ConcreteResultCollector(new ArrayList<>()));
    }
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
