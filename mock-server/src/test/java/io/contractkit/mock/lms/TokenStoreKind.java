package io.contractkit.mock.lms;

import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.store.redis.RedisAuthTokenStore;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Clock;
import java.util.List;

/**
 * The implementations of {@link AuthTokenStore} that the store's behaviour tests run against: the
 * same tests, the same answers.
 */
enum TokenStoreKind {
  MEMORY {
    @Override
    AuthTokenStore create(Clock clock, List<Lead> seed, RedisServerExtension redis) {
      return new InMemoryAuthTokenStore(clock, seed);
    }
  },
  REDIS {
    @Override
    AuthTokenStore create(Clock clock, List<Lead> seed, RedisServerExtension redis) {
      return new RedisAuthTokenStore(redis.freshStore(), clock, seed);
    }
  };

  abstract AuthTokenStore create(Clock clock, List<Lead> seed, RedisServerExtension redis);
}
