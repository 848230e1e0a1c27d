package org.herd.cli;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.herd.engine.Canary;
import org.herd.engine.ExecutionOptions;
import org.herd.engine.MaxFail;
import org.herd.engine.Serial;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.RunAction;
import org.herd.ops.Abort;
import org.herd.ops.RecordedRun;
import org.herd.ops.RunSettings;
import org.herd.ops.Runs;
import org.herd.ops.StartedRun;
import org.herd.ops.Workspace;
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

  @Mixin RecipesOption recipes = new RecipesOption();

  @Mixin FanoutOption fanout = new FanoutOption();

  @Mixin ProgressOption progress = new ProgressOption();

  @Parameters(paramLabel = "RUN", description = "The run's id.")
  String runId;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    Workspace workspace = CliWorkspace.of(spec, context, connect, recipes.paths(context));
    try (Journal journal = journalOption.open(context)) {
      Runs runs = new Runs(workspace, journal);
      RecordedRun recorded = runs.find(runId);
      Abort abort = runs.abort(recorded, cleanup(recorded), RunExecution.notices(context));
      HolderIdentity who = HolderIdentity.ofThisProcess(context.env(), java.util.Optional.empty());
      journal.recordAction(recorded.summary().id(), RunAction.ABORT, who.operator());
      if (abort instanceof Abort.Cleanup cleanup) {
        try (StartedRun run = cleanup.run()) {
          return RunExecution.execute(context, runs, run, progress.form(context));
        }
      }
      if (abort instanceof Abort.Signalled signalled) {
        context
            .err()
            .printf(
                "herd: run %s is executing (%s): asked it to abort; it stops after its current steps%n",
                recorded.summary().id(), signalled.holder());
      } else if (abort instanceof Abort.AlreadyOver over) {
        context
            .err()
            .printf(
                "herd: run %s is already over (%s)%n",
                recorded.summary().id(), over.state().name().toLowerCase(Locale.ROOT));
      }
      context.err().flush();
      return ExitCode.OK.code();
    }
  }

  /**
   * How the owed cleanup goes: every host at once (undrain and unguard disrupt nothing), none
   * skipped or retried, no batches nor canaries.
   */
  private RunSettings cleanup(RecordedRun recorded) {
    ExecutionOptions options =
        new ExecutionOptions(
            RunFlags.DEFAULT_PARALLEL,
            MaxFail.UNLIMITED,
            Set.of(),
            Set.of(),
            recorded.plan().options().reboot(),
            fanout.value());
    return new RunSettings(options, Serial.ALL, Canary.NONE, false);
  }
}
