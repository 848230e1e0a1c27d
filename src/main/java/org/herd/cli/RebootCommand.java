package org.herd.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.herd.nodeset.NodeSet;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code herd reboot [NODES]}: reboots hosts as a run, under the same admission, journal and
 * cleanup as an upgrade: per host precheck → drain → reboot (new boot id, sshd, systemd booted) →
 * health → undrain, one host at a time unless {@code --parallel}. The hosts are probed first, as
 * for a plan, so that the precheck can refuse a host whose state moved; nothing is installed.
 */
@Command(
    name = "reboot",
    mixinStandardHelpOptions = true,
    description = {
      "Reboot hosts one at a time (or --parallel N), each drained, rebooted, waited for",
      "(new boot id, sshd, systemd booted), health-checked and undrained, as a journaled run."
    },
    footer = {"", "Exit status: as 'herd apply'; 1 when the operator declined."})
final class RebootCommand extends PlanCommand {

  @Mixin JournalOption journalOption;

  @Option(
      names = {"-y", "--yes"},
      description = "Reboot without asking.")
  boolean yes;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Hosts rebooted at once (default: ${DEFAULT-VALUE}).")
  int parallel = 1;

  @Option(
      names = "--max-fail",
      paramLabel = "N|P%",
      description = "Abort the run once more than N hosts (or P%% of them) failed.")
  String maxFail;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    Planned planned = makePlan(context);
    Plan probed = planned.plan();
    List<HostPlan> hosts = probed.hosts().stream().map(RebootCommand::rebootOnly).toList();
    Plan plan =
        new Plan(
            probed.formatVersion(),
            probed.created(),
            probed.herdVersion(),
            probed.options(),
            hosts);
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
    if (hosts.isEmpty()) {
      context.out().println("nothing to reboot");
      return ExitCode.FAILURE.code();
    }
    String nodes = NodeSet.of(hosts.stream().map(HostPlan::host).toList()).fold();
    context
        .out()
        .println("reboot " + nodes + " (" + hosts.size() + " hosts), " + parallel + " at a time");
    context.out().flush();
    if (!yes && !confirmed(context)) {
      context.err().println("herd: reboot: not done");
      return ExitCode.FAILURE.code();
    }
    ExecutionFlags flags = new ExecutionFlags();
    flags.parallel = parallel;
    flags.maxFail = maxFail;
    flags.json = json;
    flags.reboot = "always";
    return ApplyCommand.apply(
        spec, context, connect, journalOption, flags, plan, PlanJson.write(plan), "herd reboot");
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
