package com.example.leads;

/** A lead's contact as the LMS API releases it (camelCase; the company may be absent). */
public record LeadContact(
    String name,
    String street,
    String city,
    String zipCode,
    String email,
    String phone,
    String notice,
    Company company) {

  public record Company(String name, String city, String email) {}
}
