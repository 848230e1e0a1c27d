package org.herd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.herd.engine.RunLease;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.RunId;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import org.herd.plan.RebootPolicy;
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

  @Parameters(paramLabel = "PLAN", description = "The plan file written by 'herd plan -o'.")
  Path planFile;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    flags.run.check();
    Path file = context.workingDirectory().resolve(planFile);
    String json = Files.readString(file);
    Plan plan;
    try {
      plan = PlanJson.read(json);
    } catch (RuntimeException e) {
      throw new UserError(planFile + ": " + e.getMessage());
    }
    return apply(
        spec, context, connect, journalOption, flags, plan, json, "herd apply " + planFile);
  }

  /**
   * Applies a plan as a new run; shared with {@code herd upgrade} and {@code herd reboot}. The run
   * reboots as the plan says unless {@code flags} has its own {@code --reboot}.
   */
  static int apply(
      CommandSpec spec,
      CliContext context,
      ConnectOptions connect,
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
            .printf("herd: %s: not applied: %s%n", refused.host(), refused.refusals().get(0));
      }
    }
    if (plan.executableHosts().isEmpty()) {
      context.err().println("herd: the plan has no host to apply");
      context.err().flush();
      return ExitCode.OK.code();
    }
    RebootPolicy reboot = flags.rebootPolicy(plan, context);
    try (Journal journal = journalOption.open(context);
        RunLease lease =
            RunExecution.lease(
                journal,
                context,
                plan.executableHosts().stream().map(HostPlan::host).toList(),
                Optional.empty())) {
      RunId run =
          journal.createRun(
              RunExecution.runSpec(context, command + flags.journaled(), plan, planJson));
      lease.nameRun(HolderIdentity.ofThisProcess(context.env(), Optional.of(run)));
      context.err().printf("herd: run %s on %d hosts%n", run, plan.executableHosts().size());
      context.err().flush();
      return RunExecution.execute(
          spec,
          context,
          connect,
          journal,
          lease,
          run,
          plan,
          flags.options(Set.of(), Set.of(), reboot),
          RunExecution.rollout(spec, plan, flags),
          RunRecipes.of(spec, context, flags, plan),
          flags.form(context),
          false);
    }
  }
}
