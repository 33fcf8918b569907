package io.contractkit.mock.contacts;

/**
 * An ip as the throttle counts it: the 128 bits of an IPv6 address, an IPv4 address as its
 * IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}), so that every spelling of one address is one
 * value. {@link #toString()} is the normalized literal ({@link IpAddresses#normalize}).
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
public record IpAddress(long high, long low) {
  private static final long IPV4_MAPPED = 0xffffL << 32;

  /**
   * The address of a literal that is known to be valid (tests, configuration); text from a request
   * goes through {@link IpAddresses#parse}, which says when it is not an ip.
   */
  public static IpAddress of(String text) {
    return IpAddresses.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an IPv4 or IPv6 literal: " + text));
  }

  static IpAddress ofIpv4(int address) {
    return new IpAddress(0, IPV4_MAPPED | (address & 0xffffffffL));
  }

  static IpAddress ofIpv6(byte[] bytes) {
    return new IpAddress(longAt(bytes, 0), longAt(bytes, 8));
  }

  /**
   * Whether this is a loopback address, as {@code InetAddress.isLoopbackAddress()} says: {@code
   * 127.0.0.0/8} (also written IPv4-mapped, {@code ::ffff:127.0.0.1}) or {@code ::1}.
   */
  public boolean isLoopback() {
    return isIpv4() ? (low >>> 24 & 0xff) == 127 : high == 0 && low == 1;
  }

  /** Whether this is an IPv4 address (IPv4-mapped), which prints as dotted decimal. */
  private boolean isIpv4() {
    return high == 0 && (low & ~0xffffffffL) == IPV4_MAPPED;
  }

  /**
   * As {@code InetAddress.getHostAddress()}: dotted decimal for IPv4 (and IPv4-mapped IPv6), else
   * eight groups of lower-case hex without leading zeros and without {@code ::} compression.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(39);
    if (isIpv4()) {
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.append((low >>> shift) & 0xff);
        if (shift > 0) {
          out.append('.');
        }
      }
      return out.toString();
    }
    for (int group = 0; group < 8; group++) {
      long half = group < 4 ? high : low;
      int shift = 48 - 16 * (group % 4);
      if (group > 0) {
        out.append(':');
      }
      out.append(Integer.toHexString((int) ((half >>> shift) & 0xffff)));
    }
    return out.toString();
  }

  private static long longAt(byte[] bytes, int from) {
    long value = 0;
    for (int i = from; i < from + 8; i++) {
      value = value << 8 | (bytes[i] & 0xff);
    }
    return value;
  }
}
