package com.example.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.client.MockAdmin;
import io.contractkit.mock.junit.ContractKitMock;
import io.contractkit.mock.junit.MockRuntimeInfo;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the mock: one mock for the class on a free port, reset before each test, on
 * the bundled fixtures; a throttle of 3 failed lookups so that the test of it stays short.
 */
@ContractKitMock(throttleMaxFailures = 3, throttleBlock = "2m")
class LeadContactClientTest {
  /** From the mock's bundled fixtures (fixtures/contacts.json, fixtures/leads.json). */
  static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";

  static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";
  static final String SEEDED_CODE = "731904";
  static final String LEAD_WITH_PHONE = "lead-Xc4Nf8Rb1Hs6Jq3D";

  private LeadContactClient client;

  @BeforeEach
  void connect(MockRuntimeInfo mock) {
    client = new LeadContactClient(mock.baseUrl());
  }

  @Test
  void findsAContactBySecret() {
    Contact contact = client.contactBySecret(SECRET, "203.0.113.10").orElseThrow();

    assertThat(contact.firstName()).isEqualTo("Zoë");
    assertThat(contact.lastName()).isEqualTo("Müller-Lüdenscheidt");
    assertThat(contact.email()).isEqualTo("zoe.mueller@example.de");
  }

  @Test
  void anUnknownSecretFindsNothing() {
    assertThat(client.contactBySecret("no-such-secret", "203.0.113.10")).isEmpty();
  }

  @Test
  void tooManyWrongSecretsFromOneIpAreRefusedWithTheTimeToWait() {
    for (int i = 0; i < 3; i++) {
      client.contactBySecret("wrong-" + i, "203.0.113.66");
    }

    assertThatThrownBy(() -> client.contactBySecret(SECRET, "203.0.113.66"))
        .isInstanceOfSatisfying(
            TooManyAttemptsException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2)));
    assertThat(client.contactBySecret(SECRET, "203.0.113.67")).isPresent();
  }

  @Test
  void aSeededCodeReleasesTheLeadOnce() {
    LeadContact lead = client.leadContact(LEAD, SEEDED_CODE).orElseThrow();

    assertThat(lead.name()).isEqualTo("Jürgen Weiß");
    assertThat(lead.company().name()).isEqualTo("Weiß & Söhne Logistik GmbH");
    assertThat(client.leadContact(LEAD, SEEDED_CODE)).isEmpty();
  }

  /** Passes only because the mock is reset before each test: the seeded code is fresh again. */
  @Test
  void theSeededCodeIsFreshInEveryTest() {
    assertThat(client.leadContact(LEAD, SEEDED_CODE)).isPresent();
  }

  @Test
  void aCodeSentBySmsIsReadFromTheOutboxAndWorksOnce(MockAdmin admin) {
    String recipient = client.sendCodeBySms(LEAD_WITH_PHONE);

    String code = admin.latestMessage(LEAD_WITH_PHONE).orElseThrow().authToken();
    assertThat(recipient).isEqualTo("***123");
    assertThat(client.leadContact(LEAD_WITH_PHONE, code).orElseThrow().name())
        .isEqualTo("Łucja Wiśniewska");
    assertThat(client.leadContact(LEAD_WITH_PHONE, code)).isEmpty();
  }

  @Test
  void aWrongCodeReleasesNothing() {
    assertThat(client.leadContact(LEAD, "000000")).isEmpty();
  }
}
