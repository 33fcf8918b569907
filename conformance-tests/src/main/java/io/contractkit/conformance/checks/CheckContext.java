package io.contractkit.conformance.checks;

import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.http.HttpProbe;
import io.contractkit.conformance.http.ProbeException;
import io.contractkit.conformance.http.ProbeRequest;
import io.contractkit.conformance.profile.AuthTokenSource;
import io.contractkit.conformance.profile.ClockHook;
import io.contractkit.conformance.profile.HookFailed;
import io.contractkit.conformance.profile.Profile;
import io.contractkit.conformance.schema.Schemas;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * What a check works with: the target, the profile, HTTP, schemas, fresh tokens and ips, and a way
 * to let time pass on the target. The runner gives each check a view of its own ({@link
 * #forCheck}): its own random numbers (from the run's seed and the check's id), the locks it
 * declared, and requests sent in parallel; the ips handed out and the leads released are shared by
 * the whole run, so no two checks get the same ip.
 */
public final class CheckContext {
  private static final String[] DOCUMENTATION_NETS = {"192.0.2.", "198.51.100.", "203.0.113."};
  private static final int DOCUMENTATION_IPS = 3 * 254;
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /**
   * How checks may let time pass and where their random values come from.
   *
   * @param maxWait the longest real wait a check may make when the target's clock cannot be moved
   * @param clock the suite's clock (now, and how it waits)
   * @param seed the run's seed: each check's random values derive from it and the check's id
   * @param requestsInFlight how many requests the checks may have in flight at once, together (the
   *     race of {@link #sendRacing} aside)
   * @param exploreBudget how long each exploration check generates random sequences
   * @param exploreSequences at most this many sequences per exploration check (0: no limit but the
   *     budget)
   */
  public record Settings(
      Duration maxWait,
      SuiteClock clock,
      long seed,
      int requestsInFlight,
      Duration exploreBudget,
      int exploreSequences) {
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

    /** {@code --explore-budget}: a few seconds per exploration check. */
    public static final Duration DEFAULT_EXPLORE_BUDGET = Duration.ofSeconds(3);

    public Settings {
      Objects.requireNonNull(maxWait, "maxWait");
      Objects.requireNonNull(clock, "clock");
      if (requestsInFlight < 1) {
        throw new IllegalArgumentException("at least one request must be allowed in flight");
      }
      Objects.requireNonNull(exploreBudget, "exploreBudget");
      if (exploreSequences < 0) {
        throw new IllegalArgumentException(
            "the number of exploration sequences must not be negative");
      }
    }

    /** With no limit on the exploration's sequences but the budget. */
    public Settings(
        Duration maxWait,
        SuiteClock clock,
        long seed,
        int requestsInFlight,
        Duration exploreBudget) {
      this(maxWait, clock, seed, requestsInFlight, exploreBudget, 0);
    }

    /** With the default exploration budget. */
    public Settings(Duration maxWait, SuiteClock clock, long seed, int requestsInFlight) {
      this(maxWait, clock, seed, requestsInFlight, DEFAULT_EXPLORE_BUDGET);
    }

    /** At most 30 s of real waiting, the machine's clock, a random seed, one request at a time. */
    public static Settings defaults() {
      return new Settings(DEFAULT_MAX_WAIT, SuiteClock.SYSTEM, new SecureRandom().nextLong(), 1);
    }
  }

  /** What the whole run shares. */
  private record Run(
      Target target,
      Profile profile,
      HttpProbe http,
      Schemas schemas,
      AuthTokenSource authTokens,
      ClockHook clockHook,
      Settings settings,
      Set<String> usedIps,
      Map<String, JsonNode> releasedLeads,
      AtomicLong advancedMillis,
      Semaphore inFlight) {}

  private final Run run;
  private final Random random;
  private final String checkId;
  private final Set<String> leadsHeld;
  private final ExecutorService parallel;

  public CheckContext(
      Target target, Profile profile, HttpProbe http, Schemas schemas, AuthTokenSource authTokens) {
    this(target, profile, http, schemas, authTokens, null, Settings.defaults());
  }

  /**
   * @param clockHook moves the target's clock (the profile's {@code clock.advance}), or null
   */
  public CheckContext(
      Target target,
      Profile profile,
      HttpProbe http,
      Schemas schemas,
      AuthTokenSource authTokens,
      ClockHook clockHook,
      Settings settings) {
    this(
        new Run(
            target,
            profile,
            http,
            schemas,
            authTokens,
            clockHook,
            settings,
            Collections.synchronizedSet(new LinkedHashSet<>()),
            new ConcurrentHashMap<>(),
            new AtomicLong(),
            new Semaphore(settings.requestsInFlight(), true)),
        new Random(settings.seed()),
        null,
        null,
        null);
  }

  private CheckContext(
      Run run, Random random, String checkId, Set<String> leadsHeld, ExecutorService parallel) {
    this.run = run;
    this.random = random;
    this.checkId = checkId;
    this.leadsHeld = leadsHeld;
    this.parallel = parallel;
  }

  /**
   * The view one check runs with: random values of its own (the run's seed and the check's id),
   * fresh authTokens only of the leads it holds a lock for, and {@link #sendAll} spread over {@code
   * parallel} (null: one request after another).
   */
  public CheckContext forCheck(
      String id, Set<ResourceLock> locks, ExecutorService parallelRequests) {
    Set<String> leads = new HashSet<>();
    for (ResourceLock lock : locks) {
      if (lock.key().startsWith(ResourceLock.AUTH_TOKENS_OF)) {
        leads.add(lock.key().substring(ResourceLock.AUTH_TOKENS_OF.length()));
      }
    }
    long seed = run.settings().seed() * 31 + id.hashCode();
    return new CheckContext(run, new Random(seed), id, Set.copyOf(leads), parallelRequests);
  }

  public Target target() {
    return run.target();
  }

  public Profile profile() {
    return run.profile();
  }

  public Mode mode() {
    return run.profile().mode();
  }

  public Schemas schemas() {
    return run.schemas();
  }

  public Settings settings() {
    return run.settings();
  }

  /**
   * Sends one request and returns the answer; waits first while the run has as many requests in
   * flight as {@code --concurrency} allows.
   */
  public Exchange send(ProbeRequest request) {
    try {
      run.inFlight().acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to send " + request, e);
    }
    try {
      return run.http().send(request);
    } finally {
      run.inFlight().release();
    }
  }

  /**
   * Sends one request at once, outside the run's limit of requests in flight: for a race, whose
   * requests must all be in flight together however low the limit is.
   */
  public Exchange sendRacing(ProbeRequest request) {
    return run.http().send(request);
  }

  /** A request's answer, or why none came. */
  public record Sent(ProbeRequest request, Exchange exchange, ProbeException noAnswer) {
    /** The answer, or the {@link ProbeException} that says why none came. */
    public Exchange orThrow() {
      if (noAnswer != null) {
        throw noAnswer;
      }
      return exchange;
    }
  }

  /**
   * Sends independent requests, in parallel when the run allows it, and returns what came back in
   * the order of {@code requests}, so that a failure names the same request on every run.
   */
  public List<Sent> sendAll(List<ProbeRequest> requests) {
    if (parallel == null || requests.size() < 2) {
      return requests.stream().map(this::sendOne).toList();
    }
    List<Future<Sent>> futures = new ArrayList<>(requests.size());
    for (ProbeRequest r : requests) {
      futures.add(parallel.submit(() -> sendOne(r)));
    }
    List<Sent> answers = new ArrayList<>(requests.size());
    try {
      for (Future<Sent> f : futures) {
        answers.add(f.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending requests", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
    return answers;
  }

  private Sent sendOne(ProbeRequest request) {
    try {
      return new Sent(request, send(request), null);
    } catch (ProbeException e) {
      return new Sent(request, null, e);
    }
  }

  // ---- time on the target --------------------------------------------------------------------

  /** Whether the profile gives a way to move the target's clock ({@code clock.advance}). */
  public boolean canMoveClock() {
    return run.clockHook() != null;
  }

  /**
   * Whether {@link #letTimePass} can let {@code duration} pass: by moving the target's clock, or by
   * a real wait of at most {@code --max-wait}.
   */
  public boolean canLetPass(Duration duration) {
    return canMoveClock() || duration.compareTo(run.settings().maxWait()) <= 0;
  }

  /**
   * Lets {@code duration} pass on the target: moves its clock with the profile's hook, or waits for
   * real when that is at most {@code --max-wait}; otherwise the check is skipped, saying why.
   *
   * @param purpose what the time is for, for the skip reason ("the 300 s block to lift")
   */
  public void letTimePass(Duration duration, String purpose) {
    requireTimeCanPass(duration, purpose);
    if (canMoveClock()) {
      try {
        run.clockHook().advance(duration);
      } catch (HookFailed e) {
        throw new CheckFailure(
            "the target's clock moved forward by " + seconds(duration) + " s",
            "the clock hook failed: " + e.getMessage(),
            null);
      }
      run.advancedMillis().addAndGet(duration.toMillis());
      return;
    }
    try {
      run.settings().clock().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + purpose, e);
    }
  }

  /**
   * Skips the check, before it sends anything, unless {@link #letTimePass} can let {@code duration}
   * pass.
   *
   * @param purpose what the time is for, for the skip reason ("the 300 s block to lift")
   */
  public void requireTimeCanPass(Duration duration, String purpose) {
    if (!canLetPass(duration)) {
      throw new CheckSkipped(
          "waiting for "
              + purpose
              + " takes "
              + seconds(duration)
              + " s, more than --max-wait ("
              + seconds(run.settings().maxWait())
              + " s), and the profile gives no way to move the target's clock (clock.advance)");
    }
  }

  /**
   * The locks of a check that lets time pass: the target's clock alone when the suite moves it (a
   * real wait lets every other check go on).
   */
  public Set<ResourceLock> clockLocks() {
    return canMoveClock() ? Set.of(ResourceLock.exclusive(ResourceLock.TARGET_CLOCK)) : Set.of();
  }

  /** The suite's clock: what a check measures real time with. */
  public Instant now() {
    return run.settings().clock().now();
  }

  /** How far the suite has moved the target's clock so far in this run. */
  public Duration clockMoved() {
    return Duration.ofMillis(run.advancedMillis().get());
  }

  private static long seconds(Duration d) {
    return (d.toMillis() + 999) / 1000;
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
    if (target().contactsBase() == null) {
      throw new CheckSkipped(
          "no base URL for the Contacts API (profile contacts.baseUrl or --base-url)");
    }
    return target().contactsBase();
  }

  public java.net.URI lmsBase() {
    if (target().lmsBase() == null) {
      throw new CheckSkipped("no base URL for the LMS API (profile lms.baseUrl or --base-url)");
    }
    return target().lmsBase();
  }

  // ---- profile data, or a skip that says what is missing ---------------------------------------

  public Profile.Contacts contacts() {
    if (profile().contacts() == null) {
      throw new CheckSkipped("the profile has no 'contacts' section");
    }
    return profile().contacts();
  }

  public Profile.Lms lms() {
    if (profile().lms() == null) {
      throw new CheckSkipped("the profile has no 'lms' section");
    }
    return profile().lms();
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

  /**
   * A fresh one-time authToken for the lead, from the profile's source. A check may take them only
   * for the leads it declared a lock for ({@link #authTokenLocks}), so that no other check gets one
   * for the same lead meanwhile.
   */
  public String freshAuthToken(String accessToken) {
    if (leadsHeld != null && !leadsHeld.contains(accessToken)) {
      throw new IllegalStateException(
          checkId
              + " takes a fresh authToken of lead "
              + accessToken
              + " without declaring ResourceLock.authTokensOf(it) in locks()");
    }
    if (run.authTokens() == null) {
      throw new CheckSkipped("the profile gives no way to get fresh authTokens (lms.authTokens)");
    }
    try {
      return run.authTokens().fresh(accessToken);
    } catch (AuthTokenSource.AuthTokenUnavailable e) {
      throw new CheckSkipped(e.getMessage());
    }
  }

  /**
   * The index in {@code lms.leads} of the lead for a check's {@code slot}: {@code slot} modulo the
   * number of leads. Checks that can use any lead take different slots, so that with several leads
   * in the profile they need not wait for each other's authTokens.
   */
  public int spreadLead(int slot) {
    int leads = profile().lms() == null ? 0 : profile().lms().leads().size();
    return leads == 0 ? 0 : slot % leads;
  }

  /**
   * Locks on the fresh authTokens of the leads at these indices of {@code lms.leads} (those the
   * profile lists), for a check's {@link Check#locks}.
   */
  public Set<ResourceLock> authTokenLocks(int... leadIndices) {
    Set<ResourceLock> locks = new HashSet<>();
    List<Profile.KnownLead> leads = profile().lms() == null ? List.of() : profile().lms().leads();
    for (int i : leadIndices) {
      if (i < leads.size()) {
        locks.add(ResourceLock.authTokensOf(leads.get(i).accessToken()));
      }
    }
    return locks;
  }

  /**
   * The lead's contact as the target releases it for a fresh authToken (fetched once per run and
   * cached), or the profile's expected record; used to recognise disclosures.
   */
  public JsonNode releasedContact(Profile.KnownLead lead) {
    if (lead.expected() != null) {
      return lead.expected();
    }
    return run.releasedLeads()
        .computeIfAbsent(
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
    Profile profile = profile();
    if (profile.contacts() != null) {
      for (Profile.KnownContact c : profile.contacts().secrets()) {
        collectStrings(c.expected(), values, "Secret");
      }
    }
    if (profile.lms() != null) {
      for (Profile.KnownLead l : profile.lms().leads()) {
        collectStrings(l.expected(), values, "accessToken");
      }
      run.releasedLeads().values().forEach(j -> collectStrings(j, values, "accessToken"));
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
    Set<String> usedIps = run.usedIps();
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

  /** How many documentation ips {@link #freshIp} can still hand out in this run. */
  public int freshIpsLeft() {
    return DOCUMENTATION_IPS - run.usedIps().size();
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
