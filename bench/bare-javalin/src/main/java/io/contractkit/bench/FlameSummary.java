package io.contractkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Where a request's CPU time goes, per system, from async-profiler's collapsed stacks of a CPU
 * recording ({@code event=cpu}, one sample every INTERVAL_US of CPU time) and wrk's JSON line of
 * the same load: microseconds of CPU per answered request, in groups of frames (a sample counts for
 * a group when any frame of its stack matches), then the frames whose own time (top of the stack)
 * differs most between the first and the last system.
 *
 * <p>Usage: {@code java -cp bare-javalin.jar io.contractkit.bench.FlameSummary INTERVAL_US
 * NAME=STACKS.collapsed[.gz]:WRK.json ...}. Prints Markdown.
 */
public final class FlameSummary {
  private FlameSummary() {}

  /** A group of frames; {@code depth} indents its label under the group above. */
  private record Group(int depth, String label, Pattern frame) {}

  private static final List<Group> GROUPS =
      List.of(
          group(0, "all of the process", "."),
          group(1, "request threads (Jetty's pool)", "QueuedThreadPool\\$Runner\\.run$"),
          group(2, "selector: epoll wait and interest updates", "ManagedSelector\\.nioSelect$"),
          group(2, "reading the request (read syscall)", "SocketChannelEndPoint\\.fill$"),
          group(2, "parsing the request", "HttpConnection\\.parseRequestBuffer$"),
          group(2, "handling (Server.handle and its wrappers)", "jetty/server/Server\\.handle$"),
          group(3, "Javalin servlet", "JavalinServlet\\.handle$"),
          group(4, "before-handlers (Cache-Control, start time, CORS)", "DefaultTasks\\.BEFORE"),
          group(4, "the route's handler", "DefaultTasks\\.HTTP\\$"),
          group(5, "the throttle", "InMemoryBruteForceThrottle\\."),
          group(5, "query parsing", "QueryParameters\\.|JavalinServletContextKt\\.splitKeyValue"),
          group(4, "after-handlers (journal, log line queued)", "DefaultTasks\\.AFTER"),
          group(4, "Javalin writing the answer", "JavalinServlet\\.writeResponseAndLog$"),
          group(3, "completing the response (write syscall)", "completeOutput$"),
          group(2, "write syscall (writev, wherever called)", "^writev$"),
          group(1, "request-log writer thread", "RequestLog\\.writeUntilClosed$"),
          group(1, "JIT compiler threads", "^CompileBroker::"),
          group(1, "VM thread (garbage collection, safepoints)", "^VMThread::"));

  private static Group group(int depth, String label, String regex) {
    return new Group(depth, label, Pattern.compile(regex));
  }

  private static final Pattern REQUESTS = Pattern.compile("\"requests\":\\s*(\\d+)");

  /** One system's recording. */
  private record Recording(
      String name, long requests, long samples, Map<String, Long> self, long[] perGroup) {
    double micros(long count, double intervalMicros) {
      return count * intervalMicros / requests;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: FlameSummary INTERVAL_US NAME=STACKS.collapsed:WRK.json [NAME=...]");
      System.exit(2);
    }
    double interval = Double.parseDouble(args[0]);
    List<Recording> recordings = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String[] nameAndFiles = args[i].split("=", 2);
      String[] files = nameAndFiles[1].split(":", 2);
      recordings.add(read(nameAndFiles[0], Path.of(files[0]), Path.of(files[1])));
    }
    System.out.print(render(recordings, interval));
  }

  static Recording read(String name, Path stacks, Path wrk) throws IOException {
    Matcher m = REQUESTS.matcher(Files.readString(wrk));
    if (!m.find()) {
      throw new IllegalArgumentException(wrk + ": no \"requests\" in wrk's line");
    }
    long requests = Long.parseLong(m.group(1));
    long samples = 0;
    Map<String, Long> self = new HashMap<>();
    long[] perGroup = new long[GROUPS.size()];
    for (String line : lines(stacks)) {
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      long count = Long.parseLong(line.substring(space + 1));
      String[] frames = line.substring(0, space).split(";");
      samples += count;
      self.merge(frames[frames.length - 1], count, Long::sum);
      for (int g = 0; g < GROUPS.size(); g++) {
        Pattern p = GROUPS.get(g).frame();
        for (String frame : frames) {
          if (p.matcher(frame).find()) {
            perGroup[g] += count;
            break;
          }
        }
      }
    }
    return new Recording(name, requests, samples, self, perGroup);
  }

  /** The lines of a file, gunzipped when its name ends with {@code .gz}. */
  private static List<String> lines(Path file) throws IOException {
    if (!file.toString().endsWith(".gz")) {
      return Files.readAllLines(file);
    }
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      return in.lines().toList();
    }
  }

  static String render(List<Recording> recordings, double interval) {
    StringBuilder out = new StringBuilder();
    Recording first = recordings.get(0);
    Recording last = recordings.get(recordings.size() - 1);
    boolean diff = recordings.size() > 1;

    out.append("| CPU per answered request (µs) |");
    recordings.forEach(r -> out.append(' ').append(r.name()).append(" |"));
    if (diff) {
      out.append(' ').append(first.name()).append(" − ").append(last.name()).append(" |");
    }
    out.append("\n|---|");
    out.append("---:|".repeat(recordings.size() + (diff ? 1 : 0))).append('\n');
    for (int g = 0; g < GROUPS.size(); g++) {
      Group group = GROUPS.get(g);
      long maxCount = 0;
      for (Recording r : recordings) {
        maxCount = Math.max(maxCount, r.perGroup()[g]);
      }
      if (maxCount == 0) {
        continue;
      }
      out.append("| ").append("— ".repeat(group.depth())).append(group.label()).append(" |");
      for (Recording r : recordings) {
        out.append(' ').append(fmt(r.micros(r.perGroup()[g], interval))).append(" |");
      }
      if (diff) {
        double d =
            first.micros(first.perGroup()[g], interval) - last.micros(last.perGroup()[g], interval);
        out.append(' ').append(signed(d)).append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
    for (Recording r : recordings) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %d samples (one per %.0f µs of CPU), %d requests%n",
              r.name(),
              r.samples(),
              interval,
              r.requests()));
    }
    if (!diff) {
      return out.toString();
    }

    out.append("\nOwn time (top of the stack) that differs most, µs per request:\n\n");
    out.append("| frame | ")
        .append(first.name())
        .append(" | ")
        .append(last.name())
        .append(" | difference |\n|---|---:|---:|---:|\n");
    Set<String> frames = new HashSet<>(first.self().keySet());
    frames.addAll(last.self().keySet());
    frames.stream()
        .map(
            f ->
                Map.entry(
                    f,
                    new double[] {
                      first.micros(first.self().getOrDefault(f, 0L), interval),
                      last.micros(last.self().getOrDefault(f, 0L), interval)
                    }))
        .sorted(
            (a, b) ->
                Double.compare(
                    b.getValue()[0] - b.getValue()[1], a.getValue()[0] - a.getValue()[1]))
        .limit(25)
        .forEach(
            e ->
                out.append("| `")
                    .append(shorten(e.getKey()))
                    .append("` | ")
                    .append(fmt(e.getValue()[0]))
                    .append(" | ")
                    .append(fmt(e.getValue()[1]))
                    .append(" | ")
                    .append(signed(e.getValue()[0] - e.getValue()[1]))
                    .append(" |\n"));
    return out.toString();
  }

  /** A frame without its package and without a lambda's generated address. */
  private static String shorten(String frame) {
    String f = frame.replaceAll("\\$\\$Lambda\\$\\d+\\.0x[0-9a-f]+", "\\$\\$Lambda");
    int slash = f.lastIndexOf('/');
    return slash < 0 ? f : f.substring(slash + 1);
  }

  private static String fmt(double micros) {
    return String.format(Locale.ROOT, "%.2f", micros);
  }

  private static String signed(double micros) {
    return String.format(Locale.ROOT, "%+.2f", micros);
  }
}
