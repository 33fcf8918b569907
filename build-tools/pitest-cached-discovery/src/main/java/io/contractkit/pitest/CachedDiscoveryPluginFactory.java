package io.contractkit.pitest;

import java.util.Collection;
import org.pitest.classinfo.ClassByteArraySource;
import org.pitest.junit5.JUnit5TestPluginFactory;
import org.pitest.testapi.Configuration;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestPluginFactory;

/**
 * A pitest test plugin in front of pitest's JUnit 5 plugin that finds tests without running them
 * again in every mutation minion.
 *
 * <p>pitest's JUnit 5 plugin finds the tests of a class by running the class (that is how it
 * records which test covers what). That is right once, in the coverage run; but every mutation
 * minion finds its tests the same way, so each minion, and each new minion after a time-out, first
 * runs every test class that covers the mutated class in full, before it runs a single mutant. On
 * this project that run was most of the mutation gate's time.
 *
 * <p>This plugin lets the JUnit 5 plugin find (and run) the tests in the coverage run, and writes
 * the unique ids it found per test class to a folder ({@value IdStore#PROPERTY}). A mutation
 * minion, which asks with no one listening, reads the ids and runs each test by its unique id, as
 * the JUnit 5 plugin's own test units do; a class with no ids written falls through to the JUnit 5
 * plugin. The tests, the mutants and what kills them are the same: only the runs that served
 * discovery go.
 */
public final class CachedDiscoveryPluginFactory implements TestPluginFactory {
  private final JUnit5TestPluginFactory junit5 = new JUnit5TestPluginFactory();

  @Override
  public Configuration createTestFrameworkConfiguration(
      TestGroupConfig config,
      ClassByteArraySource source,
      Collection<String> excludedRunners,
      Collection<String> includedTestMethods) {
    Configuration delegate =
        junit5.createTestFrameworkConfiguration(
            config, source, excludedRunners, includedTestMethods);
    return new CachedDiscoveryConfiguration(delegate, IdStore.fromSystemProperty());
  }

  @Override
  public String name() {
    return "junit5-cached-discovery";
  }

  @Override
  public String description() {
    return "JUnit 5 tests found once in the coverage run, by unique id in the mutation minions";
  }
}
