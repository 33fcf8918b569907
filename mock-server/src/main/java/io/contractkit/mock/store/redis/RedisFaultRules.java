package io.contractkit.mock.store.redis;

import io.contractkit.mock.faults.FaultRule;
import io.contractkit.mock.faults.FaultRules;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault rules shared by every replica: the rules themselves in one {@link SharedSnapshot}
 * ({@code prefix:shared:faults}; requests match against the local copy, no Redis call), and each
 * rule's count in a field of the same hash ({@code fired:UID}), created and dropped with the rule
 * by the same script. {@link #fire} is one script on that field, so {@code times: 3} fires exactly
 * three times over every replica; a rule removed (or reset) in between has no field, and does not
 * fire.
 */
public final class RedisFaultRules implements FaultRules {
  private static final String ID_PREFIX = "fault-";
  private static final String FIRED = "fired:";

  /**
   * KEYS: the hash. ARGV: the count's field, the rule's times ('' for no limit). {1, count} when it
   * fires; {0, count} when it has fired as often as it may; {0, -1} when the rule is gone.
   */
  private static final RedisStore.Script FIRE =
      new RedisStore.Script(
          "local f = redis.call('HGET', KEYS[1], ARGV[1])\n"
              + "if not f then return {0, -1} end\n"
              + "f = tonumber(f)\n"
              + "if ARGV[2] ~= '' and f >= tonumber(ARGV[2]) then return {0, f} end\n"
              + "return {1, redis.call('HINCRBY', KEYS[1], ARGV[1], 1)}\n");

  /** One rule: its id for users, and the id of its count, never used again. */
  record Rule(String id, String uid, FaultRule rule) {}

  /** Every rule, newest first, and the number in the last id given. */
  record Rules(long lastId, List<Rule> rules) {
    static final Rules NONE = new Rules(0, List.of());

    Rules {
      rules = List.copyOf(rules);
    }

    Optional<Rule> find(String id) {
      return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    Set<String> uids() {
      Set<String> uids = new HashSet<>();
      rules.forEach(r -> uids.add(r.uid()));
      return uids;
    }
  }

  /** A change that changes nothing: the store is full, or the rule is unknown. */
  private static final class Refused extends RuntimeException {
    Refused() {
      super(null, null, false, false);
    }
  }

  private final RedisStore redis;
  private final SharedSnapshot<Rules> snapshot;

  /** The counts as this replica last saw them, by uid: what the hot path skips used-up rules by. */
  private final Map<String, Long> fired = new ConcurrentHashMap<>();

  public RedisFaultRules(RedisStore redis, SharedSnapshots shared) {
    this.redis = redis;
    this.snapshot =
        shared.snapshot(
            "faults", SharedSnapshot.json(Rules.class), Rules.NONE, RedisFaultRules::fields);
    snapshot.onRemoteChange(rules -> forgetCounts());
  }

  /** The count fields a change creates (rules added) and drops (rules removed). */
  static SharedSnapshot.Fields fields(Rules before, Rules after) {
    Set<String> kept = before.uids();
    Map<String, String> created = new LinkedHashMap<>();
    for (String uid : after.uids()) {
      if (!kept.remove(uid)) {
        created.put(FIRED + uid, "0");
      }
    }
    List<String> dropped = new ArrayList<>();
    kept.forEach(uid -> dropped.add(FIRED + uid));
    return new SharedSnapshot.Fields(created, dropped);
  }

  @Override
  public Optional<String> add(FaultRule rule) {
    try {
      Rules after =
          snapshot.update(
              r -> {
                if (r.rules().size() >= MAX_RULES) {
                  throw new Refused();
                }
                List<Rule> rules = new ArrayList<>();
                long id = r.lastId() + 1;
                rules.add(new Rule(ID_PREFIX + id, UUID.randomUUID().toString(), rule));
                rules.addAll(r.rules());
                return new Rules(id, rules);
              });
      return Optional.of(after.rules().get(0).id());
    } catch (Refused e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Stored> newestFirst() {
    return snapshot.current().rules().stream()
        .map(r -> new Stored(r.id(), r.rule(), fired.getOrDefault(r.uid(), 0L)))
        .toList();
  }

  /** The rules with their counts over every replica, read from Redis (for the admin API). */
  @Override
  public List<Stored> counted() {
    Map<String, String> all = redis.call(c -> c.hgetall(snapshot.key()));
    for (Rule rule : snapshot.current().rules()) {
      String count = all.get(FIRED + rule.uid());
      if (count != null) {
        fired.merge(rule.uid(), Long.parseLong(count), Math::max);
      }
    }
    return newestFirst();
  }

  @Override
  public boolean fire(String id) {
    Optional<Rule> found = snapshot.current().find(id);
    if (found.isEmpty()) {
      return false;
    }
    Rule rule = found.get();
    Integer times = rule.rule().times();
    List<Object> result =
        redis.run(
            FIRE,
            ScriptOutputType.MULTI,
            new String[] {snapshot.key()},
            FIRED + rule.uid(),
            times == null ? "" : String.valueOf(times));
    long count = (Long) result.get(1);
    if (count >= 0) {
      fired.merge(rule.uid(), count, Math::max);
    }
    return (Long) result.get(0) == 1L;
  }

  @Override
  public boolean remove(String id) {
    try {
      snapshot.update(
          r -> {
            Rule rule = r.find(id).orElseThrow(Refused::new);
            List<Rule> rules = new ArrayList<>(r.rules());
            rules.remove(rule);
            return new Rules(r.lastId(), rules);
          });
      forgetCounts();
      return true;
    } catch (Refused e) {
      return false;
    }
  }

  @Override
  public void reset() {
    snapshot.update(r -> Rules.NONE);
    forgetCounts();
  }

  @Override
  public boolean isEmpty() {
    return snapshot.current().rules().isEmpty();
  }

  /** Drops the counts of rules that are gone. */
  private void forgetCounts() {
    fired.keySet().retainAll(snapshot.current().uids());
  }
}
