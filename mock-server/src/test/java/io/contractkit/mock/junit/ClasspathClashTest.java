package io.contractkit.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the extension says when another dependency replaced one of the mock's libraries. */
class ClasspathClashTest {
  private static final LinkageError JETTY_11 =
      new NoClassDefFoundError("org/eclipse/jetty/server/Request$Handler");

  @Test
  void anOldJettyIsNamedWithTheWireMockArtifactThatAvoidsIt() {
    assertThat(ClasspathClash.explain(JETTY_11, "11.0.26", "2.22"))
        .isEqualTo(
            "the mock cannot run on this test classpath (java.lang.NoClassDefFoundError:"
                + " org/eclipse/jetty/server/Request$Handler): Maven keeps one version of each"
                + " library, and another dependency's older one replaced the mock's. The mock"
                + " needs Jetty 12.1, this classpath has Jetty 11.0.26 (org.wiremock:wiremock"
                + " brings Jetty 11, org.wiremock:wiremock-jetty12 Jetty 12.0: use"
                + " org.wiremock:wiremock-standalone, whose Jetty is relocated, or pin Jetty to"
                + " the mock's with org.eclipse.jetty:jetty-bom and"
                + " org.eclipse.jetty.ee10:jetty-ee10-bom). 'mvn dependency:tree' shows which"
                + " dependency brings which version.");
  }

  @Test
  void oldJacksonAnnotationsAreNamedWithTheVersionToPin() {
    assertThat(ClasspathClash.explain(JETTY_11, "12.1.12", "2.20"))
        .isEqualTo(
            "the mock cannot run on this test classpath (java.lang.NoClassDefFoundError:"
                + " org/eclipse/jetty/server/Request$Handler): Maven keeps one version of each"
                + " library, and another dependency's older one replaced the mock's. The mock's"
                + " Jackson 3 needs com.fasterxml.jackson.core:jackson-annotations 2.22 or newer,"
                + " this classpath has 2.20 (pin 2.22 in <dependencyManagement>; Jackson 2 works"
                + " with it). 'mvn dependency:tree' shows which dependency brings which version.");
  }

  @Test
  void bothAreNamedWhenBothAreOld() {
    assertThat(ClasspathClash.explain(JETTY_11, "11.0.26", "2.20"))
        .contains("Jetty 11.0.26")
        .contains("this classpath has 2.20");
  }

  @Test
  void currentLibrariesLeaveTheErrorToSpeakForItself() {
    assertThat(ClasspathClash.explain(JETTY_11, "12.1.12", "2.22"))
        .isEqualTo(
            "the mock cannot run on this test classpath (java.lang.NoClassDefFoundError:"
                + " org/eclipse/jetty/server/Request$Handler). 'mvn dependency:tree' shows which"
                + " dependency brings which version.");
  }

  @Test
  void aLinkageErrorWhileStartingFailsTheClassWithTheExplanation() {
    assertThatThrownBy(
            () ->
                ClasspathClash.explained(
                    () -> {
                      throw JETTY_11;
                    }))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("the mock cannot run on this test classpath")
        .hasCause(JETTY_11);
  }

  @Test
  void whatStartsIsPassedOn() {
    assertThat(ClasspathClash.explained(() -> "started")).isEqualTo("started");
  }

  @ParameterizedTest
  @CsvSource({
    "11.0.26, 12.1, true",
    "12.0.30, 12.1, true",
    "12.1.0, 12.1, false",
    "12.1.12, 12.1, false",
    "13.0.0, 12.1, false",
    "2.9, 2.22, true",
    "2.21, 2.22, true",
    "2.22, 2.22, false",
    "2.22.1-SNAPSHOT, 2.22, false",
    "3, 2.22, false",
    "2, 2.22, true",
    "unknown, 12.1, false",
  })
  void versionsCompareByMajorAndMinor(String version, String needed, boolean older) {
    assertThat(ClasspathClash.olderThan(version, needed)).isEqualTo(older);
  }

  @Test
  void anUnknownVersionIsNotOlder() {
    assertThat(ClasspathClash.olderThan(null, "12.1")).isFalse();
  }

  /** Fails when the mock's Jetty or Jackson is upgraded: then the needed versions move too. */
  @Test
  void theNeededVersionsAreThoseOfTheMocksOwnClasspath() {
    assertThat(ClasspathClash.jettyVersion()).startsWith(ClasspathClash.JETTY_NEEDED + ".");
    assertThat(ClasspathClash.annotationsVersion()).isEqualTo(ClasspathClash.ANNOTATIONS_NEEDED);
    assertThat(ClasspathClash.explain(JETTY_11)).doesNotContain("Maven keeps one version");
  }
}
