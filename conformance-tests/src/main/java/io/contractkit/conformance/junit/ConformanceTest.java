package io.contractkit.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link TestFactory} that gets a {@link ConformanceChecks} parameter and returns its {@link
 * ConformanceChecks#tests() tests()}: every check of the conformance suite as a test of its own.
 *
 * <pre>
 * &#64;ConformanceTest
 * Stream&lt;DynamicNode&gt; conformance(ConformanceChecks checks) {
 *   return checks.profile(Path.of("src/test/resources/conformance.yaml"))
 *       .baseUrl(server.baseUrl())
 *       .tests();
 * }
 * </pre>
 *
 * <p>The {@link ConformanceChecks} it gets carries the options of the JUnit configuration parameter
 * {@value ConformanceTestExtension#ARGS} (a system property, {@code junit-platform.properties} or
 * Surefire's {@code configurationParameters}): the jar's own options, which win over the code's,
 * such as {@code mvn test -Dcontractkit.conformance.args="--only LMS-AUTHTOKEN-ONE-TIME --seed 7"}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestFactory
@ExtendWith(ConformanceTestExtension.class)
public @interface ConformanceTest {}
