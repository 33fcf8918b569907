package io.contractkit.conformance.checks.lms;

import io.contractkit.conformance.checks.Category;
import io.contractkit.conformance.checks.Check;
import io.contractkit.conformance.checks.CheckContext;
import io.contractkit.conformance.checks.CheckFailure;
import io.contractkit.conformance.checks.CheckInfo;
import io.contractkit.conformance.checks.CheckSkipped;
import io.contractkit.conformance.checks.Disclosure;
import io.contractkit.conformance.checks.ResourceLock;
import io.contractkit.conformance.http.Exchange;
import io.contractkit.conformance.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** LMS-AUTHTOKEN-CONCURRENT-ONE-TIME: of N simultaneous uses of one authToken, exactly one wins. */
public final class AuthTokenIsOneTimeUnderConcurrency implements Check {
  /** The lead it uses: lms.leads[1 % n] ({@link CheckContext#spreadLead}). */
  static final int LEAD_SLOT = 1;

  static final CheckInfo INFO =
      CheckInfo.error(
              "LMS-AUTHTOKEN-CONCURRENT-ONE-TIME",
              Category.LMS,
              "An authToken is accepted only once, also under concurrency",
              "lms.concurrency requests (default 20) sent at the same moment with one fresh authToken"
                  + " release the contact exactly once: consuming the token is atomic.",
              "\"The authToken will only be accepted once, repeated usage will return null values.\""
                  + " [CONTRACT L14](../docs/CONTRACT.md#l14): consumption is atomic: of N concurrent"
                  + " requests with one fresh authToken, exactly one gets the data.",
              """
          expected: exactly 1 of 20 concurrent requests with one fresh authToken discloses the contact
          actual:   20 of 20 disclosed it (statuses: 200×20)
          status:   200 application/json
          curl -i 'http://127.0.0.1:8080/lms/leads/bytoken/contact?accessToken=lead-7Gk2mQ9xWp4tR8vZ&authToken=593017&source=conformance'""")
          .covering("L14");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Set<ResourceLock> locks(CheckContext context) {
    return context.authTokenLocks(context.spreadLead(LEAD_SLOT));
  }

  @Override
  public void run(CheckContext context) {
    int n = context.lms().concurrency();
    if (n < 2) {
      throw new CheckSkipped("lms.concurrency is " + n + "; racing needs at least 2 requests");
    }
    Profile.KnownLead lead = context.lead(context.spreadLead(LEAD_SLOT));
    String authToken = context.freshAuthToken(lead.accessToken());
    List<Exchange> answers = race(context, lead.accessToken(), authToken, n);

    List<Exchange> disclosing =
        answers.stream().filter(e -> Disclosure.lms(e, context) != null).toList();
    if (disclosing.size() != 1) {
      String expected =
          "exactly 1 of "
              + n
              + " concurrent requests with one fresh authToken discloses the contact";
      String actual =
          disclosing.size() + " of " + n + " disclosed it (statuses: " + statuses(answers) + ")";
      Exchange shown = disclosing.size() > 1 ? disclosing.get(1) : answers.get(0);
      throw new CheckFailure(expected, actual, shown);
    }
  }

  /** Sends n identical requests that start together (behind a latch), each on its own thread. */
  private static List<Exchange> race(
      CheckContext context, String accessToken, String authToken, int n) {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Exchange>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  var request = context.lmsRequest(accessToken, authToken);
                  ready.countDown();
                  go.await();
                  return context.sendRacing(request);
                }));
      }
      long waitSeconds = 10L + 2L * context.profile().http().timeoutSeconds();
      if (!ready.await(waitSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "the " + n + " racing threads did not start within " + waitSeconds + " s");
      }
      go.countDown();
      List<Exchange> answers = new ArrayList<>(n);
      for (Future<Exchange> f : futures) {
        answers.add(f.get(waitSeconds, TimeUnit.SECONDS));
      }
      return answers;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the racing requests did not all finish in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while racing", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** e.g. {@code 200×19, 500×1}. */
  private static String statuses(List<Exchange> answers) {
    Map<Integer, Long> counts =
        answers.stream()
            .collect(Collectors.groupingBy(Exchange::status, TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .map(c -> c.getKey() + "×" + c.getValue())
        .collect(Collectors.joining(", "));
  }
}
