package io.contractkit.mock.store.redis;

import io.contractkit.mock.support.RedisServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The commands clients send to a test's Redis while an action runs, one per round trip, seen
 * through {@code redis-cli MONITOR} (commands that scripts run are left out: they cost no round
 * trip).
 */
final class RedisMonitor {
  private RedisMonitor() {}

  /** The names of the commands sent while {@code action} ran, in order (lower case). */
  static List<String> roundTrips(RedisServerExtension redis, Runnable action) throws IOException {
    return commands(redis, action).stream()
        .map(command -> command.substring(1, command.indexOf('"', 1)).toLowerCase(Locale.ROOT))
        .toList();
  }

  /** The commands sent while {@code action} ran, in order, each as {@code "name" "arg" ...}. */
  static List<String> commands(RedisServerExtension redis, Runnable action) throws IOException {
    String port = redis.url().substring(redis.url().lastIndexOf(':') + 1);
    Process monitor = new ProcessBuilder("redis-cli", "-p", port, "MONITOR").start();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
      if (!"OK".equals(lines.readLine())) {
        throw new IllegalStateException("MONITOR did not start");
      }
      action.run();
      String end = "end-" + UUID.randomUUID();
      redis.cli("ECHO", end);
      List<String> commands = new ArrayList<>();
      for (String line = lines.readLine(); !line.contains(end); line = lines.readLine()) {
        if (!line.contains(" lua] ")) {
          commands.add(line.substring(line.indexOf("] \"") + 2));
        }
      }
      return commands;
    } finally {
      monitor.destroy();
    }
  }
}
