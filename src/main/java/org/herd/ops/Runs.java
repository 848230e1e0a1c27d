package org.herd.ops;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.herd.engine.ProcessTable;
import org.herd.engine.Rollout;
import org.herd.engine.RunControl;
import org.herd.engine.RunLease;
import org.herd.engine.RunOutcome;
import org.herd.engine.Serial;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.RunAction;
import org.herd.journal.RunId;
import org.herd.journal.RunSpec;
import org.herd.journal.RunState;
import org.herd.journal.RunSummary;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import org.herd.recipe.InstallTiming;

/**
 * The use cases of journaled runs (docs/run.md): start a plan as a new run, resume one, abort one,
 * and execute a started run. Everything a run reads from the inventory and the recipes is checked
 * before the run is recorded or its hosts leased, so a mistake leaves nothing behind.
 */
public final class Runs {

  private final Workspace workspace;
  private final Journal journal;

  /** The runs of {@code journal}, over {@code workspace}. */
  public Runs(Workspace workspace, Journal journal) {
    this.workspace = workspace;
    this.journal = journal;
  }

  /**
   * The run named {@code id}, as recorded.
   *
   * @throws InvalidRequest when {@code id} is no run id, or no run has it
   */
  public RecordedRun find(String id) {
    RunId run;
    try {
      run = RunId.of(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
    RunSummary summary =
        journal
            .run(run)
            .orElseThrow(() -> new InvalidRequest("run " + id + ": no such run (see 'herd runs')"));
    RunSpec spec = journal.spec(run).orElseThrow();
    return new RecordedRun(summary, spec, PlanJson.read(spec.planJson()));
  }

  /**
   * Records {@code plan} as a new run of {@code command} and takes its hosts.
   *
   * @throws RunLease.HostsHeldException when another run holds one of its hosts (nothing recorded)
   */
  public StartedRun start(Plan plan, String planJson, String command, RunSettings settings)
      throws RunLease.HostsHeldException {
    return start(plan, planJson, command, settings, Optional.empty());
  }

  /**
   * As {@link #start(Plan, String, String, RunSettings)}, for {@code requester}: the run is
   * journaled as started by them, through this process's user on this machine ({@code alice via
   * herd@ops1}).
   */
  public StartedRun start(
      Plan plan, String planJson, String command, RunSettings settings, Optional<String> requester)
      throws RunLease.HostsHeldException {
    List<String> hosts = hosts(plan);
    StartedRun.Checked checked = check(plan, settings, false);
    RunLease lease = RunLease.acquire(journal, hosts, identity(Optional.empty()));
    try {
      HolderIdentity who = identity(Optional.empty());
      String process = who.operator();
      RunId run =
          journal.createRun(
              new RunSpec(
                  command,
                  hosts,
                  planJson,
                  requester.map(name -> name + " via " + process).orElse(process)));
      lease.nameRun(identity(Optional.of(run)));
      return new StartedRun(run, plan, lease, settings, checked, false);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * Takes a paused, failed or crashed run's hosts to continue it, and journals that {@code by}
   * resumed it; a lease left by a herd that crashed on this machine while executing it is taken
   * over at once, and {@code notices} told.
   *
   * @throws InvalidRequest when the run is over, or a host to skip or retry is not in it
   * @throws RunLease.HostsHeldException when another herd holds one of its hosts
   */
  public StartedRun resume(
      RecordedRun run, RunSettings settings, Consumer<String> notices, String by)
      throws RunLease.HostsHeldException {
    RunState state = run.summary().state();
    if (state == RunState.SUCCEEDED || state == RunState.ABORTED) {
      throw new InvalidRequest(
          "run "
              + run.summary().id()
              + ": "
              + state.name().toLowerCase(java.util.Locale.ROOT)
              + ", nothing to resume (make a new plan)");
    }
    Set<String> named = new HashSet<>(settings.options().skip());
    named.addAll(settings.options().retry());
    for (String host : named) {
      if (!run.spec().hosts().contains(host)) {
        throw new InvalidRequest("host " + host + ": not in run " + run.summary().id());
      }
    }
    StartedRun.Checked checked = check(run.plan(), settings, false);
    RunLease lease = resumeLease(run, notices);
    journal.recordAction(run.summary().id(), RunAction.RESUME, by);
    return new StartedRun(run.summary().id(), run.plan(), lease, settings, checked, false);
  }

  /**
   * Stops a run for good: marks it aborted for the herd that executes it, or, when none does, takes
   * its hosts to run the owed cleanup (undrain, unguard) with {@link #execute}.
   */
  public Abort abort(RecordedRun run, RunSettings settings, Consumer<String> notices) {
    if (run.summary().state().terminal()) {
      return new Abort.AlreadyOver(run.summary().state());
    }
    StartedRun.Checked checked = check(run.plan(), settings, true);
    RunLease lease;
    try {
      lease = resumeLease(run, notices);
    } catch (RunLease.HostsHeldException held) {
      journal.setState(run.summary().id(), RunState.ABORTED);
      return new Abort.Signalled(held.held().holder());
    }
    return new Abort.Cleanup(
        new StartedRun(run.summary().id(), run.plan(), lease, settings, checked, true));
  }

  /**
   * Executes (or resumes, or cleans up) a started run to its end or its pause, telling {@code
   * observer} as it goes; {@code control} pauses or aborts it from outside (Ctrl-C), as {@code herd
   * abort} does from any process through the journal.
   */
  public RunOutcome execute(StartedRun run, RunObserver observer, RunControl control)
      throws InterruptedException {
    return new RunExecution(workspace, journal, run).execute(observer, control);
  }

  private RunLease resumeLease(RecordedRun run, Consumer<String> notices)
      throws RunLease.HostsHeldException {
    return RunLease.resume(
        journal,
        run.spec().hosts(),
        identity(Optional.of(run.summary().id())),
        ProcessTable.system(),
        notices);
  }

  /**
   * What the run reads from the inventory and the recipes, checked: how its hosts are reached, its
   * rollout, its clusters' recipes and its hosts' variables.
   */
  private StartedRun.Checked check(Plan plan, RunSettings settings, boolean aborting) {
    List<String> hosts = hosts(plan);
    RunRecipes recipes = RunRecipes.of(workspace, hosts, settings.finalizeAsked());
    // The run's hosts, and every member of its clusters: a cluster's health gate asks members
    // that are not in the run (left out of the plan, or upgraded by an earlier run) too.
    Set<String> reached = new LinkedHashSet<>(hosts);
    recipes.clusters().values().forEach(binding -> reached.addAll(binding.members()));
    return new StartedRun.Checked(
        rollout(hosts, settings, aborting),
        recipes,
        HostVariables.of(workspace.inventory(), hosts),
        workspace.reach(reached));
  }

  /**
   * The constraints of a run of {@code hosts}: the inventory's clusters and waves, with the
   * operator's batches and canaries; every host standalone without an inventory, and for an abort
   * (which only cleans up).
   */
  private Rollout rollout(List<String> hosts, RunSettings settings, boolean aborting) {
    if (aborting) {
      return Rollout.standalone(hosts, Serial.ALL);
    }
    if (workspace.inventory().isEmpty()) {
      return Rollout.standalone(hosts, settings.serial());
    }
    var catalog = workspace.recipes();
    return Rollout.of(
        workspace.inventory().get(),
        hosts,
        settings.serial(),
        settings.canary(),
        RecipeBudgets.of(catalog),
        name -> catalog.find(name).map(r -> r.install() == InstallTiming.AHEAD).orElse(false));
  }

  private HolderIdentity identity(Optional<RunId> run) {
    return HolderIdentity.ofThisProcess(workspace.env(), run);
  }

  private static List<String> hosts(Plan plan) {
    return plan.executableHosts().stream().map(HostPlan::host).toList();
  }
}
