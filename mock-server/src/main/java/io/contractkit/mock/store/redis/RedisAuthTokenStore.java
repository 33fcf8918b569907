package io.contractkit.mock.store.redis;

import io.contractkit.mock.concurrent.Futures;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.lms.AuthTokenStore;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The authTokens in Redis, shared by every replica: one key per token ({@code prefix:s:...} for a
 * seeded one, {@code prefix:i:...} for an issued one) whose value is its expiry in epoch
 * milliseconds on the mock's clock ({@code ""}: never). Consuming is one Lua script (read, delete,
 * check the expiry against the clock's time passed in), so of any number of concurrent uses over
 * every replica exactly one discloses. Every key with an expiry lives in Redis until then (plus
 * {@link RedisStore#EXPIRY_MARGIN}); unknown and consumed tokens take no room.
 *
 * <p>The seeded tokens come from the fixtures every replica loads; they are written with a marker
 * key ({@code prefix:seeded}), by the first replica to start on an empty prefix (a replica that
 * starts later leaves used ones used), and again by the first replica whose use of a token finds
 * the marker gone (Redis lost its data): one script writes the marker and the tokens only when the
 * marker is missing, so exactly one replica writes them, and a token used after that stays used.
 */
public final class RedisAuthTokenStore implements AuthTokenStore {
  private static final String VALID =
      "local function valid(v, now) return v and (v == '' or tonumber(v) > now) end\n";

  /**
   * KEYS: seeded, issued, the seed marker. ARGV: now. 1 when the token was valid (and is now gone);
   * {@value #LOST} when the marker is gone (Redis lost its data: the seeded tokens must be written
   * again first).
   */
  private static final RedisStore.Script CONSUME =
      new RedisStore.Script(
          VALID
              + "if redis.call('EXISTS', KEYS[3]) == 0 then return -1 end\n"
              + "local now = tonumber(ARGV[1])\n"
              + "for i = 1, 2 do\n"
              + "  local v = redis.call('GET', KEYS[i])\n"
              + "  if v then\n"
              + "    redis.call('DEL', KEYS[i])\n"
              + "    if valid(v, now) then return 1 end\n"
              + "  end\n"
              + "end\n"
              + "return 0\n");

  /**
   * Lua: {@code issue(seeded, issued, now, expiry, ttl)} with the expiry ('' never) and the time to
   * live in ms ('0': none): true when issued, false when that code is active for that lead already.
   * Also part of {@link RedisAuthTokenSending}'s script.
   */
  static final String ISSUE_FUNCTION =
      VALID
          + "local function issue(seeded, issued, now, expiry, ttl)\n"
          + "  if valid(redis.call('GET', seeded), now) then return false end\n"
          + "  if valid(redis.call('GET', issued), now) then return false end\n"
          + "  if ttl == '0' then redis.call('SET', issued, expiry)\n"
          + "  else redis.call('SET', issued, expiry, 'PX', ttl) end\n"
          + "  return true\n"
          + "end\n";

  /** KEYS: seeded, issued. ARGV: {@link #issueArguments}. 1 when issued, else 0. */
  private static final RedisStore.Script ISSUE =
      new RedisStore.Script(
          ISSUE_FUNCTION
              + "return issue(KEYS[1], KEYS[2], tonumber(ARGV[1]), ARGV[2], ARGV[3]) and 1 or 0\n");

  /**
   * KEYS: the seed marker. ARGV: triples of key, value ('' never expires), time to live in ms ('0':
   * none). Writes the seeded tokens and the marker in one step, only when the marker is missing: of
   * replicas that find it missing at once, exactly one writes them. 1 when written.
   */
  private static final RedisStore.Script SEED =
      new RedisStore.Script(
          "if redis.call('SET', KEYS[1], '1', 'NX') == false then return 0 end\n"
              + "for i = 1, #ARGV, 3 do\n"
              + "  if ARGV[i + 2] == '0' then redis.call('SET', ARGV[i], ARGV[i + 1])\n"
              + "  else redis.call('SET', ARGV[i], ARGV[i + 1], 'PX', ARGV[i + 2]) end\n"
              + "end\n"
              + "return 1\n");

  private static final long LOST = -1;

  /** KEYS: a token. ARGV: now. Deletes it when it has expired. */
  private static final RedisStore.Script FORGET_EXPIRED =
      new RedisStore.Script(
          VALID
              + "local v = redis.call('GET', KEYS[1])\n"
              + "if v and not valid(v, tonumber(ARGV[1])) then redis.call('DEL', KEYS[1]) end\n"
              + "return 0\n");

  private static final String SEEDED = "s:";
  private static final String ISSUED = "i:";

  private record Key(String accessToken, String code) {
    /** Length-prefixed, so that no accessToken and code can spell another pair's key. */
    String part() {
      return accessToken.length() + ":" + accessToken + ":" + code;
    }

    static Key parse(String part) {
      int colon = part.indexOf(':');
      int length = Integer.parseInt(part.substring(0, colon));
      String accessToken = part.substring(colon + 1, colon + 1 + length);
      return new Key(accessToken, part.substring(colon + 2 + length));
    }
  }

  private final RedisStore redis;
  private final Clock clock;

  /** The seeded tokens as the leads define them: what a reset restores. */
  private volatile Map<Key, Optional<Instant>> seed;

  public RedisAuthTokenStore(RedisStore redis, Clock clock, Collection<Lead> seed) {
    this.redis = redis;
    this.clock = clock;
    this.seed = seedOf(seed);
    seedIfMissing();
  }

  /**
   * Writes the seeded tokens when the marker that is written with them is missing: on the first
   * start on an empty prefix, and after Redis lost its data. One script, so a token used after one
   * replica wrote them is not written again by another that found the marker missing too.
   */
  private void seedIfMissing() {
    Futures.join(seedIfMissingAsync());
  }

  /** {@link #seedIfMissing}, without waiting (after a token's use found the data lost). */
  private CompletableFuture<Long> seedIfMissingAsync() {
    long now = clock.millis();
    List<String> args = new ArrayList<>();
    seed.forEach(
        (key, expiresAt) -> {
          args.add(seededKey(key));
          args.add(expiresAt.map(t -> String.valueOf(t.toEpochMilli())).orElse(""));
          args.add(String.valueOf(timeToLive(expiresAt, now)));
        });
    return redis.runAsync(
        SEED, ScriptOutputType.INTEGER, new String[] {marker()}, args.toArray(String[]::new));
  }

  @Override
  public boolean issue(String accessToken, String code, Instant expiresAt) {
    Long issued =
        redis.run(
            ISSUE,
            ScriptOutputType.INTEGER,
            issueKeys(accessToken, code),
            issueArguments(expiresAt));
    return issued == 1L;
  }

  /** The keys of {@link #ISSUE_FUNCTION}'s seeded and issued, in that order. */
  String[] issueKeys(String accessToken, String code) {
    Key key = new Key(accessToken, code);
    return new String[] {seededKey(key), issuedKey(key)};
  }

  /** The arguments of {@link #ISSUE_FUNCTION} after the keys: now, expiry, time to live. */
  String[] issueArguments(Instant expiresAt) {
    long now = clock.millis();
    return new String[] {
      String.valueOf(now),
      expiresAt == null ? "" : String.valueOf(expiresAt.toEpochMilli()),
      String.valueOf(timeToLive(Optional.ofNullable(expiresAt), now))
    };
  }

  /**
   * One script; when Redis lost its data (the marker is gone), the seeded tokens are written again
   * (once, by one replica) and the token is looked up again.
   */
  @Override
  public boolean consume(String accessToken, String code) {
    return Futures.join(consumeAsync(accessToken, code));
  }

  /** {@link #consume} without waiting: the seeding after a loss is sent without waiting too. */
  @Override
  public CompletableFuture<Boolean> consumeAsync(String accessToken, String code) {
    return consumeOnce(accessToken, code)
        .thenCompose(
            consumed ->
                consumed == LOST
                    ? seedIfMissingAsync().thenCompose(seeded -> consumeOnce(accessToken, code))
                    : CompletableFuture.completedFuture(consumed))
        .thenApply(consumed -> consumed == 1L);
  }

  private CompletableFuture<Long> consumeOnce(String accessToken, String code) {
    Key key = new Key(accessToken, code);
    return redis.runAsync(
        CONSUME,
        ScriptOutputType.INTEGER,
        new String[] {seededKey(key), issuedKey(key), marker()},
        String.valueOf(clock.millis()));
  }

  private String marker() {
    return redis.key("seeded");
  }

  @Override
  public void reset() {
    redis.deleteAll(SEEDED);
    redis.deleteAll(ISSUED);
    seed.forEach(this::putSeeded);
    redis.execute(c -> c.set(marker(), "1"));
  }

  @Override
  public void reseed(Collection<Lead> leads, Set<String> fresh) {
    Map<Key, Optional<Instant>> before = seed;
    Map<Key, Optional<Instant>> after = seedOf(leads);
    before.keySet().stream()
        .filter(key -> !after.containsKey(key))
        .forEach(key -> redis.execute(c -> c.del(seededKey(key))));
    after.forEach(
        (key, expiresAt) -> {
          if (!before.containsKey(key) || fresh.contains(key.accessToken())) {
            putSeeded(key, expiresAt);
          }
        });
    Set<String> present = new HashSet<>();
    leads.forEach(lead -> present.add(lead.accessToken()));
    String issuedPrefix = redis.key(ISSUED);
    for (String name : redis.keys(ISSUED)) {
      if (!present.contains(Key.parse(name.substring(issuedPrefix.length())).accessToken())) {
        redis.execute(c -> c.del(name));
      }
    }
    seed = after;
  }

  @Override
  public void adopt(Collection<Lead> leads) {
    seed = seedOf(leads);
  }

  @Override
  public void forgetExpired() {
    String now = String.valueOf(clock.millis());
    for (String part : new String[] {SEEDED, ISSUED}) {
      for (String name : redis.keys(part)) {
        redis.run(FORGET_EXPIRED, ScriptOutputType.INTEGER, new String[] {name}, now);
      }
    }
  }

  private void putSeeded(Key key, Optional<Instant> expiresAt) {
    String value = expiresAt.map(t -> String.valueOf(t.toEpochMilli())).orElse("");
    long ttl = timeToLive(expiresAt, clock.millis());
    if (ttl == 0) {
      redis.execute(c -> c.set(seededKey(key), value));
    } else {
      redis.execute(c -> c.psetex(seededKey(key), ttl, value));
    }
  }

  /** Milliseconds until the expiry, plus the margin; 0 for a token that never expires. */
  private static long timeToLive(Optional<Instant> expiresAt, long now) {
    return expiresAt
        .map(t -> Math.max(1, t.toEpochMilli() - now) + RedisStore.EXPIRY_MARGIN.toMillis())
        .orElse(0L);
  }

  private String seededKey(Key key) {
    return redis.key(SEEDED + key.part());
  }

  private String issuedKey(Key key) {
    return redis.key(ISSUED + key.part());
  }

  private static Map<Key, Optional<Instant>> seedOf(Collection<Lead> leads) {
    Map<Key, Optional<Instant>> tokens = new HashMap<>();
    for (Lead lead : leads) {
      for (Lead.SeededAuthToken token : lead.authTokens()) {
        tokens.put(
            new Key(lead.accessToken(), token.code()), Optional.ofNullable(token.expiresAt()));
      }
    }
    return Map.copyOf(tokens);
  }
}
