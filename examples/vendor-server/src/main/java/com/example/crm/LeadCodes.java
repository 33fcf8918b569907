package com.example.crm;

/**
 * The one-time codes (the API's authTokens) sent to leads by email or SMS: each lets its lead's
 * contact be read once.
 */
public interface LeadCodes {
  /** Issues a fresh code for the lead (the product then texts or mails it). */
  String issue(String accessToken);

  /** True once for a code issued to this lead and not expired; false for every other call. */
  boolean consume(String accessToken, String code);
}
