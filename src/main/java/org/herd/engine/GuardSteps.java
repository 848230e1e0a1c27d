package org.herd.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.herd.journal.RunId;
import org.herd.plan.HostPlan;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * The guard and unguard steps: herd's {@link ServiceGuard} for the services of the planned
 * packages, installed with a lease of {@link AptStepActions#GUARD_LEASE} that {@link GuardLeases}
 * renews while the run lives, and removed at the end, reporting the restarts dpkg asked for.
 */
final class GuardSteps {

  private final RunId run;
  private final Clock clock;
  private final ServiceGuard guard;
  private final GuardLeases leases;
  private final AheadInstalls ahead;

  /**
   * @param ahead the hosts whose guard holds their services (denies stops too) until their turn:
   *     those installing ahead of it
   */
  GuardSteps(RunId run, Clock clock, ServiceGuard guard, GuardLeases leases, AheadInstalls ahead) {
    this.run = run;
    this.clock = clock;
    this.guard = guard;
    this.leases = leases;
    this.ahead = ahead;
  }

  StepResult guard(Session session, HostPlan plan)
      throws EngineException, TransportException, InterruptedException {
    List<String> services = PlannedNames.serviceUnits(plan);
    if (services.isEmpty()) {
      return new StepResult.Skipped(
          plan.servicesKnown()
              ? "no planned package ships a service"
              : "the plan does not know the packages' services: dpkg restarts them itself");
    }
    boolean hold = ahead.installsAhead(plan.host());
    GuardMode mode = install(session, plan.host(), services, hold);
    return new StepResult.Done(
        true,
        "guard ("
            + mode.name().toLowerCase(Locale.ROOT)
            + (hold ? ", holding: stops denied too" : "")
            + ") for "
            + String.join(" ", services));
  }

  /**
   * Lets the host's services be stopped again (the guard still denies starts and restarts), for its
   * turn's install of packages whose maintainer scripts stop them: the guard installed again for
   * the same run, without the hold.
   */
  void releaseHold(Session session, HostPlan plan)
      throws EngineException, TransportException, InterruptedException {
    List<String> services = PlannedNames.serviceUnits(plan);
    if (!services.isEmpty()) {
      install(session, plan.host(), services, false);
    }
  }

  /** Installs (or refreshes) this run's guard for {@code services}, with a fresh lease. */
  private GuardMode install(Session session, String host, List<String> services, boolean hold)
      throws EngineException, TransportException, InterruptedException {
    Instant until = clock.instant().plus(AptStepActions.GUARD_LEASE);
    GuardMode mode = guard.install(session, run, services, until, hold);
    leases.held(host, until);
    return mode;
  }

  StepResult unguard(Session session)
      throws EngineException, TransportException, InterruptedException {
    leases.released(session.endpoint().name());
    List<DeniedRequest> denied = guard.deniedRequests(session).value();
    boolean removed = guard.remove(session);
    String output = removed ? "guard removed" : "no guard";
    if (!denied.isEmpty()) {
      Set<String> units = new LinkedHashSet<>();
      denied.forEach(d -> units.add(d.unit()));
      output +=
          "\nrestarts dpkg asked for (done by the restart step unless it did not run): "
              + String.join(" ", units);
    }
    return new StepResult.Done(removed, output);
  }
}
