package com.example.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force protection of the contact lookup, per {@code ip} value: {@code maxFailures} lookups
 * that found nothing within {@code window} block the ip for {@code block}. A lookup refused while
 * blocked does not count; when the block ends, the ip starts afresh.
 */
final class LoginThrottle {
  /** The numbers this server promises (and its conformance profile states). */
  record Settings(int maxFailures, Duration window, Duration block) {
    static final Settings DEFAULTS =
        new Settings(10, Duration.ofSeconds(60), Duration.ofMinutes(5));
  }

  private record State(List<Instant> failures, Instant blockedUntil) {}

  private final Settings settings;
  private final Clock clock;
  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the ip stays blocked; zero when it is not blocked. */
  Duration blockedFor(String ip) {
    Instant now = clock.instant();
    State state =
        states.computeIfPresent(
            ip, (k, s) -> s.blockedUntil() != null && !now.isBefore(s.blockedUntil()) ? null : s);
    return state == null || state.blockedUntil() == null
        ? Duration.ZERO
        : Duration.between(now, state.blockedUntil());
  }

  /** Counts a lookup that found nothing; the failure that reaches the limit starts a block. */
  void failed(String ip) {
    Instant now = clock.instant();
    states.compute(
        ip,
        (k, s) -> {
          List<Instant> recent = new ArrayList<>();
          if (s != null) {
            s.failures().stream()
                .filter(t -> t.isAfter(now.minus(settings.window())))
                .forEach(recent::add);
          }
          recent.add(now);
          return recent.size() >= settings.maxFailures()
              ? new State(List.of(), now.plus(settings.block()))
              : new State(List.copyOf(recent), null);
        });
  }
}
