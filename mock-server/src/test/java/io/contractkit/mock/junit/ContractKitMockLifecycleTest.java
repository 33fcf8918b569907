package io.contractkit.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.contractkit.mock.client.MockAdmin;
import io.contractkit.mock.client.MockAdminException;
import io.contractkit.mock.lms.Channel;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The extension's lifecycle, seen from outside: sample test classes run through JUnit's own engine
 * (EngineTestKit) record the mocks they were given; afterwards, these tests check what was started,
 * shared, reset and stopped, and how a class with bad options fails.
 */
class ContractKitMockLifecycleTest {
  /** The configuration parameter that enables the samples: they run only inside these tests. */
  static final String SAMPLES = "contractkit.samples";

  /** The mocks the samples were given, in the order they ran. */
  static final List<MockRuntimeInfo> SEEN = new CopyOnWriteArrayList<>();

  private static EngineExecutionResults run(Class<?> sample) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(SAMPLES, "true")
        .selectors(selectClass(sample))
        .execute();
  }

  private static void assertAllPassed(EngineExecutionResults results, int tests) {
    assertThat(failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
  }

  private static List<String> failures(EngineExecutionResults results) {
    return results
        .allEvents()
        .failed()
        .map(
            event ->
                event
                    .getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable)
                    .map(Throwable::getMessage)
                    .orElse("failed without a message"))
        .toList();
  }

  private static void assertStopped(MockRuntimeInfo mock) {
    assertThatThrownBy(() -> MockAdmin.connect(mock.baseUri()).health())
        .isInstanceOfSatisfying(MockAdminException.class, e -> assertThat(e.status()).isZero());
  }

  /** Runs a sample only inside {@link ContractKitMockLifecycleTest}: on its own it is skipped. */
  static final class OnlyAsSample implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(SAMPLES).isPresent()
          ? ConditionEvaluationResult.enabled("run by ContractKitMockLifecycleTest")
          : ConditionEvaluationResult.disabled("a sample that ContractKitMockLifecycleTest runs");
    }
  }

  // --- one mock per class ----------------------------------------------------------------------

  @ExtendWith(OnlyAsSample.class)
  @ContractKitMock
  static class TwoTests {
    @Test
    void first(MockRuntimeInfo mock, TestInfo otherParameter) {
      assertThat(otherParameter.getDisplayName()).isEqualTo("first(MockRuntimeInfo, TestInfo)");
      SEEN.add(mock);
    }

    @Test
    void second(MockRuntimeInfo mock) {
      SEEN.add(mock);
    }
  }

  @Test
  void aClassMockServesEveryTestOfTheClassAndIsStoppedAfterIt() {
    assertAllPassed(run(TwoTests.class), 2);

    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(1)).isSameAs(SEEN.get(0));
    assertStopped(SEEN.get(0));
  }

  @ExtendWith(OnlyAsSample.class)
  @ContractKitMock
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StateChangingTests {
    @Test
    @Order(1)
    void usesASeededTokenAndSendsOne(MockRuntimeInfo mock, MockAdmin admin) throws IOException {
      assertThat(release(mock)).contains("Jürgen Weiß");
      admin.sendAuthToken(Fixture.LEAD, Channel.SMS, "web");
    }

    @Test
    @Order(2)
    void findsTheStateOfAFreshStart(MockRuntimeInfo mock, MockAdmin admin) throws IOException {
      assertThat(admin.journal().requests()).isEmpty();
      assertThat(admin.outbox()).isEmpty();
      assertThat(release(mock)).contains("Jürgen Weiß");
    }

    private static String release(MockRuntimeInfo mock) throws IOException {
      return RawHttp.get(
              mock.port(),
              "/lms/leads/bytoken/contact?accessToken="
                  + Fixture.LEAD
                  + "&authToken="
                  + Fixture.LEAD_TOKEN
                  + "&source=web")
          .body();
    }
  }

  @Test
  void eachTestStartsOnTheStateOfAFreshStartWithAnEmptyJournal() {
    assertAllPassed(run(StateChangingTests.class), 2);
  }

  // --- nested classes --------------------------------------------------------------------------

  @ExtendWith(OnlyAsSample.class)
  @ContractKitMock
  static class Outer {
    @Test
    void outer(MockRuntimeInfo mock) {
      SEEN.add(mock);
    }

    @Nested
    class Inner {
      @Test
      void inner(MockRuntimeInfo mock) {
        SEEN.add(mock);
      }
    }

    @Nested
    @ContractKitMock(throttleMaxFailures = 1)
    class InnerWithOptions {
      @Test
      void innerWithOptions(MockRuntimeInfo mock) {
        SEEN.add(mock);
      }
    }
  }

  @Test
  void nestedClassesUseTheEnclosingMockUnlessTheyHaveOptionsOfTheirOwn() {
    assertAllPassed(run(Outer.class), 3);

    assertThat(SEEN).hasSize(3);
    MockRuntimeInfo outer =
        SEEN.stream()
            .filter(m -> m.config().throttle().maxFailures() == 10)
            .findFirst()
            .orElseThrow();
    assertThat(SEEN).filteredOn(m -> m == outer).hasSize(2);
    MockRuntimeInfo own = SEEN.stream().filter(m -> m != outer).findFirst().orElseThrow();
    assertThat(own.config().throttle().maxFailures()).isEqualTo(1);
    assertThat(own.port()).isNotEqualTo(outer.port());
    assertStopped(outer);
    assertStopped(own);
  }

  // --- a mock per test -------------------------------------------------------------------------

  @ExtendWith(OnlyAsSample.class)
  static class InstanceField {
    @RegisterExtension
    final ContractKitMockExtension mock =
        ContractKitMockExtension.newInstance()
            .options(
                ContractKitMockExtension.defaultOptions().withAuthTokenTtl(Duration.ofMinutes(4)))
            .build();

    @Test
    void first(MockRuntimeInfo info) {
      assertThat(mock.runtimeInfo()).isSameAs(info);
      SEEN.add(info);
    }

    @Test
    void second(MockRuntimeInfo info) {
      SEEN.add(info);
    }
  }

  @Test
  void anInstanceFieldGivesEachTestAMockOfItsOwnStoppedAfterIt() {
    assertAllPassed(run(InstanceField.class), 2);

    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(1)).isNotSameAs(SEEN.get(0));
    assertThat(SEEN.get(0).config().authTokenTtl()).isEqualTo(Duration.ofMinutes(4));
    assertStopped(SEEN.get(0));
    assertStopped(SEEN.get(1));
  }

  // --- options ---------------------------------------------------------------------------------

  static final Path ONE_CONTACT = Path.of("target", "extension-fixtures", "one-contact");

  @ExtendWith(OnlyAsSample.class)
  @ContractKitMock(fixtures = "target/extension-fixtures/one-contact")
  static class OwnFixtures {
    @Test
    void health(MockAdmin admin, MockRuntimeInfo mock) {
      SEEN.add(mock);
      assertThat(admin.health().contacts()).isEqualTo(1);
    }
  }

  @Test
  void theFixturesFolderOfTheAnnotationIsServed() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    Files.createDirectories(ONE_CONTACT);
    Path bundled = Path.of("..", "fixtures");
    ObjectNode contacts = (ObjectNode) json.readTree(bundled.resolve("contacts.json").toFile());
    ArrayNode list = (ArrayNode) contacts.get("contacts");
    while (list.size() > 1) {
      list.remove(list.size() - 1);
    }
    json.writeValue(ONE_CONTACT.resolve("contacts.json").toFile(), contacts);
    Files.copy(
        bundled.resolve("leads.json"),
        ONE_CONTACT.resolve("leads.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertAllPassed(run(OwnFixtures.class), 1);
    assertThat(SEEN.get(0).config().fixtures()).isEqualTo(ONE_CONTACT);
  }

  @ExtendWith(OnlyAsSample.class)
  @ContractKitMock(throttleWindow = "soon")
  static class BadWindow {
    @Test
    void never() {}
  }

  @Test
  void aValueTheJarRefusesFailsTheClassWithTheJarsMessage() {
    EngineExecutionResults results = run(BadWindow.class);

    assertThat(failures(results))
        .containsExactly(
            "@ContractKitMock on "
                + BadWindow.class.getName()
                + ": Invalid value for option '--throttle-window': 'soon' is not a duration (use"
                + " e.g. 250ms, 60s, 5m, 1h or PT5M)");
    results.testEvents().assertStatistics(stats -> stats.started(0));
  }

  @ExtendWith(OnlyAsSample.class)
  @ContractKitMock(fixtures = "target/no-such-fixtures")
  static class MissingFixtures {
    @Test
    void never() {}
  }

  @Test
  void aMockThatCannotStartFailsTheClassSayingWhy() {
    List<String> failures = failures(run(MissingFixtures.class));

    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).startsWith("the mock cannot start: ").contains("no-such-fixtures");
  }

  static final ContractKitMockExtension BUILT =
      ContractKitMockExtension.newInstance()
          .options(
              ContractKitMockExtension.defaultOptions()
                  .withAuthTokenTtl(Duration.ofMinutes(3))
                  .withAdminToken("built-in-code"))
          .build();

  @ExtendWith(OnlyAsSample.class)
  static class BuiltInCode {
    @RegisterExtension static final ContractKitMockExtension mock = BUILT;

    @Test
    void test(MockRuntimeInfo info, MockAdmin admin) {
      SEEN.add(info);
      assertThat(mock.runtimeInfo()).isSameAs(info);
      assertThat(mock.admin()).isSameAs(admin).isSameAs(info.admin());
      assertThat(mock.baseUrl()).isEqualTo("http://127.0.0.1:" + mock.port());
      assertThat(info.url("/__admin/health")).isEqualTo(mock.baseUrl() + "/__admin/health");
      assertThat(admin.outbox()).isEmpty(); // with the admin token
    }
  }

  @Test
  void optionsBuiltInCodeAreUsedAsGiven() {
    assertAllPassed(run(BuiltInCode.class), 1);

    MockRuntimeInfo info = SEEN.get(0);
    assertThat(info.config())
        .isEqualTo(
            ContractKitMockExtension.defaultOptions()
                .withAuthTokenTtl(Duration.ofMinutes(3))
                .withAdminToken("built-in-code")
                .withPort(info.port()));
    assertThat(info.port()).isPositive();
    assertStopped(info);
  }

  @ExtendWith(OnlyAsSample.class)
  @ExtendWith(ContractKitMockExtension.class)
  static class WithoutAnnotation {
    @Test
    void test(MockRuntimeInfo info) {
      SEEN.add(info);
    }
  }

  @Test
  void registeredWithoutTheAnnotationTheDefaultOptionsApply() {
    assertAllPassed(run(WithoutAnnotation.class), 1);

    MockRuntimeInfo info = SEEN.get(0);
    assertThat(info.config())
        .isEqualTo(ContractKitMockExtension.defaultOptions().withPort(info.port()));
  }

  @Test
  void anExtensionThatHasNotStartedHasNoRuntimeInfo() {
    ContractKitMockExtension extension = ContractKitMockExtension.newInstance().build();

    assertThatThrownBy(extension::runtimeInfo)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has not started");
    assertThatThrownBy(extension::baseUrl).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theBuilderRefusesNoOptions() {
    assertThatThrownBy(() -> ContractKitMockExtension.newInstance().options(null))
        .isInstanceOf(NullPointerException.class);
  }
}
