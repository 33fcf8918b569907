package io.contractkit.mock.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request target byte for byte, for input that HTTP client libraries refuse to send (bad
 * percent-encoding, raw control characters), and reads back the status line and body.
 */
public final class RawHttp {
  private RawHttp() {}

  public record Response(int status, String head, String body) {
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  public static Response get(int port, String target) throws IOException {
    return request(port, "GET", target, "");
  }

  public static Response request(int port, String method, String target, String extraHeaders)
      throws IOException {
    return request(port, method, target, extraHeaders, null);
  }

  /** With a body (UTF-8, sent with its Content-Length) unless {@code body} is null. */
  public static Response request(
      int port, String method, String target, String extraHeaders, String body) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String request =
          method
              + " "
              + target
              + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
              + extraHeaders
              + (body == null ? "" : "Content-Length: " + content.length + "\r\n")
              + "\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return read(socket);
    }
  }

  /**
   * Sends {@code head} (the request line and header lines, each ended by CRLF) exactly as written,
   * then the blank line and no body: for a request with a {@code Host} of the test's choosing, or
   * none.
   */
  public static Response raw(int port, String head) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return read(socket);
    }
  }

  private static Response read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    String head = split < 0 ? text : text.substring(0, split);
    String answer = split < 0 ? "" : text.substring(split + 4);
    String[] statusLine = head.split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].toUpperCase(Locale.ROOT).startsWith("HTTP/")) {
      throw new IOException("no HTTP status line in: " + head);
    }
    return new Response(Integer.parseInt(statusLine[1]), head, answer);
  }
}
