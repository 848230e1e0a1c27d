package org.herd.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.herd.journal.Journal;
import org.herd.journal.RunId;
import org.herd.plan.HostPlan;
import org.herd.plan.RebootPolicy;
import org.herd.transport.CommandResult;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;

/**
 * The steps of a plain apt upgrade, done on real hosts over the transport: what each {@link
 * UpgradeStep} means for a host plan. docs/upgrading.md tells the operator the same. This class
 * only dispatches; each group of steps has its own class:
 *
 * <ul>
 *   <li>download, install ({@link InstallSteps}): {@code apt-get --download-only}, then {@code
 *       apt-get install PKG=VERSION... PKG-...} detached ({@link DetachedCommand}) with {@code
 *       DEBIAN_FRONTEND=noninteractive}, confdef/confold, a bounded lock wait, and the packages'
 *       automatic marks kept; followed live, re-attached after a lost connection;
 *   <li>precheck, health, verify ({@link HostChecks}): dpkg healthy, no lock, space, no drift
 *       before; units active after; every package at its planned version at the end;
 *   <li>drain, undrain: the host's hooks, if any (here);
 *   <li>guard, unguard ({@link GuardSteps}): herd's {@link ServiceGuard} for the services of the
 *       planned packages, its lease renewed while the run lives ({@link GuardLeases}, which reports
 *       a lease it cannot keep: {@link #whenGuardLeaseAtRisk}); unguard reports denied restarts
 *       never performed;
 *   <li>restart ({@link RestartSteps}): the restarts dpkg was denied, herd's way, as the host's
 *       restart policy says;
 *   <li>reboot ({@link RebootStep}): as the run's {@link RebootPolicy} says.
 * </ul>
 *
 * <p>A lost connection makes a step {@link StepResult.Unreachable}, except during install, which
 * herd keeps following for {@link #RECONNECT_WINDOW} while the host's dpkg goes on.
 */
public final class AptStepActions implements StepActions, AutoCloseable {

  /** How long herd keeps trying to re-attach to an install whose connection dropped. */
  public static final Duration RECONNECT_WINDOW = Duration.ofMinutes(10);

  /** How long the guard's lease lasts without renewal; renewed every third of it. */
  public static final Duration GUARD_LEASE = Duration.ofMinutes(15);

  private static final Duration HOOK_TIMEOUT = Duration.ofMinutes(10);

  private final Map<String, HostPlan> plans;
  private final Map<String, DrainHooks> hooks;
  private final HostSessions sessions;
  private final GuardLeases leases;
  private final InstallSteps installs;
  private final HostChecks checks;
  private final GuardSteps guards;
  private final RestartSteps restarts;
  private final RebootStep reboots;
  private final AheadInstalls ahead;

  /**
   * The apt steps of {@code run}, rebooting hosts as {@code reboot} says; the hosts of {@code
   * ahead} install ahead of their turn, their guard holding their services until it.
   */
  public AptStepActions(
      RunId run,
      Map<String, HostPlan> plans,
      Map<String, Endpoint> endpoints,
      Map<String, DrainHooks> hooks,
      Map<String, RestartRules> restartRules,
      Transport transport,
      Journal journal,
      Clock clock,
      Sleeper sleeper,
      AptSettings apt,
      RebootPolicy reboot,
      AheadInstalls ahead) {
    this.plans = Map.copyOf(plans);
    this.hooks = Map.copyOf(hooks);
    this.sessions = new HostSessions(endpoints, transport);
    ServiceGuard guard = ServiceGuard.standard(clock);
    this.leases = new GuardLeases(guard, run, clock, sessions);
    this.installs = new InstallSteps(run, apt, clock, sleeper, sessions);
    this.checks = new HostChecks(run, journal, guard);
    this.ahead = ahead;
    this.guards = new GuardSteps(run, clock, guard, leases, ahead);
    this.restarts = new RestartSteps(run, restartRules, guard, sessions);
    this.reboots = new RebootStep(reboot, clock, sleeper, sessions);
    leases.start(GUARD_LEASE.dividedBy(3));
  }

  @Override
  public StepResult run(String host, UpgradeStep step, Attempt attempt, int number) {
    HostPlan plan = plans.get(host);
    if (plan == null) {
      throw new IllegalArgumentException("no plan for host " + host);
    }
    try {
      Session session = sessions.session(host);
      return switch (step) {
        case DOWNLOAD -> installs.download(session, plan);
        case PRECHECK -> checks.precheck(session, plan);
        case DRAIN -> hook(session, hooks.getOrDefault(host, DrainHooks.NONE).drain(), "drain");
        case GUARD -> guards.guard(session, plan);
        case PREINSTALL ->
            installs.preinstall(session, plan, number, pkg -> ahead.waitsForTurn(host, pkg));
        case INSTALL -> install(session, plan, number);
        case RESTART -> restarts.restart(session, plan);
        case REBOOT -> reboots.reboot(host, session, plan);
        case HEALTH -> checks.health(session, plan);
        case UNDRAIN ->
            hook(session, hooks.getOrDefault(host, DrainHooks.NONE).undrain(), "undrain");
        case UNGUARD -> guards.unguard(session);
        case VERIFY -> checks.verify(session, plan);
      };
    } catch (TransportException e) {
      sessions.forget(host);
      return new StepResult.Unreachable(e.getMessage());
    } catch (EngineException e) {
      return new StepResult.Failed(e.getMessage(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepResult.Failed("interrupted", "");
    }
  }

  @Override
  public void guardInPlace(String host) {
    leases.resumed(host);
  }

  /**
   * The turn's install. A host installing ahead installs what its preinstall left (the packages
   * that wait for the turn, or all of them when it did not run), once its guard lets their
   * maintainer scripts stop its services again; nothing when nothing is left.
   */
  private StepResult install(Session session, HostPlan plan, int number)
      throws EngineException, TransportException, InterruptedException {
    String host = plan.host();
    if (!ahead.installsAhead(host) || plan.isEmpty()) {
      return installs.install(session, plan, number);
    }
    boolean waitingPackages =
        plan.installs().stream().anyMatch(i -> ahead.waitsForTurn(host, i.pkg()))
            || !plan.removals().isEmpty();
    if (!waitingPackages && installs.nothingLeft(session, plan)) {
      return new StepResult.Skipped("installed ahead of the turn");
    }
    guards.releaseHold(session, plan);
    return installs.install(session, plan, number);
  }

  /**
   * Tells {@code listener} when the lease of a host's guard could not be renewed twice in a row
   * (one more miss and dpkg's restarts are no longer denied there), and when it is renewed again
   * afterwards. Called from the renewer's thread.
   */
  public void whenGuardLeaseAtRisk(Consumer<GuardLeaseEvent> listener) {
    leases.whenAtRisk(listener);
  }

  /**
   * Performs the {@code after-run} restarts left on a host (by this run or earlier ones), once
   * every host of the run finished.
   *
   * @return what was done, one line per unit, each starting with the host; empty when nothing was
   *     pending
   */
  public List<String> restartAfterRun(String host) {
    return restarts.restartAfterRun(host);
  }

  private static StepResult hook(Session session, Optional<String> command, String name)
      throws TransportException, InterruptedException {
    if (command.isEmpty()) {
      return new StepResult.Skipped("no " + name + " hook");
    }
    CommandResult result =
        session.run(
            RemoteCommand.shell(command.get()), ExecOptions.defaults().withTimeout(HOOK_TIMEOUT));
    String output = result.stdoutText() + result.stderrText();
    return result.ok()
        ? new StepResult.Done(true, output)
        : new StepResult.Failed(name + " hook exited with status " + result.exitCode(), output);
  }

  @Override
  public void close() {
    leases.close();
    sessions.close();
  }
}
