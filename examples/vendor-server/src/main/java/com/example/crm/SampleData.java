package com.example.crm;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/** The records this example server starts with (a real one reads its database). */
final class SampleData {
  /** As .NET writes a DateTimeOffset: 7 fractional digits and the offset. */
  static final DateTimeFormatter DOTNET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

  private SampleData() {}

  static String date(String iso) {
    return DOTNET.format(OffsetDateTime.parse(iso));
  }

  static List<Contact> contacts() {
    return List.of(
        new Contact(
            7001L,
            "Tz8qLw2Rk5VnC3pXb7Ma",
            date("2024-05-02T08:15:30.1234567+02:00"),
            "shop-checkout",
            "203.0.113.77",
            date("2026-01-10T17:45:00.5000000+01:00"),
            Base64.getDecoder().decode("AAAAAAAAB9E="),
            12L,
            "ada.lovelace@example.com",
            "+44",
            "2079460000",
            "Ada",
            "Lovelace",
            false,
            null,
            12L,
            null,
            "newsletter-form"),
        new Contact(
            7002L,
            "Gh4sNd9Wq2Lm6Kx8Tr1Z",
            date("2025-11-23T10:00:00.0000000+00:00"),
            "import-2025",
            "198.51.100.12",
            date("2025-11-23T10:00:00.0000000+00:00"),
            Base64.getDecoder().decode("AAAAAAAAB9I="),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  /** Leads with their accessToken's expiry; the last one has expired. */
  static List<Lead> leads() {
    return List.of(
        new Lead(
            "acc-K7pQ2mW9xR4tV8zN",
            OffsetDateTime.parse("2032-06-30T23:59:59+02:00"),
            new LeadContact(
                null,
                "Grace Hopper",
                "1 Harbour Road",
                "Arlington",
                "22201",
                "grace.hopper@example.com",
                "+1 703 555 0100",
                null,
                "Asked for a call back about the fleet offer.",
                new LeadContact.Company(
                    "Hopper Compilers Inc.",
                    "2 Harbour Road",
                    "Arlington",
                    "22201",
                    "office@hopper.example.com",
                    "+1 703 555 0199",
                    null))),
        new Lead(
            "acc-B3nF6hJ1sD5gL9qW",
            OffsetDateTime.parse("2032-06-30T23:59:59+02:00"),
            new LeadContact(
                null,
                "Alan Turing",
                null,
                "Wilmslow",
                null,
                "alan@example.com",
                null,
                null,
                null,
                null)),
        new Lead(
            "acc-expired-Q8wE2rT6",
            OffsetDateTime.parse("2024-01-31T23:59:59+01:00"),
            new LeadContact(
                null, "Old Lead", null, null, null, "old@example.com", null, null, null, null)));
  }

  /** A lead: its accessToken, when it expires, and its contact. */
  record Lead(String accessToken, OffsetDateTime expiration, LeadContact contact) {
    /** The contact as released, with the accessToken and its expiry filled in. */
    LeadContact released() {
      return new LeadContact(
          new LeadContact.AccessToken(accessToken, DOTNET.format(expiration)),
          contact.name(),
          contact.street(),
          contact.city(),
          contact.zipCode(),
          contact.email(),
          contact.phone(),
          contact.fax(),
          contact.notice(),
          contact.company());
    }
  }
}
