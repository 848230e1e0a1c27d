package org.herd.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.herd.engine.RunLease;
import org.herd.journal.Journal;
import org.herd.journal.RunSpec;
import org.herd.journal.RunState;
import org.herd.journal.RunSummary;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd resume RUN}: continues a paused, failed or crashed run from the journal, without
 * repeating a finished step or skipping an unfinished one; a step herd lost mid-way (a detached
 * install) is re-attached.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Continue a run after Ctrl-C, a crash or failures (see 'herd runs').",
    footer = {"", "Exit status: as 'herd apply'."})
final class ResumeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Mixin JournalOption journalOption;

  @Mixin ExecutionFlags flags;

  @Parameters(paramLabel = "RUN", description = "The run's id.")
  String runId;

  @Option(
      names = "--skip",
      paramLabel = "HOST",
      description = "Leave this host out (its cleanup still runs).")
  List<String> skip = new ArrayList<>();

  @Option(
      names = "--retry",
      paramLabel = "HOST",
      description = "Run this failed host's failed step again.")
  List<String> retry = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    try (Journal journal = journalOption.open(context)) {
      RunSummary run = JournalOption.run(journal, runId);
      if (run.state() == RunState.SUCCEEDED || run.state() == RunState.ABORTED) {
        throw new UserError(
            "run "
                + run.id()
                + ": "
                + run.state().name().toLowerCase(java.util.Locale.ROOT)
                + ", nothing to resume (make a new plan)");
      }
      RunSpec runSpec = journal.spec(run.id()).orElseThrow();
      for (String host : concat(skip, retry)) {
        if (!runSpec.hosts().contains(host)) {
          throw new UserError("host " + host + ": not in run " + run.id());
        }
      }
      Plan plan = PlanJson.read(runSpec.planJson());
      flags.restoreFrom(runSpec.command());
      try (RunLease lease = RunExecution.resumeLease(journal, context, runSpec.hosts(), run.id())) {
        return RunExecution.execute(
            spec,
            context,
            connect,
            journal,
            lease,
            run.id(),
            plan,
            flags.options(
                new HashSet<>(skip), new HashSet<>(retry), flags.rebootPolicy(plan, context)),
            RunExecution.rollout(spec, plan, flags),
            RunRecipes.of(spec, context, flags, plan),
            flags.form(context),
            false);
      }
    }
  }

  private static Set<String> concat(List<String> a, List<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
