package io.contractkit.conformance.fakes;

import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.profile.Profile;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Edits of a profile that several tests make. */
public final class Profiles {
  private Profiles() {}

  /** The same profile in the given mode. */
  public static Profile withMode(Profile p, Mode mode) {
    return p.withMode(mode);
  }

  /** The same profile in lenient mode. */
  public static Profile lenient(Profile p) {
    return withMode(p, Mode.LENIENT);
  }

  /**
   * The same profile with {@code edit} applied to a copy of every expected record (contacts and
   * leads).
   */
  public static Profile withExpectedRecords(Profile p, Consumer<ObjectNode> edit) {
    Profile.Contacts c = p.contacts();
    Profile.Lms l = p.lms();
    Profile.Contacts contacts =
        new Profile.Contacts(
            c.baseUrl(),
            c.secrets().stream()
                .map(k -> new Profile.KnownContact(k.secret(), edited(k.expected(), edit)))
                .toList(),
            c.throttle());
    Profile.Lms lms =
        new Profile.Lms(
            l.baseUrl(),
            l.source(),
            l.leads().stream()
                .map(k -> new Profile.KnownLead(k.accessToken(), edited(k.expected(), edit)))
                .toList(),
            l.expiredLead(),
            l.concurrency(),
            l.authTokens(),
            l.authTokenLifetimeSeconds());
    return new Profile(p.name(), p.mode(), p.http(), contacts, lms, p.clock());
  }

  private static JsonNode edited(JsonNode record, Consumer<ObjectNode> edit) {
    if (record == null) {
      return null;
    }
    ObjectNode copy = (ObjectNode) record.deepCopy();
    edit.accept(copy);
    return copy;
  }

  /**
   * The same profile with other throttle numbers, an authToken lifetime (fresh authTokens are
   * minted for that long: {@code ttlSeconds} in the mock's minting call) and a clock hook, or none.
   */
  public static Profile withTiming(
      Profile p, Profile.Throttle throttle, int lifetimeSeconds, Profile.TargetClock clock) {
    Profile.Contacts c = p.contacts();
    Profile.Lms l = p.lms();
    Profile.HttpSource mint = l.authTokens().http();
    Profile.HttpSource minted =
        new Profile.HttpSource(
            mint.method(),
            mint.url(),
            mint.headers(),
            "{\"accessToken\": \"{accessToken}\", \"ttlSeconds\": " + lifetimeSeconds + "}",
            mint.pointer());
    return new Profile(
        p.name(),
        p.mode(),
        p.http(),
        new Profile.Contacts(c.baseUrl(), c.secrets(), throttle),
        new Profile.Lms(
            l.baseUrl(),
            l.source(),
            l.leads(),
            l.expiredLead(),
            l.concurrency(),
            new Profile.AuthTokens(null, minted, null),
            lifetimeSeconds),
        clock);
  }
}
