package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RunningMock;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A body shorter than its Content-Length (the client gave up) is the client's fault: 400. */
class TruncatedBodyTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  @Test
  void aMintBodyThatEndsBeforeItsContentLengthIsA400Problem() throws Exception {
    String answer = sendTruncated("/__admin/authtokens", "{\"accessToken\":\"" + Fixture.LEAD);

    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("application/problem+json");
    assertThat(answer).contains("ended before its Content-Length").doesNotContain(Fixture.LEAD);
  }

  @Test
  void anEmptyBodyWithAContentLengthIsA400ProblemToo() throws Exception {
    assertThat(sendTruncated("/__admin/authtokens", "")).startsWith("HTTP/1.1 400 ");
  }

  /** Sends the headers with Content-Length 100, then {@code body}, then closes its side. */
  private static String sendTruncated(String path, String body) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 100\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
