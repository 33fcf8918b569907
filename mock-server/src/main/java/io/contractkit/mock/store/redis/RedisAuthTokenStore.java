package io.contractkit.mock.store.redis;

import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.lms.AuthTokenStore;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authTokens in Redis, shared by every replica: one key per token ({@code prefix:s:...} for a
 * seeded one, {@code prefix:i:...} for an issued one) whose value is its expiry in epoch
 * milliseconds on the mock's clock ({@code ""}: never). Consuming is one Lua script (read, delete,
 * check the expiry against the clock's time passed in), so of any number of concurrent uses over
 * every replica exactly one discloses. Every key with an expiry lives in Redis until then (plus
 * {@link RedisStore#EXPIRY_MARGIN}); unknown and consumed tokens take no room.
 *
 * <p>The seeded tokens come from the fixtures every replica loads; the first replica to start on an
 * empty prefix writes them (a replica that starts later leaves used ones used).
 */
public final class RedisAuthTokenStore implements AuthTokenStore {
  private static final String VALID =
      "local function valid(v, now) return v and (v == '' or tonumber(v) > now) end\n";

  /** KEYS: seeded, issued. ARGV: now. 1 when the token was valid (and is now gone). */
  private static final RedisStore.Script CONSUME =
      new RedisStore.Script(
          VALID
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
   * KEYS: seeded, issued. ARGV: now, expiry ('' never), time to live in ms (0: none). 1 when
   * issued; 0 when that code is active for that lead already.
   */
  private static final RedisStore.Script ISSUE =
      new RedisStore.Script(
          VALID
              + "local now = tonumber(ARGV[1])\n"
              + "if valid(redis.call('GET', KEYS[1]), now) then return 0 end\n"
              + "if valid(redis.call('GET', KEYS[2]), now) then return 0 end\n"
              + "if ARGV[3] == '0' then redis.call('SET', KEYS[2], ARGV[2])\n"
              + "else redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end\n"
              + "return 1\n");

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
    if (redis.call(c -> c.setnx(redis.key("seeded"), "1"))) {
      this.seed.forEach(this::putSeeded);
    }
  }

  @Override
  public boolean issue(String accessToken, String code, Instant expiresAt) {
    Key key = new Key(accessToken, code);
    long now = clock.millis();
    Long issued =
        redis.run(
            ISSUE,
            ScriptOutputType.INTEGER,
            new String[] {seededKey(key), issuedKey(key)},
            String.valueOf(now),
            expiresAt == null ? "" : String.valueOf(expiresAt.toEpochMilli()),
            String.valueOf(timeToLive(Optional.ofNullable(expiresAt), now)));
    return issued == 1L;
  }

  @Override
  public boolean consume(String accessToken, String code) {
    Key key = new Key(accessToken, code);
    Long consumed =
        redis.run(
            CONSUME,
            ScriptOutputType.INTEGER,
            new String[] {seededKey(key), issuedKey(key)},
            String.valueOf(clock.millis()));
    return consumed == 1L;
  }

  @Override
  public void reset() {
    redis.deleteAll(SEEDED);
    redis.deleteAll(ISSUED);
    seed.forEach(this::putSeeded);
    redis.execute(c -> c.set(redis.key("seeded"), "1"));
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
