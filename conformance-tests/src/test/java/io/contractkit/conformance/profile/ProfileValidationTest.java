package io.contractkit.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A profile that cannot work is refused before any request, with every problem named by its field;
 * the smallest allowed values are accepted.
 */
class ProfileValidationTest {

  private static Profile yaml(String text) {
    return ProfileLoader.parse(text, false, "p.yaml");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          http: {timeoutSeconds: 0}\\ncontacts: {}                                   | http.timeoutSeconds must be at least 1
          contacts: {secrets: [{secret: ''}]}                                      | contacts.secrets[0].secret is missing
          contacts: {secrets: [{secret: a}, {expected: {}}]}                       | contacts.secrets[1].secret is missing
          contacts: {throttle: {windowSeconds: 1, blockSeconds: 1}}                | contacts.throttle.maxFailures must be at least 1
          contacts: {throttle: {maxFailures: 0, windowSeconds: 1, blockSeconds: 1}} | contacts.throttle.maxFailures must be at least 1
          contacts: {throttle: {maxFailures: 1, windowSeconds: 1}}                 | contacts.throttle.blockSeconds must be at least 1
          contacts: {throttle: {maxFailures: 1, windowSeconds: 1, blockSeconds: 0}} | contacts.throttle.blockSeconds must be at least 1
          contacts: {throttle: {maxFailures: 1, blockSeconds: 1}}                  | contacts.throttle.windowSeconds must be at least 1
          contacts: {throttle: {maxFailures: 1, windowSeconds: 0, blockSeconds: 1}} | contacts.throttle.windowSeconds must be at least 1
          contacts: {baseUrl: 'ftp://host'}                                        | contacts.baseUrl must be an http or https URL
          contacts: {baseUrl: 'host:8080'}                                         | contacts.baseUrl must be an http or https URL
          contacts: {baseUrl: 'http://bad host'}                                   | contacts.baseUrl is not a valid URL
          lms: {baseUrl: 'file:///x'}                                              | lms.baseUrl must be an http or https URL
          lms: {leads: [{accessToken: ''}]}                                        | lms.leads[0].accessToken is missing
          lms: {leads: [{accessToken: a}, {}]}                                     | lms.leads[1].accessToken is missing
          lms: {concurrency: 1}                                                    | lms.concurrency must be at least 2
          lms: {authTokens: {http: {method: POST}}}                                | lms.authTokens.http.url is missing
          lms: {authTokens: {http: {url: '  '}}}                                   | lms.authTokens.http.url is missing
          lms: {authTokens: {command: []}}                                         | lms.authTokens.command is empty
          lms: {authTokens: {staticTokens: {}, command: [echo]}}                   | exactly one of 'staticTokens', 'http', 'command'
          lms: {authTokens: {http: {url: 'http://h'}, command: [echo]}}            | exactly one of 'staticTokens', 'http', 'command'
          """)
  void eachUnusableFieldIsNamed(String text, String problem) {
    assertThatThrownBy(() -> yaml(text.replace("\\n", "\n")))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("profile p.yaml: ")
        .hasMessageContaining(problem);
  }

  @Test
  void everyProblemIsListedAtOnce() {
    assertThatThrownBy(() -> yaml("http: {timeoutSeconds: 0}\nlms: {concurrency: 0, leads: [{}]}"))
        .hasMessage(
            "profile p.yaml: http.timeoutSeconds must be at least 1; lms.leads[0].accessToken is"
                + " missing; lms.concurrency must be at least 2");
  }

  @Test
  void theSmallestAllowedValuesAreAccepted() {
    Profile p =
        yaml(
            """
            http: {timeoutSeconds: 1}
            contacts:
              baseUrl: 'https://h'
              throttle: {maxFailures: 1, windowSeconds: 1, blockSeconds: 1}
            lms:
              baseUrl: 'http://h'
              concurrency: 2
              authTokens: {http: {url: 'http://h/t'}}
            """);

    assertThat(p.http().timeoutSeconds()).isEqualTo(1);
    assertThat(p.lms().concurrency()).isEqualTo(2);
    assertThat(yaml("lms: {authTokens: {command: [echo, '1']}}").lms().authTokens().command())
        .containsExactly("echo", "1");
    assertThat(yaml("lms: {authTokens: {}}").lms().authTokens().staticTokens()).isNull();
  }

  @Test
  void defaultsFillWhatIsLeftOut() {
    Profile p = yaml("lms: {}");

    assertThat(p.name()).isNull();
    assertThat(p.http().timeoutSeconds()).isEqualTo(10);
    assertThat(p.http().headers()).isEmpty();
    assertThat(p.lms().source()).isEqualTo("conformance");
    assertThat(p.lms().concurrency()).isEqualTo(20);
    assertThat(p.lms().leads()).isEmpty();
  }

  @Test
  void anEmptyOrMalformedProfileIsRefusedWithWhere() {
    assertThatThrownBy(() -> ProfileLoader.parse("null", true, "p.json"))
        .isInstanceOf(ProfileException.class)
        .hasMessage("profile p.json is empty");
    assertThatThrownBy(() -> yaml("contacts: {throttle: {maxFailures: lots}}"))
        .isInstanceOf(ProfileException.class)
        .hasMessage(
            "profile p.yaml:1:36: contacts.throttle.maxFailures: expected a whole number, found"
                + " 'lots'");
    assertThatThrownBy(() -> yaml("lms: {baseUrl: 'http://h'\n"))
        .isInstanceOf(ProfileException.class)
        .hasMessage(
            "profile p.yaml:1:26: not valid YAML: expected ',' or '}', but got <stream end> (while"
                + " parsing a flow mapping that starts at 1:6)");
  }

  @Test
  void everyMisspelledKeyAndValueIsNamedAtOnceWithItsPlaceAndTheNearestValidOne() {
    assertThatThrownBy(
            () ->
                yaml(
                    """
                    mode: strikt
                    contacts:
                      baseUrl: http://h
                      throtle: {maxFailures: 1, windowSeconds: 1, blockSeconds: 1}
                    lms: {concurency: 4}
                    """))
        .isInstanceOf(ProfileException.class)
        .hasMessage(
            """
            profile p.yaml has 3 problems:
              p.yaml:1:7: mode: expected one of strict, lenient, found 'strikt' (did you mean \
            'strict'?)
              p.yaml:4:3: unknown key 'throtle' in contacts (did you mean 'throttle'?); valid keys \
            in contacts: baseUrl, secrets, throttle
              p.yaml:5:7: unknown key 'concurency' in lms (did you mean 'concurrency'?); valid \
            keys in lms: baseUrl, source, leads, expiredLead, concurrency, authTokens, \
            authTokenLifetimeSeconds""");
  }

  @Test
  void secondsWrittenInOtherDigitsThanAsciiAreNamed() {
    assertThatThrownBy(
            () ->
                yaml(
                    """
                    http: {timeoutSeconds: \uFF11\uFF10}
                    contacts:
                      baseUrl: http://h
                      throttle: {maxFailures: 5, windowSeconds: \u0666\u0660, blockSeconds: 300}
                    """))
        .isInstanceOf(ProfileException.class)
        .hasMessage(
            """
            profile p.yaml has 2 problems:
              p.yaml:1:24: http.timeoutSeconds: expected a whole number, found '\uFF11\uFF10'
              p.yaml:4:45: contacts.throttle.windowSeconds: expected a whole number, found \
            '\u0666\u0660'""");
  }

  @Test
  void aJsonProfileIsPlacedToo() {
    assertThatThrownBy(
            () -> ProfileLoader.parse("{\"lms\": {},\n \"nmae\": \"x\"}", true, "p.json"))
        .isInstanceOf(ProfileException.class)
        .hasMessage(
            "profile p.json:2:2: unknown key 'nmae' (did you mean 'name'?); valid keys at the top"
                + " level: name, mode, http, contacts, lms, clock");
  }

  @Test
  void aMissingFileOrFolderIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> ProfileLoader.load(dir.resolve("none.yaml")))
        .isInstanceOf(ProfileException.class)
        .hasMessage("profile " + dir.resolve("none.yaml") + " not found");
    assertThatThrownBy(() -> ProfileLoader.load(dir)).hasMessageEndingWith(" not found");
  }

  @Test
  void theExtensionDecidesJsonInAnyCase(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("P.JSON");
    Files.writeString(json, "name: y\nlms: {}\n");
    Path yaml = dir.resolve("p.yml");
    Files.writeString(yaml, "name: y\nlms: {}\n");

    assertThatThrownBy(() -> ProfileLoader.load(json))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("profile " + json + ":1:1: not valid JSON: ");
    assertThat(ProfileLoader.load(yaml).name()).isEqualTo("y");
  }
}
