package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.herd.ops.Workspace;
import org.herd.plan.HostPlan;
import org.herd.plan.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herd upgrade [NODES]}: {@code herd plan}, shown, confirmed (or {@code --yes}), then {@code
 * herd apply} of exactly that plan — the plan is kept in the run's journal entry. It takes the
 * options of both: {@link PlanFlags} and every execution flag of apply ({@link ExecutionFlags});
 * {@code --reboot} is recorded in the plan. {@code --json} means what it means for apply, the event
 * stream: the plan is its first event ({@code "event":"plan"}); {@code -o} writes the plan file.
 */
@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Plan, show, confirm and apply an upgrade in one command (see 'herd plan' and 'herd apply').",
      "With --json, stdout has one JSON event per line, the plan first; -o writes the plan file."
    },
    footer = {"", "Exit status: as 'herd apply'; 1 when the operator declined."})
final class UpgradeCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Mixin ProbeTargets targets;

  @Mixin PlanFlags planFlags;

  @Mixin ExecutionFlags flags;

  @Mixin JournalOption journalOption;

  @Option(
      names = {"-y", "--yes"},
      description = "Apply without asking.")
  boolean yes;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    flags.run.check();
    planFlags.checkOutput(context);
    flags.fanout = targets.fanout();
    try (AutoCloseable transport = connect.share(context)) {
      return upgrade(context);
    }
  }

  private int upgrade(CliContext context) throws Exception {
    Workspace workspace = CliWorkspace.of(spec, context, connect, flags.recipes().paths(context));
    PlanCommand.Planned planned =
        PlanCommand.makePlan(
            spec,
            context,
            workspace,
            targets,
            planFlags.options(flags.reboot.orElse(org.herd.plan.RebootPolicy.NEVER)),
            planFlags.refresh,
            !planFlags.noConffiles);
    planFlags.writeFile(context, planned.json());
    if (flags.run.progress.json) {
      printPlanEvent(context, planned);
    } else {
      PlanSummary.print(context, planned.plan(), planned.unreachable());
    }
    context.out().flush();
    if (planned.plan().executableHosts().stream().allMatch(HostPlan::isEmpty)) {
      (flags.run.progress.json ? context.err() : context.out()).println("nothing to upgrade");
      context.out().flush();
      context.err().flush();
      return planned.exitCode(ExitCode.OK.code());
    }
    if (!yes && !confirmed(context)) {
      context.err().println("herd: upgrade: not applied");
      context.err().flush();
      return ExitCode.FAILURE.code();
    }
    return planned.exitCode(
        ApplyCommand.apply(
            context,
            workspace,
            journalOption,
            flags,
            planned.plan(),
            planned.json(),
            "herd upgrade"));
  }

  /** The plan as the first event of the JSON stream, unreachable hosts with it. */
  private static void printPlanEvent(CliContext context, PlanCommand.Planned planned)
      throws java.io.IOException {
    ObjectNode event = JSON.createObjectNode();
    event.put("event", "plan");
    event.set("plan", PlanJson.tree(planned.plan()));
    event.set("unreachable", JSON.valueToTree(planned.unreachable()));
    context.out().println(JSON.writeValueAsString(event));
  }

  private static boolean confirmed(CliContext context) throws java.io.IOException {
    context.err().print("Apply this plan? [y/N] ");
    context.err().flush();
    String answer =
        new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
  }
}
