package io.contractkit.mock.store.redis;

import io.contractkit.mock.concurrent.Futures;
import io.contractkit.mock.contacts.BruteForceThrottle;
import io.contractkit.mock.contacts.IpAddress;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The throttle in Redis, shared by every replica, with the semantics of the in-memory throttle: one
 * hash per ip ({@code prefix:ip:<32 hex digits>}) holding the end of its block ({@code b}) or its
 * failure times in the window ({@code f}, oldest first), in epoch milliseconds of the mock's clock,
 * which every call passes in (never Redis's own time). A failure is one Lua script that refuses
 * while blocked, else drops the failures that left the window, counts this one and starts the block
 * when it fills the budget: N concurrent failures over all replicas get at most the budget of 404s.
 * Every key expires a window (or a block) after its last change, plus {@link
 * RedisStore#EXPIRY_MARGIN}, so a flood of distinct ips cannot grow Redis without bound.
 */
public final class RedisBruteForceThrottle implements BruteForceThrottle {
  private static final String PART = "ip:";

  /**
   * Caps a block that lasts longer than a block length from now (the clock was set back), as the
   * in-memory throttle does. Needs local now, blk, margin and k.
   */
  private static final String BLOCK_LEFT =
      "local function blockLeft(b)\n"
          + "  local left = b - now\n"
          + "  if left > blk then\n"
          + "    redis.call('HSET', k, 'b', string.format('%.0f', now + blk))\n"
          + "    redis.call('PEXPIRE', k, blk + margin)\n"
          + "    return blk\n"
          + "  end\n"
          + "  if left > 0 then return left end\n"
          + "  return 0\n"
          + "end\n";

  private static final String ARGS =
      "local k = KEYS[1]\n"
          + "local now = tonumber(ARGV[1])\n"
          + "local win = tonumber(ARGV[2])\n"
          + "local blk = tonumber(ARGV[3])\n"
          + "local max = tonumber(ARGV[4])\n"
          + "local margin = tonumber(ARGV[5])\n";

  /** KEYS: the ip. ARGV: now, window, block, budget, margin. The ms refused for, or 0. */
  private static final RedisStore.Script FAILED =
      new RedisStore.Script(
          ARGS
              + BLOCK_LEFT
              + "local st = redis.call('HMGET', k, 'b', 'f')\n"
              + "if st[1] then\n"
              + "  local left = blockLeft(tonumber(st[1]))\n"
              + "  if left > 0 then return left end\n"
              + "end\n"
              + "local kept = {}\n"
              + "if st[2] then\n"
              + "  for t in string.gmatch(st[2], '%d+') do\n"
              + "    local v = tonumber(t)\n"
              + "    if v > now - win then kept[#kept + 1] = string.format('%.0f', math.min(v, now)) end\n"
              + "  end\n"
              + "end\n"
              + "redis.call('DEL', k)\n"
              + "if #kept + 1 >= max then\n"
              + "  redis.call('HSET', k, 'b', string.format('%.0f', now + blk))\n"
              + "  redis.call('PEXPIRE', k, blk + margin)\n"
              + "else\n"
              + "  kept[#kept + 1] = string.format('%.0f', now)\n"
              + "  redis.call('HSET', k, 'f', table.concat(kept, ' '))\n"
              + "  redis.call('PEXPIRE', k, win + margin)\n"
              + "end\n"
              + "return 0\n");

  /** KEYS: the ip. ARGV: now, window, block, budget, margin. The ms blocked for, or 0. */
  private static final RedisStore.Script BLOCKED_FOR =
      new RedisStore.Script(
          ARGS
              + BLOCK_LEFT
              + "local b = redis.call('HGET', k, 'b')\n"
              + "if b then return blockLeft(tonumber(b)) end\n"
              + "return 0\n");

  /** KEYS: the ip. ARGV: now, window. 1 when it had failures in the window or a block. */
  private static final RedisStore.Script FORGET =
      new RedisStore.Script(
          "local st = redis.call('HMGET', KEYS[1], 'b', 'f')\n"
              + "redis.call('DEL', KEYS[1])\n"
              + "local now = tonumber(ARGV[1])\n"
              + "local expires = 0\n"
              + "if st[1] then expires = tonumber(st[1])\n"
              + "elseif st[2] then\n"
              + "  for t in string.gmatch(st[2], '%d+') do expires = tonumber(t) + tonumber(ARGV[2]) end\n"
              + "end\n"
              + "if expires > now then return 1 end\n"
              + "return 0\n");

  /** KEYS: ips. The block end and failures of each ('' when absent), in one round trip. */
  private static final RedisStore.Script READ =
      new RedisStore.Script(
          "local out = {}\n"
              + "for i, k in ipairs(KEYS) do\n"
              + "  local st = redis.call('HMGET', k, 'b', 'f')\n"
              + "  out[#out + 1] = st[1] or ''\n"
              + "  out[#out + 1] = st[2] or ''\n"
              + "end\n"
              + "return out\n");

  private static final Comparator<TrackedIp> ORDER =
      Comparator.comparing(TrackedIp::blockedFor)
          .reversed()
          .thenComparing(Comparator.comparingInt(TrackedIp::failures).reversed())
          .thenComparingLong(t -> t.ip().high())
          .thenComparingLong(t -> t.ip().low());

  private final RedisStore redis;
  private final Clock clock;
  private final long windowMillis;
  private final long blockMillis;
  private final int maxFailures;

  public RedisBruteForceThrottle(RedisStore redis, Clock clock, ThrottlePolicy policy) {
    this.redis = redis;
    this.clock = clock;
    this.windowMillis = ceilMillis(policy.window());
    this.blockMillis = ceilMillis(policy.block());
    this.maxFailures = policy.maxFailures();
  }

  @Override
  public Optional<Duration> blockedFor(IpAddress ip) {
    return Futures.join(blockedForAsync(ip));
  }

  @Override
  public Optional<Duration> failed(IpAddress ip) {
    return Futures.join(failedAsync(ip));
  }

  @Override
  public CompletableFuture<Optional<Duration>> blockedForAsync(IpAddress ip) {
    return refused(BLOCKED_FOR, ip);
  }

  @Override
  public CompletableFuture<Optional<Duration>> failedAsync(IpAddress ip) {
    return refused(FAILED, ip);
  }

  private CompletableFuture<Optional<Duration>> refused(RedisStore.Script script, IpAddress ip) {
    return redis
        .<Long>runAsync(
            script,
            ScriptOutputType.INTEGER,
            new String[] {key(ip)},
            String.valueOf(clock.millis()),
            String.valueOf(windowMillis),
            String.valueOf(blockMillis),
            String.valueOf(maxFailures),
            String.valueOf(RedisStore.EXPIRY_MARGIN.toMillis()))
        .thenApply(
            millis -> millis > 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty());
  }

  /** How many ips have failures in the window or a block that has not ended. */
  public long trackedIps() {
    return tracked(Integer.MAX_VALUE).size();
  }

  @Override
  public List<TrackedIp> tracked(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    List<String> names = redis.keys(PART);
    long now = clock.millis();
    List<TrackedIp> rows = new ArrayList<>();
    for (int from = 0; from < names.size(); from += 500) {
      String[] batch =
          names.subList(from, Math.min(names.size(), from + 500)).toArray(String[]::new);
      List<String> values = redis.run(READ, ScriptOutputType.MULTI, batch);
      for (int i = 0; i < batch.length; i++) {
        row(batch[i], values.get(2 * i), values.get(2 * i + 1), now).ifPresent(rows::add);
      }
    }
    rows.sort(ORDER);
    return List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
  }

  /** The ip as {@link #tracked} lists it; empty when nothing about it matters any more. */
  private Optional<TrackedIp> row(String name, String blockedUntil, String failures, long now) {
    long expires;
    int recent = 0;
    long blocked = 0;
    if (!blockedUntil.isEmpty()) {
      expires = Long.parseLong(blockedUntil);
      blocked = Math.max(0, expires - now);
    } else if (!failures.isEmpty()) {
      String[] times = failures.split(" ");
      expires = Long.parseLong(times[times.length - 1]) + windowMillis;
      for (String t : times) {
        if (Long.parseLong(t) > now - windowMillis) {
          recent++;
        }
      }
    } else {
      return Optional.empty();
    }
    if (expires <= now) {
      return Optional.empty();
    }
    String hex = name.substring(name.length() - 32);
    IpAddress ip =
        new IpAddress(
            Long.parseUnsignedLong(hex.substring(0, 16), 16),
            Long.parseUnsignedLong(hex.substring(16), 16));
    return Optional.of(new TrackedIp(ip, recent, Duration.ofMillis(blocked)));
  }

  @Override
  public boolean forget(IpAddress ip) {
    Long held =
        redis.run(
            FORGET,
            ScriptOutputType.INTEGER,
            new String[] {key(ip)},
            String.valueOf(clock.millis()),
            String.valueOf(windowMillis));
    return held == 1L;
  }

  @Override
  public void reset() {
    redis.deleteAll(PART);
  }

  private String key(IpAddress ip) {
    return redis.key(PART + String.format("%016x%016x", ip.high(), ip.low()));
  }

  private static long ceilMillis(Duration d) {
    long millis = d.toMillis();
    return d.equals(Duration.ofMillis(millis)) ? millis : millis + 1;
  }
}
