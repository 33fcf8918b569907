package io.contractkit.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the mock in-process on a free port before the class's tests, resets it before each test
 * and stops it after them; test and lifecycle methods get it as a {@link MockRuntimeInfo} or {@link
 * io.contractkit.mock.client.MockAdmin} parameter.
 *
 * <pre>
 * &#64;ContractKitMock(throttleMaxFailures = 3, tokenTtl = "2m")
 * class LeadFormTest {
 *   &#64;Test
 *   void showsTheContact(MockRuntimeInfo mock, MockAdmin admin) { ... mock.baseUrl() ... }
 * }
 * </pre>
 *
 * <p>The attributes are the jar's command-line flags, read by the same parser into the same {@code
 * MockConfig}: a value the jar refuses fails the class with the jar's message. Unset attributes
 * keep the jar's defaults (or the config file's values, with {@link #config}), except {@link #port}
 * (0: a free one) and {@link #requestLog} (off), which are always given, as flags, and so win over
 * the config file. Paths are relative to the working directory (the module's folder under Maven).
 *
 * <p>{@code @Nested} classes use the mock of their enclosing class, unless they carry an annotation
 * of their own. For the same options built in code, register {@link ContractKitMockExtension} with
 * {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ContractKitMockExtension.class)
public @interface ContractKitMock {
  /** {@code --fixtures}: a folder with contacts.json and leads.json; empty for the bundled ones. */
  String fixtures() default "";

  /**
   * {@code --throttle-max-failures}: failed lookups per ip that block it; 0 for the default, 10.
   */
  int throttleMaxFailures() default 0;

  /** {@code --throttle-window}: window in which failures count ({@code 60s}); empty for 60s. */
  String throttleWindow() default "";

  /** {@code --throttle-block}: how long a blocked ip stays blocked; empty for 300s. */
  String throttleBlock() default "";

  /** {@code --token-ttl}: lifetime of a sent or minted authToken; empty for 15m. */
  String tokenTtl() default "";

  /**
   * {@code --admin-token}: the bearer token the admin API requires; empty for none. The injected
   * {@link io.contractkit.mock.client.MockAdmin} sends it.
   */
  String adminToken() default "";

  /** {@code --port}: 0 (the default) for a free one. */
  int port() default 0;

  /** {@code --[no-]request-log}: one log line per request on standard error; off by default. */
  boolean requestLog() default false;

  /** {@code --config}: a YAML or JSON config file, as the jar reads it; empty for none. */
  String config() default "";

  /**
   * Further flags, as on the command line: {@code {"--redact", "--cors-origin", "http://x.test"}}.
   */
  String[] args() default {};
}
