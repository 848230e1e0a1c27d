package org.herd.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.herd.nodeset.NodeSet;
import org.herd.ops.Workspace;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import org.herd.plan.PlanOptions;
import org.herd.plan.RebootPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herd reboot [NODES]}: reboots hosts as a run, under the same admission, journal and
 * cleanup as an upgrade: per host precheck → drain → reboot (new boot id, sshd, systemd booted) →
 * health → undrain, each cluster's members within its budget, standalone hosts {@code --parallel}
 * at a time. The hosts are probed first, as for a plan, so that the precheck can refuse a host
 * whose state moved; nothing is installed. Its options are those of every run ({@link RunFlags}:
 * {@code --parallel}, {@code --serial}, {@code --canary}…); its plan's reboot policy is {@code
 * always}.
 */
@Command(
    name = "reboot",
    mixinStandardHelpOptions = true,
    description = {
      "Reboot hosts as a journaled run, cluster members within their budgets.",
      "Standalone hosts go --parallel at a time. Each host is drained, rebooted, waited for (new",
      "boot id, sshd, systemd booted), health-checked and undrained."
    },
    footer = {"", "Exit status: as 'herd apply'; 1 when the operator declined."})
final class RebootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Mixin ProbeTargets targets;

  @Mixin RunFlags runFlags;

  @Mixin JournalOption journalOption;

  @Option(
      names = {"-y", "--yes"},
      description = "Reboot without asking.")
  boolean yes;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    runFlags.check();
    PlanOptions options = PlanOptions.defaults().withReboot(RebootPolicy.ALWAYS);
    ExecutionFlags flags = ExecutionFlags.rebooting(runFlags, targets.fanout());
    Workspace workspace = CliWorkspace.of(spec, context, connect, flags.recipes().paths(context));
    PlanCommand.Planned planned =
        PlanCommand.makePlan(spec, context, workspace, targets, options, false, false);
    Plan probed = planned.plan();
    List<HostPlan> hosts = probed.hosts().stream().map(RebootCommand::rebootOnly).toList();
    Plan plan =
        new Plan(probed.formatVersion(), probed.created(), probed.herdVersion(), options, hosts);
    planned
        .unreachable()
        .forEach(
            (why, names) ->
                context
                    .err()
                    .println(
                        "herd: reboot: "
                            + NodeSet.of(names).fold()
                            + ": not reached ("
                            + why
                            + ")"));
    // With --json, stdout carries only the run's events.
    java.io.PrintWriter say = runFlags.progress.json ? context.err() : context.out();
    if (hosts.isEmpty()) {
      say.println("nothing to reboot");
      say.flush();
      return planned.unreachable().isEmpty()
          ? ExitCode.FAILURE.code()
          : planned.exitCode(ExitCode.OK.code());
    }
    String nodes = NodeSet.of(hosts.stream().map(HostPlan::host).toList()).fold();
    say.println(
        "reboot " + nodes + " (" + hosts.size() + " hosts), " + runFlags.parallel() + " at a time");
    say.flush();
    if (!yes && !confirmed(context)) {
      context.err().println("herd: reboot: not done");
      return ExitCode.FAILURE.code();
    }
    return planned.exitCode(
        ApplyCommand.apply(
            context, workspace, journalOption, flags, plan, PlanJson.write(plan), "herd reboot"));
  }

  /** The host's plan with nothing to install or remove: the run only reboots it. */
  static HostPlan rebootOnly(HostPlan host) {
    return new HostPlan(
        host.host(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        host.reboot(),
        host.basis(),
        List.of(),
        host.servicesKnown());
  }

  private static boolean confirmed(CliContext context) throws java.io.IOException {
    context.err().print("Reboot these hosts? [y/N] ");
    context.err().flush();
    String answer =
        new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
  }
}
