package io.contractkit.mock.faults;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/** Ends a request's connection without an answer: reset (RST), or closed (FIN). */
final class BrokenConnections {
  private BrokenConnections() {}

  /** The client sees "connection reset by peer". */
  static void reset(Context ctx) throws IOException {
    EndPoint endPoint = endPoint(ctx);
    if (endPoint.getTransport() instanceof SocketChannel channel) {
      // Closing with a zero linger time discards the connection: the kernel sends a RST.
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
    }
    close(ctx, endPoint);
  }

  /** The client sees the connection end before any byte of an answer. */
  static void close(Context ctx) {
    close(ctx, endPoint(ctx));
  }

  private static void close(Context ctx, EndPoint endPoint) {
    endPoint.close();
    // No answer was given: nothing to journal or log, nothing more to run.
    ctx.skipRemainingHandlers();
  }

  private static EndPoint endPoint(Context ctx) {
    return ServletContextRequest.getServletContextRequest(ctx.req())
        .getConnectionMetaData()
        .getConnection()
        .getEndPoint();
  }
}
