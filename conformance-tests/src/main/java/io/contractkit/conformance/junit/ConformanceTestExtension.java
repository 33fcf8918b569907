package io.contractkit.conformance.junit;

import io.contractkit.conformance.RunArguments;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a {@link ConformanceTest} method its {@link ConformanceChecks}, with the options of the
 * configuration parameter {@value #ARGS}, read by the jar's parser.
 */
public final class ConformanceTestExtension implements ParameterResolver {
  /** The configuration parameter with the jar's options for a test run. */
  public static final String ARGS = "contractkit.conformance.args";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ConformanceChecks.class;
  }

  @Override
  public ConformanceChecks resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String args = context.getConfigurationParameter(ARGS).orElse("");
    try {
      return new ConformanceChecks(RunArguments.parse(args));
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException(
          "the configuration parameter " + ARGS + " (\"" + args + "\"): " + e.getMessage(), e);
    }
  }
}
