import io.contractkit.mock.contacts.InMemoryBruteForceThrottle;
import io.contractkit.mock.contacts.IpAddress;
import io.contractkit.mock.contacts.IpAddresses;
import io.contractkit.mock.contacts.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;

/**
 * What the throttle's calls cost in-process, without HTTP: a failure from a new ip below the
 * 100,000-ip cap and past it (every insert evicts), a found secret's read, and parsing the {@code
 * ip} parameter. A rough
 * single-threaded loop (no JMH), for the order of magnitude next to a request's tens of
 * microseconds; the first rounds include the JIT's work. From the repository's root, after
 * building the mock:
 *
 * <pre>taskset -c 1 java -cp mock-server/target/mock-server.jar bench/micro/ThrottleMicro.java</pre>
 */
public class ThrottleMicro {
  public static void main(String[] args) {
    // A budget no ip reaches: every call counts a failure, none is refused.
    InMemoryBruteForceThrottle throttle =
        new InMemoryBruteForceThrottle(
            Clock.systemUTC(),
            new ThrottlePolicy(1_000_000, Duration.ofSeconds(60), Duration.ofSeconds(300)));
    int n = 1 << 20;
    IpAddress[] ips = new IpAddress[n];
    for (int i = 0; i < n; i++) {
      ips[i] = new IpAddress(0x2001_0db8_0000_0000L, i * 0x9E37_79B9_7F4A_7C15L); // in 2001:db8::/32
    }
    String[] texts = new String[1024];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = "2001:db8:1:2:" + Integer.toHexString(i) + ":" + Integer.toHexString(i * 7) + "::1";
    }
    int belowCap = 50_000;
    int reads = 1_000_000;
    for (int round = 1; round <= 6; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        throttle.failed(ips[i]);
      }
      long t1 = System.nanoTime();
      throttle.reset();
      for (int i = 0; i < belowCap; i++) {
        throttle.failed(ips[i]);
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        throttle.blockedFor(ips[i & 1023]);
      }
      long t3 = System.nanoTime();
      long parsed = 0;
      for (int i = 0; i < reads; i++) {
        parsed += IpAddresses.parse(texts[i & 1023]).orElseThrow().low();
      }
      long t4 = System.nanoTime();
      throttle.reset();
      System.out.printf(
          "round %d: failed(new ip) up to and past the cap %.0f ns, below the cap %.0f ns;"
              + " blockedFor %.0f ns; parsing an IPv6 ip %.0f ns%s%n",
          round,
          (t1 - t0) / (double) n,
          (t2 - t1) / (double) belowCap,
          (t3 - t2) / (double) reads,
          (t4 - t3) / (double) reads,
          parsed == 42 ? "!" : ""); // uses the result, so the parsing is not optimised away
    }
  }
}
