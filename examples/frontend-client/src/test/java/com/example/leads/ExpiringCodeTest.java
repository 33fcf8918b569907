package com.example.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.client.MockAdmin.MintedAuthToken;
import io.contractkit.mock.junit.ContractKitMockExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same mock with options built in code: codes that live one minute. */
class ExpiringCodeTest {
  @RegisterExtension
  static final ContractKitMockExtension mock =
      ContractKitMockExtension.newInstance()
          .options(
              ContractKitMockExtension.defaultOptions().withAuthTokenTtl(Duration.ofMinutes(1)))
          .build();

  @Test
  void aMintedCodeLivesAsLongAsTheMockSays() {
    Instant before = Instant.now();

    MintedAuthToken minted = mock.admin().mintAuthToken(LeadContactClientTest.LEAD);

    assertThat(minted.expiresAt())
        .isBetween(before.plusSeconds(59), Instant.now().plusSeconds(60));
    LeadContactClient client = new LeadContactClient(mock.baseUrl());
    assertThat(client.leadContact(minted.accessToken(), minted.authToken())).isPresent();
  }

  @Test
  void aCodeOfYourOwnChoosingWorks() {
    mock.admin().mintAuthToken(LeadContactClientTest.LEAD, "424242", Duration.ofSeconds(30));

    LeadContactClient client = new LeadContactClient(mock.baseUrl());
    assertThat(client.leadContact(LeadContactClientTest.LEAD, "424242")).isPresent();
  }
}
