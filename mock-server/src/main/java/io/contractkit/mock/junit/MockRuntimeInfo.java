package io.contractkit.mock.junit;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.client.MockAdmin;
import java.net.URI;

/**
 * What a test needs of the mock the extension started: where it listens, its admin client and the
 * options it runs with.
 *
 * @param baseUri {@code http://127.0.0.1:PORT}
 * @param admin the admin client, with the mock's admin token when it has one
 * @param config the options the mock runs with (its real port in {@link #port()})
 */
public record MockRuntimeInfo(URI baseUri, MockAdmin admin, MockConfig config) {
  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return baseUri.toString();
  }

  /** The port the mock listens on. */
  public int port() {
    return baseUri.getPort();
  }

  /** {@code baseUrl() + path}: {@code url("/api/v1/Contacts?secret=...")}. */
  public String url(String path) {
    return baseUrl() + path;
  }
}
