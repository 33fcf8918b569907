package com.example.leads;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of a Contacts API contact the frontend shows (the API writes PascalCase). */
public record Contact(
    @JsonProperty("Id") long id,
    @JsonProperty("FirstName") String firstName,
    @JsonProperty("LastName") String lastName,
    @JsonProperty("Email") String email,
    @JsonProperty("PhoneCountryCode") String phoneCountryCode,
    @JsonProperty("Phone") String phone) {}
