package io.contractkit.mock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request limits beyond those HostileInputTest covers (a 20 KB target, a 20 KB header, long
 * values): a long path, many parameters, many headers, a large body -- each a clear 4xx problem (or
 * an ordinary answer when within the limits), never a 5xx, and the connection stays usable or is
 * closed cleanly.
 */
class RequestLimitsTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";

  @Test
  void aPathOver16KilobytesIsA414Or431Problem() throws IOException {
    RawHttp.Response response = RawHttp.get(mock.port(), "/api/v1/" + "p".repeat(17 * 1024));

    assertThat(response.status()).isIn(414, 431);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("pppppppppppppppp");
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 1_000})
  void manyUnknownParametersWithinTheLimitAreIgnored(int count) throws IOException {
    StringBuilder target = new StringBuilder("/api/v1/Contacts?secret=" + SECRET);
    for (int i = 0; i < count; i++) {
      target.append("&u").append(i).append('=').append(i);
    }

    RawHttp.Response response = RawHttp.get(mock.port(), target.toString());

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void thousandsOfEmptyPairsAreIgnored() throws IOException {
    RawHttp.Response response =
        RawHttp.get(mock.port(), "/api/v1/Contacts?" + "&".repeat(15_000) + "secret=" + SECRET);

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void manySmallHeadersWithinTheLimitAreServed() throws IOException {
    RawHttp.Response response =
        RawHttp.request(mock.port(), "GET", "/api/v1/Contacts?secret=" + SECRET, headers(300, 20));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void thousandsOfHeadersOverTheLimitAreA431Problem() throws IOException {
    RawHttp.Response response =
        RawHttp.request(
            mock.port(), "GET", "/api/v1/Contacts?secret=" + SECRET, headers(3_000, 10));

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("Müller");
  }

  @Test
  void aFiveMegabyteBodyToTheAdminApiIsRefusedWithA4xxOrAnEarlyCloseNeverA5xx() throws IOException {
    byte[] body =
        ("{\"accessToken\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String head =
          "POST /__admin/authtokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      try {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (java.net.SocketException refusedEarly) {
        // The mock may answer and close before it has read the whole body.
      }

      String answer =
          new String(readUntilClosedOrTwoAnswers(socket.getInputStream()), StandardCharsets.UTF_8);

      if (!answer.isEmpty()) {
        assertThat(answer).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        assertThat(answer).contains("application/problem+json");
      }
    }
  }

  @Test
  void afterARefusedRequestTheConnectionIsUsableOrClosedCleanly() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String tooLong = "GET /api/v1/Contacts?secret=" + "t".repeat(20 * 1024) + " HTTP/1.1\r\n";
      String good =
          "GET /api/v1/Contacts?secret=" + SECRET + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
      out.write((tooLong + "Host: localhost\r\n\r\n" + good).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();

      String all =
          new String(readUntilClosedOrTwoAnswers(socket.getInputStream()), StandardCharsets.UTF_8);

      assertThat(all).startsWith("HTTP/1.1 414").doesNotContain("HTTP/1.1 5");
      // Either Jetty closed the connection after the refusal, or it answered the good request.
      if (all.indexOf("HTTP/1.1 ", 1) > 0) {
        assertThat(all).contains("HTTP/1.1 200");
      }
    }
  }

  private static byte[] readUntilClosedOrTwoAnswers(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        all.write(buffer, 0, n);
        String text = all.toString(StandardCharsets.UTF_8);
        if (text.contains("\"Secret\"")) {
          break;
        }
      }
    } catch (java.net.SocketException reset) {
      // a reset after the refusal is a clean close too
    }
    return all.toByteArray();
  }

  private static String headers(int count, int valueLength) {
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < count; i++) {
      headers.append("X-H").append(i).append(": ").append("v".repeat(valueLength)).append("\r\n");
    }
    return headers.toString();
  }
}
