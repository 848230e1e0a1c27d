package org.herd.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import org.herd.engine.RunLease;
import org.herd.journal.Journal;
import org.herd.journal.RunSpec;
import org.herd.journal.RunState;
import org.herd.journal.RunSummary;
import org.herd.plan.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd abort RUN}: stops a run for good. When another herd executes it, that herd sees the
 * run marked aborted within seconds, admits no more hosts, lets running steps finish and runs their
 * cleanup. When no herd executes it (paused, or herd died), this command runs the owed cleanup
 * (undrain, unguard) itself.
 */
@Command(
    name = "abort",
    mixinStandardHelpOptions = true,
    description = "Stop a run: no more hosts; running steps finish; undrain and unguard run.",
    footer = {"", "Exit status: as 'herd apply'."})
final class AbortCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Mixin JournalOption journalOption;

  @Mixin ExecutionFlags flags;

  @Parameters(paramLabel = "RUN", description = "The run's id.")
  String runId;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    try (Journal journal = journalOption.open(context)) {
      RunSummary run = JournalOption.run(journal, runId);
      if (run.state().terminal()) {
        context
            .err()
            .printf(
                "herd: run %s is already over (%s)%n",
                run.id(), run.state().name().toLowerCase(java.util.Locale.ROOT));
        context.err().flush();
        return ExitCode.OK.code();
      }
      RunSpec runSpec = journal.spec(run.id()).orElseThrow();
      RunLease lease;
      try {
        lease = RunExecution.resumeLease(journal, context, runSpec.hosts(), run.id());
      } catch (RunLease.HostsHeldException held) {
        journal.setState(run.id(), RunState.ABORTED);
        context
            .err()
            .printf(
                "herd: run %s is executing (%s): asked it to abort; it stops after its current steps%n",
                run.id(), held.held().holder());
        context.err().flush();
        return ExitCode.OK.code();
      }
      try (lease) {
        org.herd.plan.Plan plan = PlanJson.read(runSpec.planJson());
        return RunExecution.execute(
            spec,
            context,
            connect,
            journal,
            lease,
            run.id(),
            plan,
            flags.options(Set.of(), Set.of(), flags.reboot.orElse(plan.options().reboot())),
            org.herd.engine.Rollout.standalone(
                plan.executableHosts().stream().map(org.herd.plan.HostPlan::host).toList(),
                org.herd.engine.Serial.ALL),
            RunRecipes.of(spec, context, flags, plan),
            flags.form(context),
            true);
      }
    }
  }
}
