package io.contractkit.mock.junit;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Why the mock cannot run on a test classpath where another dependency replaced one of its
 * libraries with an older version: Maven keeps one version of each library (the nearest), so {@code
 * org.wiremock:wiremock} brings Jetty 11 in place of the mock's Jetty 12, and an older Jackson 2
 * brings a {@code jackson-annotations} that the mock's Jackson 3 is too new for (both Jacksons
 * share that one artifact). Without this, the test fails with a bare {@link NoClassDefFoundError}.
 */
final class ClasspathClash {
  /** The Jetty the mock is built on (Javalin's); {@code ClasspathClashTest} keeps it current. */
  static final String JETTY_NEEDED = "12.1";

  /**
   * The jackson-annotations the mock's Jackson 3 names; {@code ClasspathClashTest} keeps it
   * current.
   */
  static final String ANNOTATIONS_NEEDED = "2.22";

  private ClasspathClash() {}

  /** What {@code start} gives; a {@link LinkageError} becomes a failure that says what to do. */
  static <T> T explained(Supplier<T> start) {
    try {
      return start.get();
    } catch (LinkageError e) {
      throw new ExtensionConfigurationException(explain(e), e);
    }
  }

  static String explain(LinkageError error) {
    return explain(error, jettyVersion(), annotationsVersion());
  }

  static String explain(LinkageError error, String jetty, String annotations) {
    StringBuilder message =
        new StringBuilder("the mock cannot run on this test classpath (").append(error).append(')');
    boolean oldJetty = olderThan(jetty, JETTY_NEEDED);
    boolean oldAnnotations = olderThan(annotations, ANNOTATIONS_NEEDED);
    if (oldJetty || oldAnnotations) {
      message.append(
          ": Maven keeps one version of each library, and another dependency's older one replaced"
              + " the mock's.");
    } else {
      message.append('.');
    }
    if (oldJetty) {
      message
          .append(" The mock needs Jetty ")
          .append(JETTY_NEEDED)
          .append(", this classpath has Jetty ")
          .append(jetty)
          .append(
              " (org.wiremock:wiremock brings Jetty 11, org.wiremock:wiremock-jetty12 Jetty 12.0:"
                  + " use org.wiremock:wiremock-standalone, whose Jetty is relocated, or pin"
                  + " Jetty to the mock's with org.eclipse.jetty:jetty-bom and"
                  + " org.eclipse.jetty.ee10:jetty-ee10-bom).");
    }
    if (oldAnnotations) {
      message
          .append(" The mock's Jackson 3 needs com.fasterxml.jackson.core:jackson-annotations ")
          .append(ANNOTATIONS_NEEDED)
          .append(" or newer, this classpath has ")
          .append(annotations)
          .append(" (pin ")
          .append(ANNOTATIONS_NEEDED)
          .append(" in <dependencyManagement>; Jackson 2 works with it).");
    }
    return message
        .append(" 'mvn dependency:tree' shows which dependency brings which version.")
        .toString();
  }

  /** Whether {@code version} is older than {@code needed} by major and minor; unknown is not. */
  static boolean olderThan(String version, String needed) {
    int[] have = majorMinor(version);
    int[] want = majorMinor(needed);
    if (have == null) {
      return false;
    }
    return have[0] != want[0] ? have[0] < want[0] : have[1] < want[1];
  }

  private static int[] majorMinor(String version) {
    if (version == null) {
      return null;
    }
    String[] parts = version.split("[.-]");
    try {
      return new int[] {
        Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String jettyVersion() {
    try {
      return String.valueOf(
          Class.forName("org.eclipse.jetty.util.Jetty").getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  static String annotationsVersion() {
    try {
      return Class.forName("com.fasterxml.jackson.annotation.JsonProperty")
          .getPackage()
          .getImplementationVersion();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
