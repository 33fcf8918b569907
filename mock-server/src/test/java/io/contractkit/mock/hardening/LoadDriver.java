package io.contractkit.mock.hardening;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * Sends many requests at once to a local mock: a fixed pool of worker threads, each blocked on a
 * start gate until every worker is ready, so that the requests really overlap. Each worker speaks
 * HTTP/1.1 over its own persistent loopback connection (blocking sockets, no client-side
 * multiplexing), so hundreds of requests are truly in flight at the same time and the client is not
 * the bottleneck.
 */
final class LoadDriver implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final IntSupplier port;
  private final int parallelism;
  private final ExecutorService workers;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final List<Connection> opened = new ArrayList<>();

  /**
   * @param port the server's port, asked for every new connection (a shared test server can be
   *     replaced between tests)
   */
  LoadDriver(IntSupplier port, int parallelism) {
    this.port = port;
    this.parallelism = parallelism;
    this.workers = Executors.newFixedThreadPool(parallelism);
  }

  /** A response as the tests need it. */
  record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  Answer get(String target) throws IOException {
    return exchange("GET", target, "");
  }

  Answer post(String target, String jsonBody) throws IOException {
    return exchange("POST", target, jsonBody);
  }

  /** One request on this thread's connection; a connection the server closed is opened anew. */
  Answer exchange(String method, String target, String body) throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (content.length > 0 ? "Content-Type: application/json\r\n" : "")
            + "Content-Length: "
            + content.length
            + "\r\n\r\n";
    Connection connection = connection();
    try {
      return connection.exchange(
          head.getBytes(StandardCharsets.ISO_8859_1), content, method.equals("HEAD"));
    } catch (EOFException stale) {
      // The server closed the idle connection between two requests: one retry on a new one.
      connection.close();
      connections.remove();
      return connection()
          .exchange(head.getBytes(StandardCharsets.ISO_8859_1), content, method.equals("HEAD"));
    }
  }

  private Connection connection() throws IOException {
    Connection connection = connections.get();
    int current = port.getAsInt();
    if (connection == null || connection.closed || connection.port != current) {
      if (connection != null) {
        connection.close();
      }
      connection = new Connection(current);
      connections.set(connection);
      synchronized (opened) {
        opened.add(connection);
      }
    }
    return connection;
  }

  /**
   * Runs the calls at once (at most {@code parallelism}): every worker waits at the gate until all
   * are ready, then all start together. The results are in the order of the calls.
   */
  <T> List<T> together(List<? extends Callable<T>> calls) throws Exception {
    if (calls.size() > parallelism) {
      throw new IllegalArgumentException("more calls than workers: " + calls.size());
    }
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>(calls.size());
    for (Callable<T> call : calls) {
      futures.add(
          workers.submit(
              () -> {
                ready.countDown();
                start.await();
                return call.call();
              }));
    }
    if (!ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new TimeoutException("the workers did not get ready");
    }
    start.countDown();
    List<T> results = new ArrayList<>(calls.size());
    for (Future<T> future : futures) {
      results.add(future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    return results;
  }

  /** Runs a call in the background on one worker. */
  <T> Future<T> background(Callable<T> call) {
    return workers.submit(call);
  }

  @Override
  public void close() {
    workers.shutdownNow();
    synchronized (opened) {
      opened.forEach(Connection::close);
    }
  }

  /** One persistent HTTP/1.1 connection; responses are framed by Content-Length or chunks. */
  private static final class Connection {
    private final int port;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private volatile boolean closed;

    Connection(int port) throws IOException {
      this.port = port;
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
    }

    Answer exchange(byte[] head, byte[] content, boolean noBody) throws IOException {
      out.write(head);
      out.write(content);
      out.flush();
      String responseHead = readHead();
      String[] statusLine = responseHead.split(" ", 3);
      int status = Integer.parseInt(statusLine[1]);
      Answer partial = new Answer(status, responseHead, "");
      String length = partial.header("Content-Length");
      String encoding = partial.header("Transfer-Encoding");
      byte[] body;
      if (noBody || status == 204 || status == 304 || status < 200) {
        body = new byte[0];
      } else if (length != null) {
        body = in.readNBytes(Integer.parseInt(length));
      } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
        body = readChunks();
      } else {
        body = in.readAllBytes();
        closed = true;
      }
      String connectionHeader = partial.header("Connection");
      if (connectionHeader != null && connectionHeader.equalsIgnoreCase("close")) {
        close();
      }
      return new Answer(status, responseHead, new String(body, StandardCharsets.UTF_8));
    }

    private String readHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream(256);
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new EOFException("connection closed before a response");
        }
        head.write(b);
        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      return text.substring(0, text.length() - 4);
    }

    private byte[] readChunks() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine();
        int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
        if (size == 0) {
          while (!readLine().isEmpty()) {
            // trailers
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(size));
        readLine();
      }
    }

    private String readLine() throws IOException {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    void close() {
      closed = true;
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
