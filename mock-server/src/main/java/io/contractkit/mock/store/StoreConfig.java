package io.contractkit.mock.store;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where the mock keeps its state: in its own memory (the default), or in a Redis that several
 * replicas share ({@code --store redis://host:port[/db]} or {@code rediss://...}).
 *
 * @param url the Redis URL; null for {@code memory}
 * @param prefix the first part of every key, so that several mocks can share one Redis
 * @param timeout how long a call to Redis (and connecting to it) may take
 * @param password the Redis password (from {@value #PASSWORD_VARIABLE}); null for none
 */
public record StoreConfig(String url, String prefix, Duration timeout, String password) {
  public static final String MEMORY = "memory";
  public static final String DEFAULT_PREFIX = "contract-kit";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

  /** The environment variable the Redis password is read from (flags show in the process list). */
  public static final String PASSWORD_VARIABLE = "MOCK_REDIS_PASSWORD";

  private static final Pattern DATABASE = Pattern.compile("(/[0-9]{0,5})?");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public static final StoreConfig DEFAULT =
      new StoreConfig(null, DEFAULT_PREFIX, DEFAULT_TIMEOUT, null);

  public StoreConfig {
    if (url != null) {
      if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
        throw new IllegalArgumentException(
            "the store must be 'memory' or a URL redis://host:port[/db] or rediss://host:port[/db]");
      }
      if (!validUrl(url)) {
        throw new IllegalArgumentException(
            "the store URL is not a valid redis:// or rediss:// URL (redis://host:port[/db])");
      }
    }
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "the store prefix must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("the store timeout must be more than 0s and at most 60s");
    }
  }

  /** A host, an optional port and an optional database number; what Lettuce accepts too. */
  private static boolean validUrl(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        return false;
      }
      // a URI with a host has a path (maybe empty)
      if (!DATABASE.matcher(uri.getPath()).matches() || uri.getQuery() != null) {
        return false;
      }
      RedisURI.create(url);
      return true;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The URL without a password it may hold ({@code redis://user:secret@host}). */
  public static String withoutPassword(String url) {
    return url.replaceFirst("//[^@/]*@", "//***@");
  }

  /** From the value of {@code --store} ({@code memory} or a Redis URL). */
  public static StoreConfig of(String store, String prefix, Duration timeout, String password) {
    return new StoreConfig(
        store == null || store.equals(MEMORY) ? null : store, prefix, timeout, password);
  }

  public boolean redis() {
    return url != null;
  }

  /** Without the password, which must never reach a log. */
  @Override
  public String toString() {
    return (url == null ? MEMORY : withoutPassword(url))
        + " (prefix "
        + prefix
        + ", timeout "
        + timeout
        + (password == null ? "" : ", password ***")
        + ")";
  }
}
