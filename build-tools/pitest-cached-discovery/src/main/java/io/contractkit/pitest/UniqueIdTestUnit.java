package io.contractkit.pitest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.pitest.testapi.AbstractTestUnit;
import org.pitest.testapi.Description;
import org.pitest.testapi.ResultCollector;

/**
 * One JUnit 5 test, run by its unique id, reporting to pitest as the JUnit 5 plugin's own test
 * units do (an aborted test is not a failure; a failing container fails the run).
 */
final class UniqueIdTestUnit extends AbstractTestUnit {
  private static final class Holder {
    static final Launcher LAUNCHER = LauncherFactory.create();
  }

  private final Class<?> testClass;

  UniqueIdTestUnit(Class<?> testClass, String uniqueId) {
    super(new Description(uniqueId, testClass));
    this.testClass = testClass;
  }

  @Override
  public void execute(ResultCollector collector) {
    Holder.LAUNCHER.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectUniqueId(getDescription().getName()))
            .build(),
        new Reporter(collector));
  }

  private final class Reporter implements TestExecutionListener {
    private final ResultCollector collector;

    Reporter(ResultCollector collector) {
      this.collector = collector;
    }

    private Description of(TestIdentifier id) {
      return new Description(id.getUniqueId(), testClass);
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      if (id.isTest()) {
        collector.notifySkipped(of(id));
      }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      if (id.isTest()) {
        collector.notifyStart(of(id));
      }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      Optional<Throwable> thrown = result.getThrowable();
      if (id.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
        collector.notifyEnd(of(id));
      } else if (thrown.isPresent()) {
        collector.notifyEnd(of(id), thrown.get());
      } else if (id.isTest()) {
        collector.notifyEnd(of(id));
      }
    }
  }
}
