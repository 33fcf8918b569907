package io.contractkit.mock.contacts;

import io.contractkit.mock.store.redis.RedisBruteForceThrottle;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Clock;

/**
 * The implementations of {@link BruteForceThrottle} that the throttle's behaviour and model tests
 * run against: the same tests, the same answers.
 */
enum ThrottleKind {
  MEMORY {
    @Override
    BruteForceThrottle create(
        Clock clock, ThrottlePolicy policy, long seed, RedisServerExtension redis) {
      return new InMemoryBruteForceThrottle(clock, policy, seed);
    }

    @Override
    long trackedIps(BruteForceThrottle throttle) {
      return ((InMemoryBruteForceThrottle) throttle).trackedIps();
    }
  },
  REDIS {
    @Override
    BruteForceThrottle create(
        Clock clock, ThrottlePolicy policy, long seed, RedisServerExtension redis) {
      return new RedisBruteForceThrottle(redis.freshStore(), clock, policy);
    }

    @Override
    long trackedIps(BruteForceThrottle throttle) {
      return ((RedisBruteForceThrottle) throttle).trackedIps();
    }
  };

  abstract BruteForceThrottle create(
      Clock clock, ThrottlePolicy policy, long seed, RedisServerExtension redis);

  abstract long trackedIps(BruteForceThrottle throttle);
}
