package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.herd.engine.GuardedHostSession.State;
import org.herd.journal.RunId;
import org.herd.transport.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * Renewing the guards' leases: a renewal that fails twice in a row is reported with the host, the
 * reason and when the lease runs out; a renewal that succeeds again is reported too; a single miss
 * is not. Ticks are called directly in virtual time.
 */
class GuardLeasesTest {

  private static final RunId RUN = RunId.of("20261203-160000-abc123");
  private static final Duration PERIOD = AptStepActions.GUARD_LEASE.dividedBy(3);

  private final FakeTime time = new FakeTime();
  private final GuardedHostSession web1 = new GuardedHostSession("web1", RUN);
  private final GuardedHostSession web2 = new GuardedHostSession("web2", RUN);
  private final List<GuardLeaseEvent> heard = new CopyOnWriteArrayList<>();
  private final HostSessions sessions =
      new HostSessions(
          Map.of("web1", Endpoint.of("web1"), "web2", Endpoint.of("web2")),
          GuardedHostSession.transport(List.of(web1, web2)));
  private final GuardLeases leases =
      new GuardLeases(ServiceGuard.standard(time), RUN, time, sessions);

  GuardLeasesTest() {
    leases.whenAtRisk(heard::add);
  }

  /** The next period passes and the renewer ticks. */
  private void tick() {
    time.sleep(PERIOD);
    leases.renewNow();
  }

  private Instant guardInstalled(String host) {
    Instant until = time.instant().plus(AptStepActions.GUARD_LEASE);
    leases.held(host, until);
    return until;
  }

  @Test
  void aGuardAnEarlierExecutionLeftIsRenewedByTheResumedRun() {
    leases.resumed("web1");
    tick();
    assertThat(web1.leases())
        .containsExactly(FakeTime.START.plus(PERIOD).plus(AptStepActions.GUARD_LEASE));
    assertThat(web2.leases()).isEmpty();
  }

  @Test
  void aGuardIsRenewedToALeaseFromNowAtEachTick() {
    guardInstalled("web1");
    tick();
    tick();
    assertThat(web1.leases())
        .containsExactly(
            FakeTime.START.plus(PERIOD).plus(AptStepActions.GUARD_LEASE),
            FakeTime.START.plus(PERIOD.multipliedBy(2)).plus(AptStepActions.GUARD_LEASE));
    assertThat(heard).isEmpty();
  }

  @Test
  void oneMissedRenewalIsNotReported() {
    guardInstalled("web1");
    web1.set(State.UNREACHABLE);
    tick();
    web1.set(State.GUARDED);
    tick();
    web1.set(State.UNREACHABLE);
    tick();
    assertThat(heard).isEmpty();
    assertThat(web1.leases()).hasSize(1);
  }

  @Test
  void twoMissesInARowAreReportedOnceWithTheHostTheReasonAndTheEndOfTheLease() {
    Instant until = guardInstalled("web1");
    guardInstalled("web2");
    web1.set(State.UNREACHABLE);
    tick();
    tick();
    tick();

    assertThat(heard).singleElement().isInstanceOf(GuardLeaseEvent.AtRisk.class);
    GuardLeaseEvent.AtRisk risk = (GuardLeaseEvent.AtRisk) heard.get(0);
    assertThat(risk.host()).isEqualTo("web1");
    assertThat(risk.missed()).isEqualTo(2);
    assertThat(risk.reason()).contains("no route to host");
    assertThat(risk.expires()).isEqualTo(until);
    assertThat(risk.describe())
        .contains("web1")
        .contains("2 times in a row")
        .contains("no route to host")
        .contains(until.toString());
    assertThat(web2.leases()).hasSize(3);
  }

  @Test
  void aRenewalThatSucceedsAfterTheReportIsReportedToo() {
    guardInstalled("web1");
    web1.set(State.UNREACHABLE);
    tick();
    tick();
    tick();
    web1.set(State.GUARDED);
    tick();
    Instant renewedUntil = time.instant().plus(AptStepActions.GUARD_LEASE);

    assertThat(heard).hasSize(2);
    assertThat(heard.get(1))
        .isEqualTo(new GuardLeaseEvent.Renewed("web1", 3, renewedUntil))
        .extracting(GuardLeaseEvent::describe)
        .asString()
        .contains("web1")
        .contains("renewed again after 3 failed renewals");
    assertThat(web1.leases()).containsExactly(renewedUntil);

    web1.set(State.UNREACHABLE);
    tick();
    tick();
    assertThat(heard).hasSize(3).last().isInstanceOf(GuardLeaseEvent.AtRisk.class);
    assertThat(((GuardLeaseEvent.AtRisk) heard.get(2)).expires()).isEqualTo(renewedUntil);
  }

  @Test
  void aGuardRemovedBehindHerdsBackIsReportedAsNotInstalled() {
    guardInstalled("web1");
    web1.set(State.GUARD_GONE);
    tick();
    tick();
    assertThat(heard)
        .singleElement()
        .extracting(GuardLeaseEvent::describe)
        .asString()
        .contains("web1")
        .contains("it is not installed");
  }

  @Test
  void aReleasedGuardIsNoLongerRenewedNorReported() {
    guardInstalled("web1");
    web1.set(State.UNREACHABLE);
    tick();
    leases.released("web1");
    tick();
    tick();
    assertThat(heard).isEmpty();
    assertThat(web1.commands()).hasSize(1);
  }
}
