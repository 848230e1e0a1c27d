package org.herd.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.herd.plan.HostPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code herd upgrade [NODES]}: {@code herd plan}, shown, confirmed (or {@code --yes}), then {@code
 * herd apply} of exactly that plan — the plan is kept in the run's journal entry.
 */
@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Plan, show, confirm and apply an upgrade in one command (see 'herd plan' and 'herd apply')."
    },
    footer = {"", "Exit status: as 'herd apply'; 1 when the operator declined."})
final class UpgradeCommand extends PlanCommand implements Callable<Integer> {

  @Mixin JournalOption journalOption;

  @Option(
      names = {"-y", "--yes"},
      description = "Apply without asking.")
  boolean yes;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Hosts upgraded at once, between precheck and verify (default: ${DEFAULT-VALUE}).")
  int parallel = 1;

  @Option(
      names = "--max-fail",
      paramLabel = "N|P%",
      description =
          "Abort the run once more than N hosts (or P%% of them) failed (default: no limit).")
  String maxFail;

  @Option(
      names = "--reboot",
      paramLabel = "WHEN",
      description =
          "never, if-required (a new kernel, /run/reboot-required) or always: reboot a host after"
              + " its restarts, before its health gate (default: ${DEFAULT-VALUE}).")
  String reboot = "never";

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    Planned planned = makePlan(context);
    if (output != null) {
      java.nio.file.Files.writeString(context.resolve(output), planned.json());
    }
    PlanSummary.print(context, planned.plan(), planned.unreachable());
    context.out().flush();
    if (planned.plan().executableHosts().stream().allMatch(HostPlan::isEmpty)) {
      context.out().println("nothing to upgrade");
      context.out().flush();
      return ExitCode.OK.code();
    }
    if (!yes && !confirmed(context)) {
      context.err().println("herd: upgrade: not applied");
      context.err().flush();
      return ExitCode.FAILURE.code();
    }
    ExecutionFlags flags = new ExecutionFlags();
    flags.parallel = parallel;
    flags.maxFail = maxFail;
    flags.reboot = reboot;
    flags.json = json;
    return ApplyCommand.apply(
        spec,
        context,
        connect,
        journalOption,
        flags,
        planned.plan(),
        planned.json(),
        "herd upgrade");
  }

  private static boolean confirmed(CliContext context) throws java.io.IOException {
    context.err().print("Apply this plan? [y/N] ");
    context.err().flush();
    String answer =
        new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
  }
}
