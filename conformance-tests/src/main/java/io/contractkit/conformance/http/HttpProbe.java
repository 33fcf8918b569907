package io.contractkit.conformance.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends probe requests: through {@link HttpClient} when the target is a valid URI, and byte for
 * byte over a socket when it is not (raw hostile input). Extra headers from the profile (a vendor's
 * auth header, say) go on every request.
 */
public final class HttpProbe {
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "host", "expect", "upgrade");

  private final HttpClient client;
  private final Duration timeout;
  private final Map<String, String> extraHeaders;

  public HttpProbe(Duration timeout, Map<String, String> extraHeaders) {
    this.timeout = timeout;
    this.extraHeaders = Map.copyOf(extraHeaders);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public Exchange send(ProbeRequest request) {
    extraHeaders.forEach(
        (k, v) -> {
          if (!request.headers().containsKey(k)) {
            request.header(k, v);
          }
        });
    try {
      URI uri = request.raw() ? null : tryUri(request.url());
      return uri == null ? sendRaw(request) : sendClient(request, uri);
    } catch (IOException e) {
      throw new ProbeException(request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeException(request, e);
    }
  }

  private static URI tryUri(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Exchange sendClient(ProbeRequest request, URI uri)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body =
        request.bodyText() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.bodyText());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(timeout).method(request.method(), body);
    request
        .headers()
        .forEach(
            (k, v) -> {
              if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                builder.header(k, v);
              }
            });
    HttpResponse<byte[]> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Exchange(request, response.statusCode(), response.headers().map(), response.body());
  }

  private Exchange sendRaw(ProbeRequest request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(request.host(), request.port()), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      StringBuilder head = new StringBuilder();
      head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
      head.append("Host: ")
          .append(request.host())
          .append(':')
          .append(request.port())
          .append("\r\n");
      head.append("Connection: close\r\n");
      request.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      byte[] body =
          request.bodyText() == null
              ? new byte[0]
              : request.bodyText().getBytes(StandardCharsets.UTF_8);
      if (body.length > 0) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      return parse(request, socket.getInputStream());
    }
  }

  private static Exchange parse(ProbeRequest request, InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    byte[] bytes = all.toByteArray();
    int split = indexOf(bytes, new byte[] {'\r', '\n', '\r', '\n'});
    if (split < 0) {
      throw new IOException("the server closed the connection without a complete HTTP answer");
    }
    String[] lines = new String(bytes, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    // A status code is three ASCII digits: Integer.parseInt would also read "+200" or "２００".
    if (statusLine.length < 2
        || !statusLine[0].startsWith("HTTP/")
        || !statusLine[1].matches("[0-9]{3}")) {
      throw new IOException("not an HTTP status line: " + lines[0]);
    }
    Map<String, List<String>> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length);
    boolean chunked =
        headers.entrySet().stream()
            .anyMatch(
                e ->
                    e.getKey().equalsIgnoreCase("Transfer-Encoding")
                        && e.getValue().stream()
                            .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked")));
    if (chunked) {
      body = dechunk(body);
    }
    return new Exchange(request, Integer.parseInt(statusLine[1]), headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < chunked.length) {
      int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, pos);
      if (lineEnd < 0) {
        break;
      }
      String sizeText =
          new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      // A chunk size is ASCII hex digits: Integer.parseInt would also read "-1", "+a" or "３".
      if (!sizeText.matches("[0-9A-Fa-f]{1,7}")) {
        break;
      }
      int size = Integer.parseInt(sizeText, 16);
      if (size == 0) {
        break;
      }
      int start = lineEnd + 2;
      out.write(chunked, start, Math.min(size, chunked.length - start));
      pos = start + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    return indexOf(haystack, needle, 0);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
