package io.contractkit.conformance.checks.contacts;

import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a fresh ip into the block that the profile promises: {@code maxFailures} wrong secrets,
 * each sent with that ip and each answered 404, and then (for {@link #block}) one more wrong secret
 * answered 429.
 */
final class IpBlocking {
  private IpBlocking() {}

  /** An ip that has just had {@code maxFailures} failed lookups, and how long they took. */
  record Failed(String ip, int failures, long millis) {}

  /** A blocked ip and the 429 that shows it. */
  record Blocked(String ip, Exchange refusal) {}

  /**
   * Sends {@code maxFailures} wrong secrets from a fresh ip; each must be answered 404. The first
   * goes alone (an ip still blocked by an earlier run is replaced), the last goes alone after all
   * others were answered, and those in between go at once when the run allows it: every one of them
   * is a failed lookup within the window, however they overlap.
   */
  static Failed failUpToLimit(CheckContext context) {
    int max = context.throttle().maxFailures();
    long start = System.nanoTime();
    ContactLookups.FirstLookup first =
        ContactLookups.fromFreshIp(context, ContactLookups.wrongSecret(context));
    String ip = first.ip();
    expect404(first.exchange(), 1, max, ip, first.fromIps());
    List<ProbeRequest> between = new ArrayList<>();
    for (int attempt = 2; attempt < max; attempt++) {
      between.add(ContactLookups.bySecret(context, ContactLookups.wrongSecret(context), ip));
    }
    List<Exchange> answers = new ArrayList<>();
    answers.add(first.exchange());
    context.sendAll(between).forEach(sent -> answers.add(sent.orThrow()));
    for (int i = 1; i < answers.size(); i++) {
      if (answers.get(i).status() != 404) {
        long notFound = answers.stream().filter(a -> a.status() == 404).count();
        expect404(
            answers.get(i),
            i + 1,
            max,
            ip,
            ": only "
                + notFound
                + " of the "
                + answers.size()
                + " wrong secrets sent so far were answered 404");
      }
    }
    if (max > 1) {
      Exchange last =
          context.send(ContactLookups.bySecret(context, ContactLookups.wrongSecret(context), ip));
      expect404(last, max, max, ip, "");
    }
    return new Failed(ip, max, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * {@link #failUpToLimit}, then one more wrong secret from that ip, which must be answered 429.
   */
  static Blocked block(CheckContext context) {
    Profile.Throttle throttle = context.throttle();
    Failed failed = failUpToLimit(context);
    Exchange e =
        context.send(
            ContactLookups.bySecret(context, ContactLookups.wrongSecret(context), failed.ip()));
    if (e.status() != 429) {
      throw new CheckFailure(
          "status 429 for wrong secret "
              + (failed.failures() + 1)
              + " from ip "
              + failed.ip()
              + ": it had "
              + failed.failures()
              + " failed lookups, and the profile promises a block after "
              + throttle.maxFailures()
              + " within "
              + throttle.windowSeconds()
              + " s",
          "status " + e.status() + slowNote(failed, throttle),
          e);
    }
    return new Blocked(failed.ip(), e);
  }

  /** Says so when the failures took longer than the window (a slow target may never block). */
  static String slowNote(Failed failed, Profile.Throttle throttle) {
    long seconds = failed.millis() / 1000;
    return seconds >= throttle.windowSeconds()
        ? " (the "
            + failed.failures()
            + " failures took "
            + seconds
            + " s, longer than the "
            + throttle.windowSeconds()
            + " s window)"
        : "";
  }

  private static void expect404(Exchange e, int attempt, int max, String ip, String fromIps) {
    if (e.status() != 404) {
      String already = e.status() == 429 ? " already" : "";
      throw new CheckFailure(
          "status 404 for each of the "
              + max
              + " wrong secrets from ip "
              + ip
              + " (the profile promises the block only after "
              + max
              + " failures)",
          "status " + e.status() + already + " at wrong secret " + attempt + " of " + max + fromIps,
          e);
    }
  }
}
