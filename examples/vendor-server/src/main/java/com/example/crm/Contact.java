package com.example.crm;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A contact as the Contacts API returns it ({@code ReadContactDto}: PascalCase, every property
 * present, {@code null} when it has no value; dates as .NET writes a {@code DateTimeOffset}).
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
record Contact(
    Long id,
    String secret,
    String registrationDateTime,
    String registrationSource,
    String registrationIp,
    String lastModified,
    byte[] version,
    Long registrationStoreId,
    String email,
    String phoneCountryCode,
    String phone,
    String firstName,
    String lastName,
    Boolean limitMailsPermanently,
    String limitMailsTemporarilyUntil,
    Long preferredStoreId,
    Long contactCompanyId,
    String latestPermissionSource) {}
