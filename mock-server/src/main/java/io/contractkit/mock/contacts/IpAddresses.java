package io.contractkit.mock.contacts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict IPv4 / IPv6 literals, without any name lookup. IPv6 literals are normalized (so {@code
 * 2001:DB8:0::1} and {@code 2001:db8::1} count as one ip).
 */
public final class IpAddresses {
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpAddresses() {}

  /** The normalized literal, or empty when {@code text} is not an IPv4 or IPv6 literal. */
  public static Optional<String> normalize(String text) {
    if (IPV4.matcher(text).matches()) {
      return Optional.of(text);
    }
    if (text.indexOf(':') < 0 || !IPV6_CHARS.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      // A string with ':' is parsed as an IPv6 literal; no name lookup happens.
      return Optional.of(InetAddress.getByName(text).getHostAddress());
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
