package io.contractkit.mock.cli;

/**
 * Runs a stop action on SIGTERM and SIGINT (Ctrl-C) instead of the JVM's default, which runs the
 * shutdown hooks and then exits with 143 or 130 whatever they did. With this, the process exits the
 * way the stopped program returns: {@code 0} after a graceful stop, which is what process
 * supervisors (systemd, Docker, Kubernetes) expect of a service that was asked to stop.
 *
 * <p>{@code sun.misc.Signal} is in the {@code jdk.unsupported} module, which is there for exactly
 * this kind of use; where a signal cannot be handled (another runtime, another platform) the JVM's
 * default stays and the shutdown hook still stops the mock, only with the JVM's exit code.
 */
public final class TerminationSignals {
  private TerminationSignals() {}

  /** Runs {@code stop} on its own thread on SIGTERM or SIGINT. */
  public static void onTermination(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(
            new sun.misc.Signal(name),
            signal -> new Thread(stop, "mock-server-sig" + name).start());
      } catch (IllegalArgumentException | LinkageError e) {
        // not available here: the shutdown hook does the stopping
      }
    }
  }
}
