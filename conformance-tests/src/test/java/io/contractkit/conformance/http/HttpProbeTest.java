package io.contractkit.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the probe talks to a target: a raw (hostile) request goes byte for byte over a socket and the
 * answer is parsed by hand (status, headers, chunked bodies); the profile's extra headers go on
 * every request without overriding a check's own.
 */
class HttpProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** A server on a free loopback port that answers one request with fixed bytes. */
  private static final class CannedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final CompletableFuture<String> received = new CompletableFuture<>();

    CannedServer(String answer) throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      Thread answering =
          new Thread(
              () -> {
                try (Socket s = socket.accept()) {
                  received.complete(readHead(s.getInputStream()));
                  OutputStream out = s.getOutputStream();
                  out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                } catch (IOException e) {
                  received.completeExceptionally(e);
                }
              });
      answering.setDaemon(true);
      answering.start();
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** The request head as it arrived (up to the blank line). */
    String received() throws Exception {
      return received.get(5, TimeUnit.SECONDS);
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      int b;
      while (matched < 4 && (b = in.read()) >= 0) {
        head.write(b);
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static Exchange sendRaw(String answer, String rawQuery) throws Exception {
    try (CannedServer server = new CannedServer(answer)) {
      return new HttpProbe(TIMEOUT, Map.of())
          .send(ProbeRequest.get(server.base(), "/api/v1/Contacts").rawQuery(rawQuery));
    }
  }

  @Test
  void aRawRequestGoesOutByteForByteWithHostAndConnectionClose() throws Exception {
    try (CannedServer server =
        new CannedServer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
      ProbeRequest request =
          ProbeRequest.get(server.base(), "/api/v1/Contacts")
              .rawQuery("secret=%zz")
              .header("X-Trace", "t1");

      Exchange e = new HttpProbe(TIMEOUT, Map.of()).send(request);

      assertThat(server.received())
          .isEqualTo(
              "GET /api/v1/Contacts?secret=%zz HTTP/1.1\r\n"
                  + "Host: 127.0.0.1:"
                  + server.base().getPort()
                  + "\r\n"
                  + "Connection: close\r\n"
                  + "X-Trace: t1\r\n"
                  + "\r\n");
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.body()).isEmpty();
      assertThat(e.request()).isSameAs(request);
    }
  }

  @Test
  void aRawAnswerIsParsedIntoStatusHeadersAndBody() throws Exception {
    Exchange e =
        sendRaw(
            "HTTP/1.1 404 Not Found\r\n"
                + "Content-Type: application/problem+json\r\n"
                + "X-Empty:\r\n"
                + "no colon here\r\n"
                + ": no name\r\n"
                + "Cache-Control:  no-store \r\n"
                + "\r\n"
                + "hello\r\nworld",
            "secret=%zz");

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.mediaType()).isEqualTo("application/problem+json");
    assertThat(e.header("Cache-Control")).contains("no-store");
    assertThat(e.header("X-Empty")).contains("");
    assertThat(e.headers()).containsOnlyKeys("Content-Type", "X-Empty", "Cache-Control");
    assertThat(e.text()).isEqualTo("hello\r\nworld");
  }

  @Test
  void aRawStatusLineWithoutAReasonPhraseIsParsed() throws Exception {
    Exchange e = sendRaw("HTTP/1.1 204\r\nX-Trace: t2\r\n\r\n", "q=%zz");

    assertThat(e.status()).isEqualTo(204);
    assertThat(e.header("X-Trace")).contains("t2");
    assertThat(e.body()).isEmpty();
  }

  @Test
  void aChunkedRawAnswerIsDechunkedWhateverTheCaseOfTheHeader() throws Exception {
    Exchange e =
        sendRaw(
            "HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\n"
                + "transfer-encoding: Chunked\r\n"
                + "\r\n"
                + "4\r\n{\"a\"\r\n"
                + "5;name=value\r\n:\"bc\"\r\n"
                + "A\r\n,\"d\":\"\r\n\"}\r\n"
                + "0\r\n\r\n",
            "secret=%zz");

    assertThat(e.status()).isEqualTo(200);
    assertThat(e.text()).isEqualTo("{\"a\":\"bc\",\"d\":\"\r\n\"}");
  }

  @Test
  void dechunkingStopsAtTheLastChunkAndKeepsATruncatedOne() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n";

    assertThat(sendRaw(head + "3\r\nabc\r\n0\r\n\r\nignored", "q=%zz").text()).isEqualTo("abc");
    assertThat(sendRaw(head + "3\r\nabc\r\n9\r\nde", "q=%zz").text()).isEqualTo("abcde");
    assertThat(sendRaw(head + "3\r\nabc\r\nzz\r\nde\r\n0\r\n\r\n", "q=%zz").text())
        .isEqualTo("abc");
    assertThat(sendRaw(head + "3\r\nabc\r\n2", "q=%zz").text()).isEqualTo("abc");
  }

  @Test
  void anAnswerWithoutTransferEncodingChunkedIsNotDechunked() throws Exception {
    String body = "3\r\nabc\r\n0\r\n\r\n";

    assertThat(
            sendRaw("HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\n" + body, "q=%zz")
                .text())
        .isEqualTo(body);
    assertThat(sendRaw("HTTP/1.1 200 OK\r\nX-Chunked: chunked\r\n\r\n" + body, "q=%zz").text())
        .isEqualTo(body);
  }

  @Test
  void aRawAnswerThatIsNotHttpIsAProbeException() {
    assertThatThrownBy(() -> sendRaw("SSH-2.0-OpenSSH_9.6\r\n\r\n", "q=%zz"))
        .isInstanceOf(ProbeException.class)
        .hasMessageContaining("not an HTTP status line: SSH-2.0-OpenSSH_9.6");
    assertThatThrownBy(() -> sendRaw("HTTP/1.1\r\n\r\n", "q=%zz"))
        .isInstanceOf(ProbeException.class)
        .hasMessageContaining("not an HTTP status line");
    assertThatThrownBy(() -> sendRaw("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", "q=%zz"))
        .isInstanceOf(ProbeException.class)
        .hasMessageContaining("without a complete HTTP answer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HTTP/1.1 +200 OK",
        "HTTP/1.1 -200 OK",
        "HTTP/1.1 2000 OK",
        "HTTP/1.1 20 OK",
        "HTTP/1.1  200 OK",
        "HTTP/1.1 \uFF12\uFF10\uFF10 OK", // fullwidth digits
        "HTTP/1.1 \u0662\u0660\u0660 OK" // Arabic-Indic digits
      })
  void aStatusCodeIsThreeAsciiDigits(String statusLine) {
    assertThatThrownBy(() -> sendRaw(utf8(statusLine) + "\r\nContent-Length: 0\r\n\r\n", "q=1"))
        .isInstanceOf(ProbeException.class)
        .hasMessageContaining("not an HTTP status line");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+3", "\uFF13", "\u0663", "", "12345678", "3 3"})
  void dechunkingStopsAtAChunkSizeThatIsNotAsciiHex(String size) throws Exception {
    String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    Exchange e = sendRaw(head + "3\r\nabc\r\n" + utf8(size) + "\r\ndef\r\n0\r\n\r\n", "q=1");

    assertThat(e.text()).isEqualTo("abc");
  }

  @Test
  void aChunkSizeOfSevenHexDigitsInEitherCaseIsRead() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    assertThat(sendRaw(head + "0000003\r\nabc\r\na\r\n0123456789\r\n0\r\n\r\n", "q=1").text())
        .isEqualTo("abc0123456789");
    assertThat(sendRaw(head + "F\r\n0123456789abcde\r\n0\r\n\r\n", "q=1").text())
        .isEqualTo("0123456789abcde");
  }

  /** The text as its UTF-8 bytes, one char per byte, as the canned server writes its answer. */
  private static String utf8(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void extraHeadersGoOnEveryRequestButDoNotOverrideTheChecksOwn() throws Exception {
    HttpProbe probe = new HttpProbe(TIMEOUT, Map.of("X-Api-Key", "k1", "Accept", "*/*"));

    try (CannedServer server = new CannedServer("HTTP/1.1 204 No Content\r\n\r\n")) {
      probe.send(
          ProbeRequest.get(server.base(), "/api/v1/Contacts")
              .rawQuery("q=%zz")
              .header("Accept", "text/json"));

      assertThat(server.received())
          .contains("\r\nX-Api-Key: k1\r\n", "\r\nAccept: text/json\r\n")
          .doesNotContain("*/*");
    }
  }

  @Test
  void anInterruptedSendIsAProbeExceptionAndKeepsTheInterrupt() throws Exception {
    try (CannedServer server = new CannedServer("HTTP/1.1 204 No Content\r\n\r\n")) {
      HttpProbe probe = new HttpProbe(TIMEOUT, Map.of());
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> probe.send(ProbeRequest.get(server.base(), "/x")))
            .isInstanceOf(ProbeException.class)
            .hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }
  }
}
