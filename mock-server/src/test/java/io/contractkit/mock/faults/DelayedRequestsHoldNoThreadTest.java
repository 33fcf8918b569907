package io.contractkit.mock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.Requests;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * More delayed requests wait at once than the server has threads (Jetty's pool holds at most 250),
 * and the mock still answers: a waiting request holds a connection, not a thread.
 */
@Tag("stress")
class DelayedRequestsHoldNoThreadTest {
  @RegisterExtension static final RunningMock mock = new RunningMock();

  private static final int WAITING = 300;

  @Test
  void threeHundredDelayedRequestsWaitAtOnceAndTheMockStillAnswers() throws IOException {
    Requests.addAcceptedRule(mock.port(), "{\"route\":\"contacts\",\"fault\":{\"delay\":\"1m\"}}");
    byte[] request =
        ("GET /api/v1/Contacts?secret="
                + Fixture.SECRET
                + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    List<SocketChannel> connections = new ArrayList<>();
    try {
      for (int i = 0; i < WAITING; i++) {
        SocketChannel channel =
            SocketChannel.open(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), mock.port()));
        channel.write(ByteBuffer.wrap(request));
        connections.add(channel);
      }
      mock.delays().awaitWaiting(WAITING);

      assertThat(Requests.get(mock.port(), "/__admin/health").status()).isEqualTo(200);

      for (int i = 0; i < WAITING; i++) {
        mock.delays().runNext();
      }
      for (SocketChannel channel : connections) {
        String answer =
            new String(channel.socket().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 200 ").contains(Fixture.SECRET);
      }
    } finally {
      for (SocketChannel channel : connections) {
        channel.close();
      }
    }
  }
}
