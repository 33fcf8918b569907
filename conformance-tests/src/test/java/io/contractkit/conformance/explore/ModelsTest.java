package io.contractkit.conformance.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.conformance.explore.AuthTokenModel.Expected;
import io.contractkit.conformance.explore.AuthTokenModel.State;
import io.contractkit.conformance.profile.Profile;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The reference models and the numbers the explorers read, without a target. */
class ModelsTest {
  private static final Profile.KnownLead LEAD_1 = new Profile.KnownLead("lead-1", null);
  private static final Profile.KnownLead LEAD_2 = new Profile.KnownLead("lead-2", null);

  @Test
  void theThrottleModelBlocksAnIpAtItsMaxFailuresAndForgetsEverythingWhenTheClockMoves() {
    ThrottleModel m = new ThrottleModel(3);
    m.lookedUp(0, false);
    m.lookedUp(0, true);
    m.lookedUp(0, false);
    m.lookedUp(1, false);

    assertThat(m.failuresOf(0)).isEqualTo(2);
    assertThat(m.failuresOf(1)).isEqualTo(1);
    assertThat(m.expected(0, false)).isEqualTo(404);
    assertThat(m.expected(0, true)).isEqualTo(200);
    assertThat(m.isBlocked(0)).isFalse();

    m.lookedUp(0, false);

    assertThat(m.isBlocked(0)).isTrue();
    assertThat(m.expected(0, true)).isEqualTo(429);
    assertThat(m.expected(0, false)).isEqualTo(429);
    assertThat(m.expected(1, true)).isEqualTo(200);
    m.lookedUp(0, false);
    assertThat(m.failuresOf(0)).isEqualTo(3);

    m.clockMovedPastEverything();

    assertThat(m.isBlocked(0)).isFalse();
    assertThat(m.failuresOf(0)).isZero();
    assertThat(m.failuresOf(1)).isZero();
    assertThat(m.expected(0, false)).isEqualTo(404);
  }

  @Test
  void aFreshAuthTokenReleasesOnceAndOnlyForItsOwnLead() {
    AuthTokenModel m = new AuthTokenModel();
    int t = m.sent(0);

    assertThat(t).isZero();
    assertThat(m.tokens()).isEqualTo(1);
    assertThat(m.leadOf(t)).isZero();
    assertThat(m.state(t)).isEqualTo(State.FRESH);
    assertThat(m.expected(t, 0)).isEqualTo(Expected.RELEASE);
    assertThat(m.expected(t, 1)).isEqualTo(Expected.NO_RELEASE);

    m.used(t, 0, true);

    assertThat(m.state(t)).isEqualTo(State.SPENT);
    assertThat(m.expected(t, 0)).isEqualTo(Expected.NO_RELEASE);
  }

  @Test
  void anEarlierAuthTokenOrOneTriedWithAnotherLeadMayGoEitherWayUntilAnAnswerSays() {
    AuthTokenModel m = new AuthTokenModel();
    int first = m.sent(0);
    int other = m.sent(1);
    int second = m.sent(0);

    assertThat(m.state(first)).isEqualTo(State.EITHER);
    assertThat(m.state(other)).isEqualTo(State.FRESH);
    assertThat(m.expected(first, 0)).isEqualTo(Expected.EITHER);
    assertThat(m.expected(first, 1)).isEqualTo(Expected.NO_RELEASE);

    m.used(first, 0, false);
    assertThat(m.state(first)).isEqualTo(State.SPENT);

    m.used(other, 0, false);
    assertThat(m.state(other)).isEqualTo(State.EITHER);
    m.used(other, 1, true);
    assertThat(m.state(other)).isEqualTo(State.SPENT);

    m.used(second, 1, false);
    m.used(second, 1, false);
    assertThat(m.state(second)).isEqualTo(State.EITHER);

    m.sent(1);
    m.allExpired();
    assertThat(IntStream.range(0, m.tokens()).mapToObj(m::state)).containsOnly(State.SPENT);
  }

  @Test
  void aSpentAuthTokenTriedWithAnotherLeadStaysSpent() {
    AuthTokenModel m = new AuthTokenModel();
    int t = m.sent(0);
    m.used(t, 0, true);
    m.used(t, 1, false);

    assertThat(m.state(t)).isEqualTo(State.SPENT);
  }

  @Test
  void theContactsExplorerReadsSmallNumbersAsWrongSecretsFromA() {
    ContactsExplorer e = new ContactsExplorer(new Profile.Throttle(10, 60, 300), "s", true);

    assertThat(e.codes()).isEqualTo(100);
    assertThat(e.step(0)).isEqualTo(new ContactsExplorer.Lookup(0, false));
    assertThat(e.step(59)).isEqualTo(new ContactsExplorer.Lookup(0, false));
    assertThat(e.step(60)).isEqualTo(new ContactsExplorer.Lookup(0, true));
    assertThat(e.step(79)).isEqualTo(new ContactsExplorer.Lookup(0, true));
    assertThat(e.step(80)).isEqualTo(new ContactsExplorer.Lookup(1, false));
    assertThat(e.step(87)).isEqualTo(new ContactsExplorer.Lookup(1, false));
    assertThat(e.step(88)).isEqualTo(new ContactsExplorer.Lookup(1, true));
    assertThat(e.step(93)).isEqualTo(new ContactsExplorer.Lookup(1, true));
    assertThat(e.step(94)).isEqualTo(new ContactsExplorer.MoveClock());
    assertThat(e.step(99)).isEqualTo(new ContactsExplorer.MoveClock());
    assertThat(e.maxLength()).isEqualTo(30);
    assertThat(e.clockMove()).isEqualTo(Duration.ofSeconds(361));
    assertThat(e.realTimeLimit()).isEqualTo(Duration.ofSeconds(30));
    assertThat(new ContactsExplorer(new Profile.Throttle(4, 20, 12), "s", true).realTimeLimit())
        .isEqualTo(Duration.ofSeconds(6));
    assertThat(new ContactsExplorer(new Profile.Throttle(4, 20, 12), "s", false).step(94))
        .isEqualTo(new ContactsExplorer.Lookup(0, false));
    assertThat(e.step(60).toString()).isEqualTo("correct secret from ip A");
    assertThat(e.step(80).toString()).isEqualTo("wrong secret from ip B");
    assertThat(e.step(99).toString()).isEqualTo("clock moved");
  }

  @Test
  void theLmsExplorerReadsSmallNumbersAsUsesOfTheLatestAuthToken() {
    LmsExplorer e = new LmsExplorer(List.of(LEAD_1, LEAD_2), 900, true);

    assertThat(e.codes()).isEqualTo(100);
    assertThat(e.step(0)).isEqualTo(new LmsExplorer.Use(0, false));
    assertThat(e.step(9)).isEqualTo(new LmsExplorer.Use(0, false));
    assertThat(e.step(10)).isEqualTo(new LmsExplorer.Use(1, false));
    assertThat(e.step(39)).isEqualTo(new LmsExplorer.Use(3, false));
    assertThat(e.step(40)).isEqualTo(new LmsExplorer.Use(0, true));
    assertThat(e.step(43)).isEqualTo(new LmsExplorer.Use(1, true));
    assertThat(e.step(45)).isEqualTo(new LmsExplorer.Use(1, true));
    assertThat(e.step(49)).isEqualTo(new LmsExplorer.Use(3, true));
    assertThat(e.step(50)).isEqualTo(new LmsExplorer.Send(0));
    assertThat(e.step(51)).isEqualTo(new LmsExplorer.Send(1));
    assertThat(e.step(89)).isEqualTo(new LmsExplorer.Send(1));
    assertThat(e.step(90)).isEqualTo(new LmsExplorer.MoveClock());
    assertThat(e.step(99)).isEqualTo(new LmsExplorer.MoveClock());
    assertThat(e.maxLength()).isEqualTo(12);
    assertThat(e.clockMove()).isEqualTo(Duration.ofSeconds(901));
    assertThat(e.realTimeLimit()).isEqualTo(Duration.ofMillis(450_000));

    LmsExplorer oneLead = new LmsExplorer(List.of(LEAD_1), null, false);
    assertThat(oneLead.step(40)).isEqualTo(new LmsExplorer.Use(0, false));
    assertThat(oneLead.step(51)).isEqualTo(new LmsExplorer.Send(0));
    assertThat(oneLead.step(90)).isEqualTo(new LmsExplorer.Send(0));
    assertThat(oneLead.clockMove()).isEqualTo(Duration.ZERO);
    assertThat(oneLead.realTimeLimit()).isEqualTo(Duration.ofSeconds(60));

    assertThat(e.step(0).toString()).isEqualTo("use authToken latest");
    assertThat(e.step(43).toString()).isEqualTo("use authToken latest-1 for another lead");
    assertThat(e.step(51).toString()).isEqualTo("send lead 2 a fresh authToken");
    assertThat(e.step(90).toString()).isEqualTo("clock moved");
  }
}
