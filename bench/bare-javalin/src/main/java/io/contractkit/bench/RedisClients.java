package io.contractkit.bench;

import com.sun.management.OperatingSystemMXBean;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

/**
 * What one script call to Redis costs, the way a request thread of the mock makes it, through
 * Lettuce (the mock's client: one connection shared by every thread, synchronous calls, as {@code
 * RedisStore}) and through Jedis (a pool with one connection per thread, each call on the calling
 * thread's socket). Many threads call at once, as the request threads of a loaded mock do; the
 * script reads and writes one key, like the mock's hot paths. For each client and round: calls per
 * second, the CPU time of this process per call and the CPU time of {@code redis-server} per call
 * (its {@code INFO cpu} over its {@code EVALSHA} count), whose sum is what a request's round trip
 * costs a machine where both share one core. The clients take turns within each round.
 *
 * <pre>
 * redis-server --port 6390 --save '' --appendonly no --daemonize yes
 * taskset -c 1 java -cp bench/bare-javalin/target/bare-javalin.jar io.contractkit.bench.RedisClients 6390
 * </pre>
 *
 * Arguments: the Redis port, then optionally threads (32), seconds per round (10), rounds (3).
 * Prints one JSON line per client and round, then a Markdown table of the medians.
 */
public final class RedisClients {
  private static final String SCRIPT =
      "local v = redis.call('get', KEYS[1]); redis.call('set', KEYS[1], ARGV[1], 'PX', 60000);"
          + " return v";

  /** One script call on behalf of thread {@code thread}. */
  private interface Call {
    void run(int thread);
  }

  private record Round(String client, int round, double callsPerSecond, double clientUs, double redisUs) {
    String json() {
      return String.format(
          "{\"client\":\"%s\",\"round\":%d,\"calls_per_s\":%.0f,\"client_cpu_us_per_call\":%.1f,"
              + "\"redis_cpu_us_per_call\":%.1f}",
          client, round, callsPerSecond, clientUs, redisUs);
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

    RedisClient lettuce = RedisClient.create("redis://127.0.0.1:" + port);
    StatefulRedisConnection<String, String> admin = lettuce.connect();
    StatefulRedisConnection<String, String> shared = lettuce.connect();
    RedisCommands<String, String> sync = shared.sync();
    String sha = sync.scriptLoad(SCRIPT);
    String[][] keys = new String[threads][];
    for (int t = 0; t < threads; t++) {
      keys[t] = new String[] {"bench:redis-clients:" + t};
    }

    GenericObjectPoolConfig<Connection> poolConfig = new ConnectionPoolConfig();
    poolConfig.setMaxTotal(threads);
    poolConfig.setMaxIdle(threads);
    redis.clients.jedis.RedisClient jedis =
        redis.clients.jedis.RedisClient.builder()
            .hostAndPort(new HostAndPort("127.0.0.1", port))
            .clientConfig(DefaultJedisClientConfig.builder().build())
            .poolConfig(poolConfig)
            .build();
    List<List<String>> jedisKeys = new ArrayList<>();
    for (String[] k : keys) {
      jedisKeys.add(List.of(k));
    }
    List<String> jedisArgs = List.of("v");

    Map<String, Call> clients = new LinkedHashMap<>();
    clients.put("lettuce", t -> sync.evalsha(sha, ScriptOutputType.VALUE, keys[t], "v"));
    clients.put("jedis", t -> jedis.evalsha(sha, jedisKeys.get(t), jedisArgs));

    // warm-up: the JIT compiles both clients' paths before anything is measured
    for (Map.Entry<String, Call> client : clients.entrySet()) {
      load(client.getValue(), threads, Math.max(2, seconds / 2));
    }
    List<Round> results = new ArrayList<>();
    List<String> order = new ArrayList<>(clients.keySet());
    for (int round = 1; round <= rounds; round++) {
      for (String name : order) {
        Round r = measure(name, round, clients.get(name), threads, seconds, admin.sync());
        System.out.println(r.json());
        results.add(r);
      }
      java.util.Collections.reverse(order);
    }
    System.out.println();
    System.out.printf(
        "%d threads, %d × %d s; medians of the rounds%n%n", threads, rounds, seconds);
    System.out.println(
        "| client | calls/s | µs CPU/call, client | µs CPU/call, redis-server | µs CPU/call, both |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (String name : clients.keySet()) {
      double[] rate = results.stream().filter(r -> r.client.equals(name)).mapToDouble(Round::callsPerSecond).toArray();
      double[] client = results.stream().filter(r -> r.client.equals(name)).mapToDouble(Round::clientUs).toArray();
      double[] redis = results.stream().filter(r -> r.client.equals(name)).mapToDouble(Round::redisUs).toArray();
      double[] both = new double[client.length];
      for (int i = 0; i < both.length; i++) {
        both[i] = client[i] + redis[i];
      }
      System.out.printf(
          "| %s | %,.0f | %.1f | %.1f | %.1f |%n",
          name, median(rate), median(client), median(redis), median(both));
    }
    jedis.close();
    shared.close();
    admin.close();
    lettuce.shutdown();
  }

  private static Round measure(
      String name,
      int round,
      Call call,
      int threads,
      int seconds,
      RedisCommands<String, String> admin)
      throws InterruptedException {
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] redisBefore = redisCpuAndCalls(admin);
    long cpuBefore = os.getProcessCpuTime();
    long started = System.nanoTime();
    long calls = load(call, threads, seconds);
    double elapsed = (System.nanoTime() - started) / 1e9;
    long cpu = os.getProcessCpuTime() - cpuBefore;
    double[] redisAfter = redisCpuAndCalls(admin);
    double redisCalls = redisAfter[1] - redisBefore[1];
    return new Round(
        name,
        round,
        calls / elapsed,
        cpu / 1e3 / calls,
        (redisAfter[0] - redisBefore[0]) * 1e6 / redisCalls);
  }

  /** Calls from {@code threads} threads for {@code seconds}; the number of calls made. */
  private static long load(Call call, int threads, int seconds) throws InterruptedException {
    LongAdder calls = new LongAdder();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread caller =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  call.run(thread);
                  calls.increment();
                }
              });
      caller.start();
      running.add(caller);
    }
    for (Thread thread : running) {
      thread.join();
    }
    return calls.sum();
  }

  /** redis-server's CPU seconds (user + system) and its EVALSHA calls so far. */
  private static double[] redisCpuAndCalls(RedisCommands<String, String> admin) {
    double cpu = 0;
    double calls = 0;
    for (String line : (admin.info("cpu") + admin.info("commandstats")).split("\r?\n")) {
      if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
        cpu += Double.parseDouble(line.substring(line.indexOf(':') + 1));
      } else if (line.startsWith("cmdstat_evalsha:")) {
        for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
          if (field.startsWith("calls=")) {
            calls = Double.parseDouble(field.substring("calls=".length()));
          }
        }
      }
    }
    return new double[] {cpu, calls};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private RedisClients() {}
}
