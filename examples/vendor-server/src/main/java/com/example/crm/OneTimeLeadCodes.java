package com.example.crm;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Codes in memory, valid for {@code lifetime}, removed in one atomic step when used. */
public final class OneTimeLeadCodes implements LeadCodes {
  private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration lifetime;

  public OneTimeLeadCodes(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  @Override
  public String issue(String accessToken) {
    String code = String.format("%08d", random.nextInt(100_000_000));
    expiries.put(key(accessToken, code), clock.instant().plus(lifetime));
    return code;
  }

  @Override
  public boolean consume(String accessToken, String code) {
    Instant expiry = expiries.remove(key(accessToken, code));
    return expiry != null && clock.instant().isBefore(expiry);
  }

  private static String key(String accessToken, String code) {
    return accessToken + "\n" + code;
  }
}
