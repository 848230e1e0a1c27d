package org.herd.cli;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.herd.journal.Journal;
import org.herd.ops.Runs;
import org.herd.ops.StartedRun;
import org.herd.ops.Workspace;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanFormatException;
import org.herd.plan.PlanJson;
import org.herd.plan.RebootPolicy;
import org.herd.text.TextFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd apply PLAN}: executes exactly a plan made by {@code herd plan -o}, as a journaled run
 * (see docs/upgrading.md).
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Apply a plan: download everywhere, then upgrade each host to exactly the planned versions.",
      "Hosts whose installed state changed since the plan are refused at precheck."
    },
    footer = {
      "",
      "Exit status: 0 every host done; 130 paused (Ctrl-C; 'herd resume RUN' continues);",
      "otherwise the sum of 4 (a host failed), 8 (a host was unreachable), 16 (run aborted);",
      "2 bad input, 3 journal unavailable."
    })
final class ApplyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Mixin JournalOption journalOption;

  @Mixin ExecutionFlags flags;

  @Mixin FanoutOption fanoutOption = new FanoutOption();

  @Parameters(paramLabel = "PLAN", description = "The plan file written by 'herd plan -o'.")
  Path planFile;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    flags.fanout = fanoutOption.value();
    flags.run.check();
    Path file = context.workingDirectory().resolve(planFile);
    String json;
    Plan plan;
    try {
      json = TextFile.read(file, "plan file", PlanJson.MAX_BYTES);
      plan = PlanJson.read(json);
    } catch (TextFile.Unreadable | PlanFormatException e) {
      throw new UserError(planFile + ": " + e.getMessage());
    }
    Workspace workspace = CliWorkspace.of(spec, context, connect, flags.recipes().paths(context));
    return apply(context, workspace, journalOption, flags, plan, json, "herd apply " + planFile);
  }

  /**
   * Applies a plan as a new run; shared with {@code herd upgrade} and {@code herd reboot}. The run
   * reboots as the plan says unless {@code flags} has its own {@code --reboot}.
   */
  static int apply(
      CliContext context,
      Workspace workspace,
      JournalOption journalOption,
      ExecutionFlags flags,
      Plan plan,
      String planJson,
      String command)
      throws Exception {
    for (HostPlan refused : plan.hosts()) {
      if (!refused.executable()) {
        context
            .err()
            .printf(
                "herd: %s: not applied: %s%n", refused.host(), refused.refusals().get(0).message());
      }
    }
    if (plan.executableHosts().isEmpty()) {
      context.err().println("herd: the plan has no host to apply");
      context.err().flush();
      // Every host refused is a plan that cannot be applied, not one with nothing to do.
      return plan.hosts().isEmpty() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }
    RebootPolicy reboot = flags.rebootPolicy(plan, context);
    try (Journal journal = journalOption.open(context)) {
      Runs runs = new Runs(workspace, journal);
      try (StartedRun run =
          runs.start(
              plan,
              planJson,
              command + flags.journaled(),
              flags.settings(Set.of(), Set.of(), reboot))) {
        context.err().printf("herd: run %s on %d hosts%n", run.id(), run.hosts().size());
        context.err().flush();
        return RunExecution.execute(context, runs, run, flags.form(context));
      }
    }
  }
}
