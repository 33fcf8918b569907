package io.contractkit.mock.contacts;

import java.util.Optional;

/**
 * Strict IPv4 / IPv6 literals, parsed by hand (a hot path: no regex, no {@code InetAddress}, never
 * a name lookup). IPv4 is dotted decimal without leading zeros. IPv6 is read and normalized exactly
 * as {@code InetAddress.getByName(text).getHostAddress()} does for a literal (so {@code
 * 2001:DB8:0::1} and {@code 2001:db8::1} count as one ip, and {@code ::ffff:192.0.2.1} is {@code
 * 192.0.2.1}); the property test holds it to that.
 */
public final class IpAddresses {
  private static final int MAX_IPV6_LENGTH = 45;

  private IpAddresses() {}

  /** The normalized literal, or empty when {@code text} is not an IPv4 or IPv6 literal. */
  public static Optional<String> normalize(String text) {
    if (text.indexOf(':') < 0) {
      return isIpv4(text) ? Optional.of(text) : Optional.empty();
    }
    byte[] address = ipv6(text);
    return address == null ? Optional.empty() : Optional.of(format(address));
  }

  /** Four decimal octets 0-255, without leading zeros, separated by dots. */
  static boolean isIpv4(String text) {
    int length = text.length();
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
        return false;
      }
      octets++;
      if (octets == 4) {
        return i == length;
      }
      if (i >= length || text.charAt(i) != '.') {
        return false;
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

  /** As {@code Inet6Address.getHostAddress()}; an IPv4-mapped address as its IPv4 address. */
  private static String format(byte[] a) {
    boolean mapped = (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    for (int k = 0; mapped && k < 10; k++) {
      mapped = a[k] == 0;
    }
    StringBuilder out = new StringBuilder(39);
    if (mapped) {
      return out.append(a[12] & 0xff)
          .append('.')
          .append(a[13] & 0xff)
          .append('.')
          .append(a[14] & 0xff)
          .append('.')
          .append(a[15] & 0xff)
          .toString();
    }
    for (int k = 0; k < 16; k += 2) {
      if (k > 0) {
        out.append(':');
      }
      out.append(Integer.toHexString((a[k] & 0xff) << 8 | (a[k + 1] & 0xff)));
    }
    return out.toString();
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
