package io.contractkit.mock.junit;

import io.contractkit.mock.Main;
import io.contractkit.mock.MockConfig;
import io.contractkit.mock.MockServer;
import io.contractkit.mock.client.MockAdmin;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The mock inside JUnit 5 tests: started in-process on a free port, reset before each test, stopped
 * after its tests; {@link MockRuntimeInfo} and {@link MockAdmin} parameters are injected. Declared
 * with {@link ContractKitMock} on the class, or registered with options built in code:
 *
 * <pre>
 * &#64;RegisterExtension
 * static ContractKitMockExtension mock =
 *     ContractKitMockExtension.newInstance()
 *         .options(ContractKitMockExtension.defaultOptions().withThrottle(policy))
 *         .build();
 * ... mock.baseUrl() ... mock.admin().outbox(accessToken) ...
 * </pre>
 *
 * <p>On a static field (or with the annotation) one mock serves every test of the class and of its
 * {@code @Nested} classes; on an instance field each test gets a mock of its own. The options are
 * the {@link MockConfig} the command line builds ({@link #defaultOptions()}: the jar's defaults on
 * a free port, without the request log).
 */
public final class ContractKitMockExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(ContractKitMockExtension.class);

  /** The key of the mock of a class tree without any {@link ContractKitMock}. */
  private static final Object UNANNOTATED = new Object();

  /** The options built in code; null when they come from {@link ContractKitMock}. */
  private final MockConfig options;

  /** The mock this extension served last, for {@link #runtimeInfo()}. */
  private volatile Running current;

  /** For {@link ContractKitMock}: the options come from the nearest annotation. */
  public ContractKitMockExtension() {
    this.options = null;
  }

  private ContractKitMockExtension(MockConfig options) {
    this.options = options;
  }

  public static Builder newInstance() {
    return new Builder();
  }

  /** The jar's defaults on a free port ({@code --port 0}) without the request log. */
  public static MockConfig defaultOptions() {
    return MockConfig.defaults().withPort(0).withRequestLog(false);
  }

  /** Builds a {@link ContractKitMockExtension} for {@code @RegisterExtension}. */
  public static final class Builder {
    private MockConfig options = defaultOptions();

    private Builder() {}

    /** The options the mock starts with, as given (port 0 for a free one). */
    public Builder options(MockConfig config) {
      this.options = Objects.requireNonNull(config, "options");
      return this;
    }

    public ContractKitMockExtension build() {
      return new ContractKitMockExtension(options);
    }
  }

  /** The mock this extension started, once it has started. */
  public MockRuntimeInfo runtimeInfo() {
    Running running = current;
    if (running == null) {
      throw new IllegalStateException(
          "the mock has not started yet: on a static @RegisterExtension field it starts before"
              + " the class's tests, on an instance field before each test");
    }
    return running.info;
  }

  /** {@code http://127.0.0.1:PORT} of the started mock. */
  public String baseUrl() {
    return runtimeInfo().baseUrl();
  }

  /** The port of the started mock. */
  public int port() {
    return runtimeInfo().port();
  }

  /** The admin client of the started mock. */
  public MockAdmin admin() {
    return runtimeInfo().admin();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  /**
   * Resets the mock in-process, with the call {@code POST /__admin/reset} makes: the test starts on
   * the state of a fresh start, with an empty journal (a reset over HTTP would be its first entry).
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    running(context).server.state().reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopOwn(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopOwn(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MockRuntimeInfo.class || type == MockAdmin.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MockRuntimeInfo info = running(context).info;
    return parameter.getParameter().getType() == MockAdmin.class ? info.admin() : info;
  }

  /**
   * The mock for this context: the one an enclosing context started (a store finds its parents'
   * values), or a new one started here, stopped when this context ends.
   */
  private Running running(ExtensionContext context) {
    Object key = key(context);
    Store store = context.getStore(NAMESPACE);
    Running running = store.get(key, Running.class);
    if (running == null) {
      // Reading the options already needs Jackson 3, and starting needs Jetty 12
      running = ClasspathClash.explained(() -> Running.start(config(key)));
      store.put(key, running);
    }
    current = running;
    return running;
  }

  /** Stops the mock this context started, if it started one (the store removes only its own). */
  private void stopOwn(ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).remove(key(context), Running.class);
    if (running != null) {
      running.server.close();
    }
  }

  /**
   * Which mock a context uses: this extension's for options built in code; otherwise the one of the
   * nearest class (the test class, then its enclosing classes) with a {@link ContractKitMock}.
   */
  private Object key(ExtensionContext context) {
    if (options != null) {
      return this;
    }
    for (Class<?> type = context.getTestClass().orElse(null);
        type != null;
        type = type.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(type, ContractKitMock.class)) {
        return type;
      }
    }
    return UNANNOTATED;
  }

  private MockConfig config(Object key) {
    if (options != null) {
      return options;
    }
    if (!(key instanceof Class<?> annotated)) {
      return defaultOptions();
    }
    Optional<ContractKitMock> annotation =
        AnnotationSupport.findAnnotation(annotated, ContractKitMock.class);
    try {
      return Main.configFrom(AnnotationFlags.of(annotation.orElseThrow()));
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(
          "@ContractKitMock on " + annotated.getName() + ": " + e.getMessage(), e);
    }
  }

  /** A started mock and what tests get of it. */
  private static final class Running {
    final MockServer server;
    final MockRuntimeInfo info;

    private Running(MockServer server, MockRuntimeInfo info) {
      this.server = server;
      this.info = info;
    }

    static Running start(MockConfig config) {
      MockServer server;
      try {
        server = MockServer.start(config);
      } catch (RuntimeException e) {
        throw new ExtensionConfigurationException("the mock cannot start: " + e.getMessage(), e);
      }
      MockAdmin admin = MockAdmin.connect(server.baseUri());
      if (config.adminToken() != null) {
        admin = admin.withAdminToken(config.adminToken());
      }
      return new Running(
          server, new MockRuntimeInfo(server.baseUri(), admin, config.withPort(server.port())));
    }
  }
}
