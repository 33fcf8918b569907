package io.contractkit.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractkit.mock.store.StoreConfig;
import io.contractkit.mock.support.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Redis that requires a password: the mock connects with MOCK_REDIS_PASSWORD's, not without. */
class RedisPasswordTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  @Test
  void theMockConnectsWithThePasswordAndIsRefusedWithoutIt() {
    assertThat(REDIS.cli("CONFIG", "SET", "requirepass", "s3cret").strip()).isEqualTo("OK");
    StoreConfig without = REDIS.freshConfig();
    StoreConfig with =
        new StoreConfig(without.url(), without.prefix(), Duration.ofSeconds(2), "s3cret");

    assertThatThrownBy(() -> RedisStore.connect(without))
        .isInstanceOf(RedisStore.Unreachable.class)
        .hasMessageStartingWith("state store " + without.url() + " cannot be reached: ")
        .hasMessageContaining("NOAUTH");
    try (RedisStore store = RedisStore.connect(with)) {
      assertThat(new RedisOutboxMessages(store).nextSequence()).isEqualTo(1);
    }
  }
}
