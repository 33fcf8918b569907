package io.contractkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.AuthTokenSource.AuthTokenUnavailable;
import org.junit.jupiter.api.Test;

/** A function from code as the suite's source of fresh authTokens. */
class AuthTokensInCodeTest {

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
