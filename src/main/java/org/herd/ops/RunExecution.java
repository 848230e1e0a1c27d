package org.herd.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.herd.engine.AptSettings;
import org.herd.engine.AptStepActions;
import org.herd.engine.DaemonScheduler;
import org.herd.engine.HostEnd;
import org.herd.engine.RecipeChecks;
import org.herd.engine.RunControl;
import org.herd.engine.RunExecutor;
import org.herd.engine.RunOutcome;
import org.herd.engine.SessionProbes;
import org.herd.journal.Journal;
import org.herd.journal.RunState;
import org.herd.plan.HostPlan;
import org.herd.transport.Transport;

/**
 * One execution of a started run: its hosts and every member of its clusters reached, the apt steps
 * wrapped in the recipes' steps, the executor run under the rollout, and what must stop or pause it
 * wired in — a lost run lease, a guard lease at risk, {@code herd abort} from another process.
 */
final class RunExecution {

  /** How often the journal is asked whether another herd aborted or paused the run. */
  private static final long ABORT_POLL_SECONDS = 1;

  private final Workspace workspace;
  private final Journal journal;
  private final StartedRun run;

  RunExecution(Workspace workspace, Journal journal, StartedRun run) {
    this.workspace = workspace;
    this.journal = journal;
    this.run = run;
  }

  RunOutcome execute(RunObserver observer, RunControl control) throws InterruptedException {
    Map<String, HostPlan> plans = new LinkedHashMap<>();
    run.plan.executableHosts().forEach(h -> plans.put(h.host(), h));
    List<String> hosts = List.copyOf(plans.keySet());
    Reach reach = run.reach;
    if (run.aborting) {
      control.abort();
    }
    String resume = "pausing (herd resume " + run.id + ")";
    run.lease.whenLost(
        reason -> {
          observer.notice("run " + run.id + " " + reason + "; " + resume);
          control.pause();
        });
    ScheduledExecutorService watcher = abortWatcher(control);
    try (Transport transport = workspace.transport(reach.kinds());
        AptStepActions actions =
            new AptStepActions(
                run.id,
                plans,
                reach.endpoints(),
                run.variables.drainHooks(),
                run.variables.restartRules(),
                transport,
                journal,
                workspace.clock(),
                workspace.sleeper(),
                AptSettings.DEFAULT,
                run.settings.options().reboot(),
                run.recipes.aheadInstalls(run.rollout.installingAhead()))) {
      actions.whenGuardLeaseAtRisk(new GuardLeaseAlarm(run.id, observer, control));
      RecipeChecks checks =
          new RecipeChecks(
              new SessionProbes(transport, reach.endpoints()),
              workspace.clock(),
              workspace.sleeper());
      RunOutcome outcome =
          new RunExecutor(
                  journal,
                  run.recipes.steps(actions, checks),
                  observer,
                  run.recipes.policy(checks),
                  workspace.clock())
              .execute(run.id, hosts, run.settings.options(), run.rollout, control);
      restartAfterRun(actions, outcome, observer);
      return outcome;
    } finally {
      watcher.shutdownNow();
    }
  }

  /**
   * Turns {@code herd abort RUN} from another process (the run's state in the journal) into an
   * abort, and a pause request ({@code herd pause RUN}, {@code herd serve}) into a pause.
   */
  private ScheduledExecutorService abortWatcher(RunControl control) {
    ScheduledExecutorService watcher = DaemonScheduler.named("herd-abort-watch");
    watcher.scheduleWithFixedDelay(
        () -> {
          try {
            if (journal.run(run.id).map(r -> r.state() == RunState.ABORTED).orElse(false)) {
              control.abort();
            } else if (journal.takePauseRequest(run.id)) {
              control.pause();
            }
          } catch (RuntimeException e) {
            // The journal is asked again in a moment.
          }
        },
        ABORT_POLL_SECONDS,
        ABORT_POLL_SECONDS,
        TimeUnit.SECONDS);
    return watcher;
  }

  /**
   * The {@code after-run} restarts, once every host of the run finished (not when it paused: the
   * resumed run, or the next apply on the host, does them).
   */
  private static void restartAfterRun(
      AptStepActions actions, RunOutcome outcome, RunObserver observer) {
    if (outcome.state() == RunState.PAUSED) {
      return;
    }
    outcome
        .hosts()
        .forEach(
            (host, end) -> {
              if (end instanceof HostEnd.Succeeded) {
                for (String line : actions.restartAfterRun(host)) {
                  observer.notice("after-run restart: " + line);
                }
              }
            });
  }
}
