package org.herd.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.herd.engine.HostEnd;
import org.herd.engine.RunControl;
import org.herd.engine.RunOutcome;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.herd.nodeset.NodeSet;
import org.herd.ops.Runs;
import org.herd.ops.StartedRun;

/**
 * What {@code herd apply}, {@code upgrade}, {@code reboot}, {@code resume} and {@code abort} share
 * on the command line: the execution of a started run with its progress, Ctrl-C pausing it, and the
 * report of how each host ended.
 */
final class RunExecution {

  private RunExecution() {}

  /** Messages of the use cases before a run executes (a crashed holder's lease taken over). */
  static Consumer<String> notices(CliContext context) {
    return message -> {
      context.err().println("herd: " + message);
      context.err().flush();
    };
  }

  /**
   * Executes a started run to its end or its pause, with progress in {@code form}; Ctrl-C pauses
   * it.
   *
   * @return the exit code (see {@link RunOutcome#exitCode()})
   */
  static int execute(CliContext context, Runs runs, StartedRun run, RunProgress.Form form)
      throws Exception {
    RunControl control = new RunControl();
    RunProgress progress = new RunProgress(form, context, run.hosts().size());
    RunOutcome outcome;
    try (InterruptHook interrupt = InterruptHook.install(Duration.ofMinutes(2))) {
      interrupt.onInterrupt(control::pause);
      outcome = runs.execute(run, progress, control);
    }
    progress.finish();
    report(context, run.id(), outcome, form);
    return outcome.exitCode();
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
}
