package org.herd.cli;

import java.util.concurrent.Callable;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.ops.RunActions;
import org.herd.ops.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd pause RUN}: asks the herd executing a run, on any machine sharing the journal, to
 * pause it as Ctrl-C would: no more hosts start, running steps finish, the run is left paused for
 * {@code herd resume}.
 */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description =
        "Ask the herd executing a run to pause it: no more hosts; running steps finish;"
            + " 'herd resume RUN' continues it.",
    footer = {"", "Exit status: 0 when asked, 2 when there is no such run or it is not running."})
final class PauseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Mixin JournalOption journalOption;

  @Parameters(paramLabel = "RUN", description = "The run's id.")
  String runId;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    Workspace workspace = CliWorkspace.of(spec, context, connect, java.util.List.of());
    try (Journal journal = journalOption.open(context);
        RunActions actions = new RunActions(workspace, journal, RunExecution.notices(context))) {
      HolderIdentity who = HolderIdentity.ofThisProcess(context.env(), java.util.Optional.empty());
      actions.pause(runId, who.operator());
      context
          .err()
          .printf(
              "herd: run %s: asked the herd executing it to pause; it stops after its current"
                  + " steps%n",
              runId);
      context.err().flush();
      return ExitCode.OK.code();
    }
  }
}
