package org.herd.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.ops.RecordedRun;
import org.herd.ops.RunSettings;
import org.herd.ops.Runs;
import org.herd.ops.StartedRun;
import org.herd.ops.Workspace;
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

  @Mixin FanoutOption fanoutOption = new FanoutOption();

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
    flags.fanout = fanoutOption.value();
    Workspace workspace = CliWorkspace.of(spec, context, connect, flags.recipes().paths(context));
    try (Journal journal = journalOption.open(context)) {
      Runs runs = new Runs(workspace, journal);
      RecordedRun recorded = runs.find(runId);
      flags.restoreFrom(recorded.spec().command());
      RunSettings settings =
          flags.settings(
              new HashSet<>(skip),
              new HashSet<>(retry),
              flags.rebootPolicy(recorded.plan(), context));
      String by = HolderIdentity.ofThisProcess(context.env(), Optional.empty()).operator();
      try (StartedRun run = runs.resume(recorded, settings, RunExecution.notices(context), by)) {
        return RunExecution.execute(context, runs, run, flags.form(context));
      }
    }
  }
}
