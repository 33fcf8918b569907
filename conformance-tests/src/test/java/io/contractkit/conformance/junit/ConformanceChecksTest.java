package io.contractkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.AuthTokenSource.AuthTokenUnavailable;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.profile.ProfileException;
import io.contractkit.conformance.run.TargetUnreachable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link ConformanceChecks} decides before a run: which profile it uses, and a function from
 * code as the source of fresh authTokens.
 */
class ConformanceChecksTest {
  private static final Profile UNREACHABLE =
      new Profile(
          "unreachable",
          null,
          null,
          new Profile.Contacts("http://127.0.0.1:9", List.of(), null),
          null);

  @Test
  void theProfileGivenLastIsTheOneUsed() {
    assertThatThrownBy(
            () ->
                ConformanceChecks.create()
                    .profile(Path.of("no-such.yaml"))
                    .profile(UNREACHABLE)
                    .tests())
        .isInstanceOf(TargetUnreachable.class);
    assertThatThrownBy(
            () ->
                ConformanceChecks.create()
                    .profile(UNREACHABLE)
                    .profile(Path.of("no-such.yaml"))
                    .tests())
        .isInstanceOf(ProfileException.class)
        .hasMessage("profile no-such.yaml not found");
  }

  @Test
  void theFunctionsAnswerIsTheFreshAuthTokenOfTheLeadItWasAskedFor() {
    AuthTokenSource source = ConformanceChecks.inCode(lead -> "code-for-" + lead);

    assertThat(source.fresh("lead-1")).isEqualTo("code-for-lead-1");
  }

  @Test
  void noAnswerAnEmptyOneOrAnExceptionMeansNoneCanBeHadNamingTheLead() {
    assertThatThrownBy(() -> ConformanceChecks.inCode(lead -> null).fresh("lead-1"))
        .isInstanceOf(AuthTokenUnavailable.class)
        .hasMessage("the authToken source in code gave no authToken for lead lead-1");
    assertThatThrownBy(() -> ConformanceChecks.inCode(lead -> "").fresh("lead-2"))
        .isInstanceOf(AuthTokenUnavailable.class)
        .hasMessage("the authToken source in code gave no authToken for lead lead-2");
    assertThatThrownBy(
            () ->
                ConformanceChecks.inCode(
                        lead -> {
                          throw new IllegalStateException("outbox empty");
                        })
                    .fresh("lead-3"))
        .isInstanceOf(AuthTokenUnavailable.class)
        .hasMessage(
            "the authToken source in code threw java.lang.IllegalStateException: outbox empty for"
                + " lead lead-3");
  }
}
