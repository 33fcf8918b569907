package io.contractkit.conformance.checks;

import java.net.URI;

/**
 * Where the two APIs live. Each base URL may carry a path prefix ({@code
 * https://api.example.com/crm}); the documented routes are appended to it.
 */
public record Target(URI contactsBase, URI lmsBase) {
  public static final String CONTACTS_PATH = "/api/v1/Contacts";
  public static final String LMS_PATH = "/lms/leads/bytoken/contact";
}
