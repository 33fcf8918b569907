package io.contractkit.mock.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies what is written to {@code System.err} -- where slf4j-simple writes the mock's log -- while
 * it is open; the output still reaches the console. Restores the original stream on close.
 *
 * <pre>
 * try (CapturedStandardError log = CapturedStandardError.start()) { ...; log.text(); }
 * </pre>
 */
public final class CapturedStandardError implements AutoCloseable {
  private final PrintStream original;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private CapturedStandardError() {
    this.original = System.err;
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (copy) {
              copy.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (copy) {
              copy.write(b, off, len);
            }
            original.write(b, off, len);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  public static CapturedStandardError start() {
    return new CapturedStandardError();
  }

  public String text() {
    System.err.flush();
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}
