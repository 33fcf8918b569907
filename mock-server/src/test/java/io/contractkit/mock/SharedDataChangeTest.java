package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.admin.InMemoryRequestJournal;
import io.contractkit.mock.clock.SteerableClock;
import io.contractkit.mock.contacts.InMemoryBruteForceThrottle;
import io.contractkit.mock.contacts.ThrottlePolicy;
import io.contractkit.mock.faults.FaultState;
import io.contractkit.mock.faults.InMemoryFaultRules;
import io.contractkit.mock.faults.SeededRandom;
import io.contractkit.mock.fixtures.Contact;
import io.contractkit.mock.fixtures.DataOverrides;
import io.contractkit.mock.fixtures.Fixtures;
import io.contractkit.mock.fixtures.Lead;
import io.contractkit.mock.fixtures.Overrides;
import io.contractkit.mock.fixtures.ServedData;
import io.contractkit.mock.lms.AuthTokenStore;
import io.contractkit.mock.lms.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Test data shared with other replicas: a change made on top of what another replica changed
 * reseeds from that (not from what this replica last heard), and a change heard from another
 * replica is served and remembered without writing a token.
 */
class SharedDataChangeTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  /** Overrides whose every update finds {@code elsewhere} there first, as a shared store may. */
  private static final class ChangedElsewhere implements DataOverrides {
    volatile Overrides value = Overrides.NONE;
    Overrides elsewhere = Overrides.NONE;

    @Override
    public Overrides current() {
      return value;
    }

    @Override
    public Overrides update(UnaryOperator<Overrides> change) {
      value = change.apply(elsewhere);
      return value;
    }
  }

  /** Records what the state asks of the tokens. */
  private static final class Recording implements AuthTokenStore {
    final List<String> calls = new ArrayList<>();

    private static List<String> names(Collection<Lead> leads) {
      return leads.stream().map(Lead::accessToken).sorted().toList();
    }

    @Override
    public boolean issue(String accessToken, String code, Instant expiresAt) {
      return false;
    }

    @Override
    public boolean consume(String accessToken, String code) {
      return false;
    }

    @Override
    public void reset() {}

    @Override
    public void reseed(Collection<Lead> leads, Set<String> fresh) {
      calls.add("reseed " + names(leads) + " " + fresh);
    }

    @Override
    public void adopt(Collection<Lead> leads) {
      calls.add("adopt " + names(leads));
    }

    @Override
    public void forgetExpired() {}
  }

  private static Lead lead(String accessToken) {
    return new Lead(
        accessToken, NOW.plus(Duration.ofDays(1)), new byte[0], "n", null, null, List.of());
  }

  private final ChangedElsewhere overrides = new ChangedElsewhere();
  private final Recording tokens = new Recording();
  private final ServedData data =
      new ServedData(
          new Fixtures(Map.of(), Map.of("fixture", lead("fixture"))), "t", NOW, overrides);
  private final MockState state =
      new MockState(
          tokens,
          new InMemoryBruteForceThrottle(Clock.systemUTC(), ThrottlePolicy.DEFAULT),
          new Outbox(10),
          new InMemoryRequestJournal(10),
          new SteerableClock(Clock.systemUTC()),
          data,
          new FaultState(new InMemoryFaultRules(), new SeededRandom(1)));

  @Test
  void aChangeOnTopOfAnotherReplicasChangeReseedsFromIt() {
    overrides.elsewhere = Overrides.NONE.withLead(lead("elsewhere"));

    state.changeData(o -> o.withLead(lead("here")), Set.of("here"));

    assertThat(tokens.calls)
        .containsExactly("adopt [elsewhere, fixture]", "reseed [elsewhere, fixture, here] [here]");
    assertThat(data.get().leadsByAccessToken()).containsKeys("elsewhere", "here", "fixture");
  }

  @Test
  void aChangeHeardFromAnotherReplicaIsServedAndAdoptedWithoutReseeding() {
    overrides.value =
        Overrides.NONE.withoutLead("fixture").withContact(new Contact("s", new byte[] {1}));

    state.dataChangedElsewhere();

    assertThat(data.get().leadsByAccessToken()).isEmpty();
    assertThat(data.get().contactsBySecret()).containsKey("s");
    assertThat(tokens.calls).containsExactly("adopt []");
  }
}
