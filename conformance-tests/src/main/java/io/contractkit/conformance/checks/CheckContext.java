package io.contractkit.conformance.checks;

import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.schema.Schemas;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** What a check works with: the target, the profile, HTTP, schemas, fresh tokens and ips. */
public final class CheckContext {
  private static final String[] DOCUMENTATION_NETS = {"192.0.2.", "198.51.100.", "203.0.113."};
  private static final int DOCUMENTATION_IPS = 3 * 254;
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Target target;
  private final Profile profile;
  private final HttpProbe http;
  private final Schemas schemas;
  private final AuthTokenSource authTokens;
  private final SecureRandom random = new SecureRandom();
  private final Set<String> usedIps = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Map<String, JsonNode> releasedLeads = new ConcurrentHashMap<>();

  public CheckContext(
      Target target, Profile profile, HttpProbe http, Schemas schemas, AuthTokenSource authTokens) {
    this.target = target;
    this.profile = profile;
    this.http = http;
    this.schemas = schemas;
    this.authTokens = authTokens;
  }

  public Target target() {
    return target;
  }

  public Profile profile() {
    return profile;
  }

  public Mode mode() {
    return profile.mode();
  }

  public Schemas schemas() {
    return schemas;
  }

  public Exchange send(ProbeRequest request) {
    return http.send(request);
  }

  // ---- requests to the two documented routes -------------------------------------------------

  /** {@code GET <contacts base>/api/v1/Contacts} with no parameters yet. */
  public ProbeRequest contactsRequest() {
    return ProbeRequest.get(contactsBase(), Target.CONTACTS_PATH);
  }

  /** {@code GET <lms base>/lms/leads/bytoken/contact} with no parameters yet. */
  public ProbeRequest lmsRequest() {
    return ProbeRequest.get(lmsBase(), Target.LMS_PATH);
  }

  /** A complete LMS request with all three parameters. */
  public ProbeRequest lmsRequest(String accessToken, String authToken) {
    return lmsRequest()
        .param("accessToken", accessToken)
        .param("authToken", authToken)
        .param("source", lms().source());
  }

  public java.net.URI contactsBase() {
    if (target.contactsBase() == null) {
      throw new CheckSkipped(
          "no base URL for the Contacts API (profile contacts.baseUrl or --base-url)");
    }
    return target.contactsBase();
  }

  public java.net.URI lmsBase() {
    if (target.lmsBase() == null) {
      throw new CheckSkipped("no base URL for the LMS API (profile lms.baseUrl or --base-url)");
    }
    return target.lmsBase();
  }

  // ---- profile data, or a skip that says what is missing ---------------------------------------

  public Profile.Contacts contacts() {
    if (profile.contacts() == null) {
      throw new CheckSkipped("the profile has no 'contacts' section");
    }
    return profile.contacts();
  }

  public Profile.Lms lms() {
    if (profile.lms() == null) {
      throw new CheckSkipped("the profile has no 'lms' section");
    }
    return profile.lms();
  }

  public List<Profile.KnownContact> knownContacts() {
    List<Profile.KnownContact> secrets = contacts().secrets();
    if (secrets.isEmpty()) {
      throw new CheckSkipped("the profile lists no existing secret (contacts.secrets)");
    }
    return secrets;
  }

  public Profile.Throttle throttle() {
    Profile.Throttle throttle = contacts().throttle();
    if (throttle == null) {
      throw new CheckSkipped("the profile promises no throttle thresholds (contacts.throttle)");
    }
    return throttle;
  }

  /** The i-th known lead (0-based), or a skip when the profile lists fewer. */
  public Profile.KnownLead lead(int index) {
    List<Profile.KnownLead> leads = lms().leads();
    if (leads.size() <= index) {
      throw new CheckSkipped(
          "the profile lists "
              + leads.size()
              + " lead(s) in lms.leads; this check needs "
              + (index + 1));
    }
    return leads.get(index);
  }

  public Profile.ExpiredLead expiredLead() {
    if (lms().expiredLead() == null) {
      throw new CheckSkipped("the profile names no expired lead (lms.expiredLead)");
    }
    return lms().expiredLead();
  }

  /** A fresh one-time authToken for the lead, from the profile's source. */
  public String freshAuthToken(String accessToken) {
    if (authTokens == null) {
      throw new CheckSkipped("the profile gives no way to get fresh authTokens (lms.authTokens)");
    }
    try {
      return authTokens.fresh(accessToken);
    } catch (AuthTokenSource.AuthTokenUnavailable e) {
      throw new CheckSkipped(e.getMessage());
    }
  }

  /**
   * The lead's contact as the target releases it for a fresh authToken (fetched once per run and
   * cached), or the profile's expected record; used to recognise disclosures.
   */
  public JsonNode releasedContact(Profile.KnownLead lead) {
    if (lead.expected() != null) {
      return lead.expected();
    }
    return releasedLeads.computeIfAbsent(
        lead.accessToken(),
        code -> {
          Exchange e = send(lmsRequest(code, freshAuthToken(code)));
          return e.json().filter(j -> e.status() == 200).orElse(null);
        });
  }

  /**
   * Every string value of 4 or more characters that a known contact or lead holds, except the
   * credentials a caller sends itself (Secret, accessToken): finding one of these in an answer to a
   * request without valid credentials is a disclosure.
   */
  public Set<String> knownPersonalValues() {
    Set<String> values = new LinkedHashSet<>();
    if (profile.contacts() != null) {
      for (Profile.KnownContact c : profile.contacts().secrets()) {
        collectStrings(c.expected(), values, "Secret");
      }
    }
    if (profile.lms() != null) {
      for (Profile.KnownLead l : profile.lms().leads()) {
        collectStrings(l.expected(), values, "accessToken");
      }
      releasedLeads.values().forEach(j -> collectStrings(j, values, "accessToken"));
    }
    values.removeIf(v -> v.length() < 4);
    return values;
  }

  private static void collectStrings(JsonNode node, Set<String> into, String skipProperty) {
    if (node == null) {
      return;
    }
    if (node.isString()) {
      into.add(node.asString());
    }
    if (node.isObject()) {
      node.properties()
          .forEach(
              p -> {
                if (!p.getKey().equals(skipProperty)) {
                  collectStrings(p.getValue(), into, skipProperty);
                }
              });
    } else {
      node.forEach(child -> collectStrings(child, into, skipProperty));
    }
  }

  // ---- fresh random data
  // -------------------------------------------------------------------------

  /**
   * A random IPv4 address from the documentation ranges, not yet used in this run; all {@value
   * #DOCUMENTATION_IPS} of them are handed out before it gives up.
   */
  public String freshIp() {
    synchronized (usedIps) {
      if (usedIps.size() >= DOCUMENTATION_IPS) {
        throw new IllegalStateException("ran out of documentation ips for this run");
      }
      while (true) {
        String net = DOCUMENTATION_NETS[random.nextInt(DOCUMENTATION_NETS.length)];
        String ip = net + (1 + random.nextInt(254));
        if (usedIps.add(ip)) {
          return ip;
        }
      }
    }
  }

  /** A random string that no implementation should know, e.g. for a wrong secret or token. */
  public String randomToken(String prefix, int length) {
    StringBuilder s = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return s.toString();
  }
}
