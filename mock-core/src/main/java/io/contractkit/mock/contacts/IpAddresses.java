package io.contractkit.mock.contacts;

import java.util.Optional;

/**
 * Strict IPv4 / IPv6 literals, parsed by hand (a hot path: no regex, no {@code InetAddress}, never
 * a name lookup). IPv4 is dotted decimal without leading zeros. IPv6 is read and normalized exactly
 * as {@code InetAddress.getByName(text).getHostAddress()} does for a literal (so {@code
 * 2001:DB8:0::1} and {@code 2001:db8::1} count as one ip, and {@code ::ffff:192.0.2.1} is {@code
 * 192.0.2.1}: one {@link IpAddress}); the property test holds it to that.
 */
public final class IpAddresses {
  private static final int MAX_IPV6_LENGTH = 45;

  private IpAddresses() {}

  /** The normalized literal, or empty when {@code text} is not an IPv4 or IPv6 literal. */
  public static Optional<String> normalize(String text) {
    return parse(text).map(IpAddress::toString);
  }

  /** The address of an IPv4 or IPv6 literal, or empty when {@code text} is neither. */
  public static Optional<IpAddress> parse(String text) {
    if (text.indexOf(':') < 0) {
      long ipv4 = ipv4(text);
      return ipv4 < 0 ? Optional.empty() : Optional.of(IpAddress.ofIpv4((int) ipv4));
    }
    byte[] address = ipv6(text);
    return address == null ? Optional.empty() : Optional.of(IpAddress.ofIpv6(address));
  }

  /**
   * Four decimal octets 0-255, without leading zeros, separated by dots: the address as an unsigned
   * 32-bit value, or -1 when {@code text} is not such a literal.
   */
  static long ipv4(String text) {
    int length = text.length();
    long address = 0;
    int octets = 0;
    int i = 0;
    while (true) {
      int start = i;
      int value = 0;
      while (i < length && i - start < 3 && isDigit(text.charAt(i))) {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return -1;
      }
      address = address << 8 | value;
      octets++;
      if (octets == 4) {
        return i == length ? address : -1;
      }
      if (i >= length || text.charAt(i) != '.') {
        return -1;
      }
      i++;
    }
  }

  /**
   * The 16 bytes of an IPv6 literal, or null. The rules of the JDK's {@code
   * IPAddressUtil.textToNumericFormatV6} (which {@code InetAddress} uses), restricted to the
   * characters of a literal without zone: hex digits, colons and dots.
   */
  private static byte[] ipv6(String src) {
    int length = src.length();
    if (length < 2 || length > MAX_IPV6_LENGTH) {
      return null;
    }
    for (int k = 0; k < length; k++) {
      char c = src.charAt(k);
      if (hex(c) < 0 && c != ':' && c != '.') {
        return null;
      }
    }
    byte[] dst = new byte[16];
    int colonAt = -1;
    int i = 0;
    int j = 0;
    if (src.charAt(0) == ':' && src.charAt(++i) != ':') {
      return null;
    }
    int token = i;
    boolean sawDigit = false;
    int value = 0;
    while (i < length) {
      char c = src.charAt(i++);
      int digit = hex(c);
      if (digit >= 0) {
        value = value << 4 | digit;
        if (value > 0xffff) {
          return null;
        }
        sawDigit = true;
      } else if (c == ':') {
        token = i;
        if (!sawDigit) {
          if (colonAt != -1) {
            return null;
          }
          colonAt = j;
          continue;
        }
        if (i == length || j + 2 > 16) {
          return null;
        }
        dst[j++] = (byte) (value >> 8);
        dst[j++] = (byte) value;
        sawDigit = false;
        value = 0;
      } else if (j + 4 <= 16) { // '.': the rest is an embedded IPv4 address
        if (!embeddedIpv4(src, token, dst, j)) {
          return null;
        }
        j += 4;
        sawDigit = false;
        break;
      } else {
        return null;
      }
    }
    if (sawDigit) {
      if (j + 2 > 16) {
        return null;
      }
      dst[j++] = (byte) (value >> 8);
      dst[j++] = (byte) value;
    }
    if (colonAt != -1) {
      if (j == 16) {
        return null;
      }
      int moved = j - colonAt;
      for (int k = 1; k <= moved; k++) {
        dst[16 - k] = dst[colonAt + moved - k];
        dst[colonAt + moved - k] = 0;
      }
      j = 16;
    }
    return j == 16 ? dst : null;
  }

  /**
   * {@code src} from {@code from} on: four dot-separated decimal parts of at most 255 each (leading
   * zeros allowed, at most 15 characters), as the JDK reads an IPv4 tail of an IPv6 literal.
   */
  private static boolean embeddedIpv4(String src, int from, byte[] dst, int at) {
    int length = src.length();
    if (length - from > 15) {
      return false;
    }
    int part = 0;
    int value = 0;
    boolean empty = true;
    for (int i = from; i < length; i++) {
      char c = src.charAt(i);
      if (c == '.') {
        if (empty || part == 3) {
          return false;
        }
        dst[at + part++] = (byte) value;
        value = 0;
        empty = true;
      } else if (isDigit(c)) {
        value = value * 10 + (c - '0');
        if (value > 0xff) {
          return false;
        }
        empty = false;
      } else {
        return false;
      }
    }
    if (empty || part != 3) {
      return false;
    }
    dst[at + 3] = (byte) value;
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
