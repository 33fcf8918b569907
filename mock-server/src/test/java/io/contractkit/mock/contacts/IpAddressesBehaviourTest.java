package io.contractkit.mock.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which ip literals count, and as which ip. */
class IpAddressesBehaviourTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "192.0.2.1, 192.0.2.1",
    "198.51.100.250, 198.51.100.250",
    "203.0.113.199, 203.0.113.199",
    "2001:db8::1, 2001:db8:0:0:0:0:0:1",
    "2001:DB8:0::1, 2001:db8:0:0:0:0:0:1",
    "::ffff:192.0.2.1, 192.0.2.1",
    "'::', 0:0:0:0:0:0:0:0"
  })
  void literalsAreNormalized(String text, String expected) {
    assertThat(IpAddresses.normalize(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.01x",
        "192.0.2",
        "192.0.2.256",
        "[2001:db8::1]",
        "2001:db8::1%eth0",
        "2001:db8:::1",
        "localhost",
        "example.com",
        "1",
        ":"
      })
  void otherTextIsNotAnIp(String text) {
    assertThat(IpAddresses.normalize(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is loopback: {1}")
  @CsvSource({
    "127.0.0.1, true",
    "127.255.255.254, true",
    "::ffff:127.0.0.2, true",
    "::1, true",
    "0:0:0:0:0:0:0:1, true",
    "126.255.255.255, false",
    "128.0.0.1, false",
    "0.0.0.0, false",
    "'::', false",
    "::2, false",
    "1::1, false",
    "::1:0:0:1, false",
    "::ffff:126.0.0.1, false",
    "2001:db8::1, false"
  })
  void loopbackIsWhatInetAddressCallsLoopback(String text, boolean loopback)
      throws UnknownHostException {
    assertThat(IpAddress.of(text).isLoopback()).isEqualTo(loopback);
    // a literal: InetAddress parses it, no name lookup
    assertThat(InetAddress.getByName(text).isLoopbackAddress()).isEqualTo(loopback);
  }
}
