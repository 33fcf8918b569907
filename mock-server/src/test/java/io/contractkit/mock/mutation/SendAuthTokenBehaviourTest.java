package io.contractkit.mock.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A token cannot be sent to an address the lead does not have; the answer says which one. */
class SendAuthTokenBehaviourTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  /** Lead 12 has an email address but no phone number. */
  private static final String LEAD_WITHOUT_PHONE = "lead-oVVvpWbj8hkogOda";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void anSmsToALeadWithoutPhoneNamesTheMissingPhoneNumber() throws IOException {
    RawHttp.Response response =
        RawHttp.request(
            mock.port(),
            "POST",
            "/lms/leads/bytoken/authtoken?accessToken="
                + LEAD_WITHOUT_PHONE
                + "&channel=sms&source=web",
            "");

    assertThat(response.status()).isEqualTo(422);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("detail").asString()).isEqualTo("This lead has no phone number.");
  }

  @Test
  void anEmailIsSentWithASubjectAndAnSmsWithout() throws IOException {
    RawHttp.request(
        mock.port(),
        "POST",
        "/lms/leads/bytoken/authtoken?accessToken="
            + LEAD_WITHOUT_PHONE
            + "&channel=email&source=web",
        "");

    JsonNode messages =
        JSON.readTree(RawHttp.get(mock.port(), "/__admin/outbox").body()).path("messages");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).path("subject").asString()).isEqualTo("Your access code");
    assertThat(messages.get(0).path("body").asString())
        .startsWith("Hello Γιώργος Αντωνίου, your one-time access code is ")
        .endsWith(" and can be used once.");
  }
}
