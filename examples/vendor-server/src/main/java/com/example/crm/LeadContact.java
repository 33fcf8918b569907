package com.example.crm;

/**
 * A lead's contact as the LMS API releases it ({@code LmsContactInfo}: camelCase, every property
 * present). {@link #NULL_VALUES} is the answer to every failed authorization.
 */
record LeadContact(
    AccessToken accessToken,
    String name,
    String street,
    String city,
    String zipCode,
    String email,
    String phone,
    String fax,
    String notice,
    Company company) {

  static final LeadContact NULL_VALUES =
      new LeadContact(null, null, null, null, null, null, null, null, null, null);

  record AccessToken(String code, String expiration) {}

  record Company(
      String name,
      String street,
      String city,
      String zipCode,
      String email,
      String phone,
      String fax) {}
}
