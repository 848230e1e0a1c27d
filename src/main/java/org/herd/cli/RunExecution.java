package org.herd.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.herd.engine.AptSettings;
import org.herd.engine.AptStepActions;
import org.herd.engine.DaemonScheduler;
import org.herd.engine.DrainHooks;
import org.herd.engine.ExecutionOptions;
import org.herd.engine.HostEnd;
import org.herd.engine.ProcessTable;
import org.herd.engine.RecipeChecks;
import org.herd.engine.RestartRules;
import org.herd.engine.Rollout;
import org.herd.engine.RunControl;
import org.herd.engine.RunExecutor;
import org.herd.engine.RunLease;
import org.herd.engine.RunOutcome;
import org.herd.engine.SessionProbes;
import org.herd.engine.Sleeper;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryException;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.RunId;
import org.herd.journal.RunSpec;
import org.herd.journal.RunState;
import org.herd.nodeset.NodeSet;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.transport.Endpoint;
import org.herd.transport.Transport;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code herd apply}, {@code upgrade}, {@code resume} and {@code abort} share: take the run's
 * hosts in the journal, execute the run with the apt steps while showing progress, let Ctrl-C pause
 * it and {@code herd abort} (from anywhere) abort it, and report how each host ended.
 */
final class RunExecution {

  private RunExecution() {}

  /**
   * Executes (or resumes) a run of {@code plan}'s executable hosts.
   *
   * <p>The caller holds the run's {@link RunLease} for as long as this runs; should the lease be
   * lost, the run is told and pauses (stops admitting hosts, finishes its current steps). So does a
   * run that cannot keep the lease of a host's service guard (two renewals in a row failed); a
   * renewal that succeeds again afterwards is told too, and the pause stands.
   *
   * @param preAborted the run is being aborted: only owed cleanup runs
   * @return the exit code (see {@link RunOutcome#exitCode()})
   */
  static int execute(
      CommandSpec spec,
      CliContext context,
      ConnectOptions connect,
      Journal journal,
      RunLease lease,
      RunId run,
      Plan plan,
      ExecutionOptions options,
      Rollout rollout,
      RunRecipes recipes,
      RunProgress.Form form,
      boolean preAborted)
      throws Exception {
    Map<String, HostPlan> plans = new LinkedHashMap<>();
    plan.executableHosts().forEach(h -> plans.put(h.host(), h));
    List<String> hosts = List.copyOf(plans.keySet());
    // The run's hosts, and every member of its clusters: a cluster's health gate asks members
    // that are not in the run (left out of the plan, or upgraded by an earlier run) too.
    java.util.Set<String> reached = new java.util.LinkedHashSet<>(hosts);
    recipes.clusters().values().forEach(binding -> reached.addAll(binding.members()));
    NodeSelection selection = new NodeSelection();
    selection.nodes.add(NodeSet.of(List.copyOf(reached)).fold());
    FleetTargets targets = FleetTargets.resolve(spec, selection, connect);
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    targets.endpoints().forEach(e -> endpoints.put(e.name(), e));
    RunControl control = new RunControl();
    if (preAborted) {
      control.abort();
    }
    RunProgress progress = new RunProgress(form, context, hosts.size());
    lease.whenLost(
        reason -> {
          context.err().printf("herd: run %s %s; pausing (herd resume %s)%n", run, reason, run);
          context.err().flush();
          control.pause();
        });
    RunOutcome outcome;
    ScheduledExecutorService watcher = abortWatcher(journal, run, control);
    try (Transport transport = connect.transport(context, targets.kinds());
        AptStepActions actions =
            new AptStepActions(
                run,
                plans,
                endpoints,
                hooks(spec, hosts),
                restartRules(spec, hosts),
                transport,
                journal,
                context.clock(),
                AptSettings.DEFAULT,
                options.reboot(),
                recipes.aheadInstalls(rollout.installingAhead()));
        InterruptHook interrupt = InterruptHook.install(java.time.Duration.ofMinutes(2))) {
      interrupt.onInterrupt(control::pause);
      actions.whenGuardLeaseAtRisk(new GuardLeaseAlarm(run, progress, control));
      RecipeChecks checks =
          new RecipeChecks(
              new SessionProbes(transport, endpoints), context.clock(), Sleeper.SYSTEM);
      outcome =
          new RunExecutor(
                  journal,
                  recipes.steps(actions, checks),
                  progress,
                  recipes.policy(checks),
                  context.clock())
              .execute(run, hosts, options, rollout, control);
      progress.finish();
      restartAfterRun(context, actions, outcome);
      report(context, run, outcome, form);
    } finally {
      watcher.shutdownNow();
    }
    return outcome.exitCode();
  }

  /**
   * The constraints of a run of {@code plan}: the inventory's clusters and waves for the plan's
   * hosts, with the command's {@code --serial} and {@code --canary}. Without an inventory every
   * host is standalone; a broken inventory is an error.
   */
  static Rollout rollout(CommandSpec spec, Plan plan, ExecutionFlags flags) {
    List<String> hosts = plan.executableHosts().stream().map(HostPlan::host).toList();
    try {
      CliInventory.locate(spec);
    } catch (InventoryException none) {
      return Rollout.standalone(hosts, flags.serial());
    }
    org.herd.recipe.RecipeCatalog catalog = flags.recipes().load(CliContext.of(spec));
    return Rollout.of(
        CliInventory.load(spec),
        hosts,
        flags.serial(),
        flags.canary(),
        RecipesOption.defaultBudgets(catalog),
        name ->
            catalog
                .find(name)
                .map(r -> r.install() == org.herd.recipe.InstallTiming.AHEAD)
                .orElse(false));
  }

  /**
   * Turns {@code herd abort RUN} from another process (the run's state in the journal) into an
   * abort.
   */
  private static ScheduledExecutorService abortWatcher(
      Journal journal, RunId run, RunControl control) {
    ScheduledExecutorService watcher = DaemonScheduler.named("herd-abort-watch");
    watcher.scheduleWithFixedDelay(
        () -> {
          try {
            if (journal.run(run).map(r -> r.state() == RunState.ABORTED).orElse(false)) {
              control.abort();
            }
          } catch (RuntimeException e) {
            // The journal is asked again in a moment.
          }
        },
        2,
        2,
        TimeUnit.SECONDS);
    return watcher;
  }

  private static Map<String, DrainHooks> hooks(CommandSpec spec, List<String> hosts) {
    Inventory inventory;
    try {
      inventory = CliInventory.load(spec);
    } catch (InventoryException none) {
      return Map.of();
    }
    Map<String, DrainHooks> hooks = new LinkedHashMap<>();
    for (String name : hosts) {
      inventory
          .host(name)
          .ifPresent(
              host ->
                  hooks.put(
                      name,
                      new DrainHooks(
                          Optional.ofNullable(host.vars().get("drain")).map(String::valueOf),
                          Optional.ofNullable(host.vars().get("undrain")).map(String::valueOf))));
    }
    return hooks;
  }

  /**
   * The {@code after-run} restarts, once every host of the run finished (not when it paused: the
   * resumed run, or the next apply on the host, does them).
   */
  private static void restartAfterRun(
      CliContext context, AptStepActions actions, RunOutcome outcome) {
    if (outcome.state() == RunState.PAUSED) {
      return;
    }
    outcome
        .hosts()
        .forEach(
            (host, end) -> {
              if (end instanceof HostEnd.Succeeded) {
                for (String line : actions.restartAfterRun(host)) {
                  context.err().println("herd: after-run restart: " + line);
                }
              }
            });
    context.err().flush();
  }

  /** Each host's restart policies, from the inventory's {@code restart} variables. */
  private static Map<String, RestartRules> restartRules(CommandSpec spec, List<String> hosts) {
    Inventory inventory;
    try {
      inventory = CliInventory.load(spec);
    } catch (InventoryException none) {
      return Map.of();
    }
    Map<String, RestartRules> rules = new LinkedHashMap<>();
    for (String name : hosts) {
      var host = inventory.host(name);
      if (host.isPresent()) {
        try {
          rules.put(name, RestartRules.fromVars(host.get().vars()));
        } catch (IllegalArgumentException e) {
          throw new UserError("inventory: host " + name + ": " + e.getMessage());
        }
      }
    }
    return rules;
  }

  /** Hosts folded by how they ended, and what to do next. */
  private static void report(
      CliContext context, RunId run, RunOutcome outcome, RunProgress.Form form) {
    if (form == RunProgress.Form.JSON) {
      context
          .out()
          .printf(
              "{\"event\":\"runFinished\",\"run\":\"%s\",\"state\":\"%s\",\"exitCode\":%d}%n",
              run, outcome.state().name().toLowerCase(java.util.Locale.ROOT), outcome.exitCode());
      context.out().flush();
      return;
    }
    Map<String, List<String>> byEnd = new TreeMap<>();
    outcome
        .hosts()
        .forEach(
            (host, end) ->
                byEnd.computeIfAbsent(RunProgress.describe(end), e -> new ArrayList<>()).add(host));
    var out = context.out();
    out.printf("run %s: %s%n", run, outcome.state().name().toLowerCase(java.util.Locale.ROOT));
    byEnd.forEach((end, hosts) -> out.printf("  %s: %s%n", NodeSet.of(hosts).fold(), end));
    if (outcome.state() == RunState.PAUSED
        || outcome.hosts().values().stream().anyMatch(HostEnd.Failed.class::isInstance)) {
      out.printf("details: herd show %s; continue: herd resume %s%n", run, run);
    }
    out.flush();
  }

  /** Takes the run's hosts, or a one-line error naming who holds one of them. */
  static RunLease lease(
      Journal journal, CliContext context, List<String> hosts, Optional<RunId> run)
      throws RunLease.HostsHeldException {
    return RunLease.acquire(journal, hosts, HolderIdentity.ofThisProcess(context.env(), run));
  }

  /**
   * Takes a run's hosts to resume (or abort) it: a lease left by a herd that crashed on this
   * machine while executing this run is taken over at once, and the operator is told.
   */
  static RunLease resumeLease(Journal journal, CliContext context, List<String> hosts, RunId run)
      throws RunLease.HostsHeldException {
    return RunLease.resume(
        journal,
        hosts,
        HolderIdentity.ofThisProcess(context.env(), Optional.of(run)),
        ProcessTable.system(),
        message -> {
          context.err().println("herd: " + message);
          context.err().flush();
        });
  }

  /** The run's spec for the journal. */
  static RunSpec runSpec(CliContext context, String command, Plan plan, String planJson) {
    List<String> hosts = plan.executableHosts().stream().map(HostPlan::host).toList();
    HolderIdentity who = HolderIdentity.ofThisProcess(context.env(), Optional.empty());
    return new RunSpec(command, hosts, planJson, who.user() + "@" + who.hostname());
  }
}
