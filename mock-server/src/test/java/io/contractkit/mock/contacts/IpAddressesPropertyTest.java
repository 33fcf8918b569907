package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The hand-written ip parser accepts exactly the literals the earlier one did (two regexes, then
 * {@code InetAddress} for IPv6) and normalizes them to the same text, on generated near-literals:
 * well-formed addresses in every spelling, the same with a character or two inserted, deleted or
 * replaced, and token soups full of edge cases. A failure prints its seed; {@code -DQT_SEED=N}
 * replays it.
 */
class IpAddressesPropertyTest {
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /**
   * The earlier implementation. Text that starts with a dot it handed to a name lookup (the JDK
   * reads only text starting with a hex digit or a colon as a literal), which fails for such text:
   * empty here, without the lookup.
   */
  static Optional<String> reference(String text) {
    if (IPV4.matcher(text).matches()) {
      return Optional.of(text);
    }
    if (text.indexOf(':') < 0 || !IPV6_CHARS.matcher(text).matches() || text.startsWith(".")) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getHostAddress());
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static final List<String> TOKENS =
      List.of(
          "",
          "0",
          "00",
          "0000",
          "00000",
          "1",
          "01",
          "9",
          "a",
          "F",
          "ff",
          "Ff",
          "fff",
          "ffff",
          "FFFF",
          "10000",
          "db8",
          "2001",
          "0db8",
          "g",
          ":",
          ":",
          ":",
          "::",
          ":::",
          ".",
          "..",
          "1.2.3.4",
          "192.0.2.1",
          "255.255.255.255",
          "256.1.1.1",
          "01.02.03.004",
          "1.2.3",
          "1.2.3.4.5",
          "0.0.0.0",
          "%",
          "%1",
          "[",
          "]",
          " ",
          "-",
          "\uFF11", // fullwidth 1: Character.digit reads it as 1, an ip parser must not
          "\uFF18\uFF10",
          "\u0661", // Arabic-Indic 1
          "\u0969", // Devanagari 3
          "\uFF21", // fullwidth A
          "\uFF46");

  private static Gen<String> tokenSoup() {
    return lists()
        .of(Generate.pick(TOKENS))
        .ofSizeBetween(1, 14)
        .map(parts -> String.join("", parts));
  }

  /**
   * Eight groups of 0-4 hex digits (random case, leading zeros), maybe "::", maybe an IPv4 tail.
   */
  private static Gen<String> wellFormedIpv6() {
    Gen<Integer> group = integers().between(0, 0xffff);
    Gen<List<Integer>> groups = lists().of(group).ofSize(8);
    Gen<Integer> style = integers().between(0, 1 << 20);
    return groups.zip(
        style,
        (values, s) -> {
          List<String> parts = new ArrayList<>();
          for (int k = 0; k < 8; k++) {
            String hex = Integer.toHexString(values.get(k) % ((s >> k & 1) == 0 ? 0x10000 : 0x10));
            if ((s >> (8 + k % 4) & 1) == 1) {
              hex = hex.toUpperCase(java.util.Locale.ROOT);
            }
            if ((s >> 12 & 1) == 1) {
              hex = "0000".substring(Math.min(4, hex.length())) + hex;
            }
            parts.add(hex);
          }
          if ((s >> 13 & 1) == 1) { // an IPv4 tail instead of the last two groups
            parts = new ArrayList<>(parts.subList(0, 6));
            parts.add(
                (values.get(6) & 0xff)
                    + "."
                    + (values.get(6) >> 8)
                    + "."
                    + (values.get(7) & 0xff)
                    + "."
                    + (values.get(7) >> 8));
          }
          if ((s >> 14 & 1) == 1) { // an IPv4-mapped address
            for (int k = 0; k < 5; k++) {
              parts.set(k, "0");
            }
            parts.set(5, "ffff");
          }
          String text = String.join(":", parts);
          if ((s >> 15 & 1) == 1) { // compress the first run of "0" groups
            text = ("|" + text + "|").replaceFirst("[|:]0(:0)*[|:]", "::");
            text = text.replace("|", "");
          }
          return text;
        });
  }

  /** A well-formed address with one or two characters inserted, deleted or replaced. */
  private static Gen<String> nearIpv6() {
    String edits = ":.0fF9g:.\uFF10\u0669";
    Gen<Integer> edit = integers().between(0, 1 << 24);
    return wellFormedIpv6()
        .zip(
            edit,
            edit,
            (text, first, second) -> edit(edit(text, first, edits), second >> 1, edits));
  }

  private static String edit(String text, int how, String edits) {
    if (how % 4 == 3 || text.isEmpty()) {
      return text;
    }
    int at = (how >> 2) % (text.length() + 1);
    char c = edits.charAt((how >> 12) % edits.length());
    StringBuilder out = new StringBuilder(text);
    switch (how % 4) {
      case 0 -> out.insert(at, c);
      case 1 -> out.deleteCharAt(Math.min(at, text.length() - 1));
      default -> out.setCharAt(Math.min(at, text.length() - 1), c);
    }
    return out.toString();
  }

  private static Gen<String> ipv4Spellings() {
    Gen<Integer> octet = integers().between(0, 300);
    return lists()
        .of(octet)
        .ofSizeBetween(3, 5)
        .zip(
            integers().between(0, 15),
            (octets, zeros) -> {
              List<String> parts = new ArrayList<>();
              for (int k = 0; k < octets.size(); k++) {
                parts.add(((zeros >> k & 1) == 1 ? "0" : "") + octets.get(k));
              }
              return String.join(".", parts);
            });
  }

  @Test
  void acceptsAndNormalizesExactlyAsTheEarlierParser() {
    qt().withExamples(40_000)
        .forAll(Generate.oneOf(tokenSoup(), nearIpv6(), wellFormedIpv6(), ipv4Spellings()))
        .checkAssert(
            text -> assertThat(IpAddresses.normalize(text)).as(text).isEqualTo(reference(text)));
  }

  @Test
  void wellFormedIpv6IsAlwaysAccepted() {
    qt().withExamples(5_000)
        .forAll(wellFormedIpv6())
        .checkAssert(text -> assertThat(IpAddresses.normalize(text)).as(text).isPresent());
  }

  @Test
  void textStartingWithADotIsNeverAnIpAndNeedsNoNameLookup() {
    assertThat(IpAddresses.normalize(".1:2")).isEmpty();
    assertThat(IpAddresses.normalize("..::")).isEmpty();
  }
}
