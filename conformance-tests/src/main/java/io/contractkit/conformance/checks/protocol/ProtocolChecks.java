package io.contractkit.conformance.checks.protocol;

import io.contractkit.conformance.checks.Check;
import java.util.List;

/** The checks of this category, in the order they run. */
public final class ProtocolChecks {
  private ProtocolChecks() {}

  public static List<Check> all() {
    return List.of(
        new JsonByDefault(),
        new TextJsonWhenAsked(),
        new CacheControlNoStore(),
        new QueryNamesCaseInsensitive(),
        new OtherMethodsNotAllowed(),
        new RoutesCaseInsensitive(),
        new UnknownParametersIgnored());
  }
}
