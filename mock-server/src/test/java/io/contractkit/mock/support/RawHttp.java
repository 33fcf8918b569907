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
    String head =
        method
            + " "
            + target
            + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + extraHeaders
            + (body == null ? "" : "Content-Length: " + content.length + "\r\n")
            + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[headBytes.length + content.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(content, 0, request, headBytes.length, content.length);
    return send(port, request);
  }

  /**
   * Sends {@code request} exactly as given (request line, headers and all; one byte per char,
   * ISO-8859-1) and reads the answer until the server closes the connection.
   */
  public static Response send(int port, String request) throws IOException {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Response send(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
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
}
