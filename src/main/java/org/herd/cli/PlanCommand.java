package org.herd.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.herd.debian.AptSimulation;
import org.herd.debian.ConffilePolicy;
import org.herd.debian.PackageName;
import org.herd.engine.AptSettings;
import org.herd.engine.RunOutcome;
import org.herd.facts.ConffileFacts;
import org.herd.facts.FleetProbe;
import org.herd.facts.HostFacts;
import org.herd.facts.ProbedHost;
import org.herd.facts.SelectionFacts;
import org.herd.facts.SelectionProbe;
import org.herd.facts.UpgradeFacts;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetListener;
import org.herd.nodeset.NodeSet;
import org.herd.ops.Workspace;
import org.herd.plan.ConffileInput;
import org.herd.plan.HostInput;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import org.herd.plan.PlanOptions;
import org.herd.plan.PlannedInstall;
import org.herd.plan.Planner;
import org.herd.plan.RebootPolicy;
import org.herd.transport.Endpoint;
import org.herd.transport.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herd plan [NODES]}: what an upgrade would install on every host, exactly, as a plan file
 * that {@code herd apply} executes. Probes the hosts (as {@code herd status}), asks the hosts to
 * install something the second, narrower question of {@link SelectionProbe}, plans with {@link
 * Planner}, prints hosts with identical plans folded into one block. {@code --reboot} is recorded
 * in the plan, which then says per host whether apply will reboot it. The probing and planning
 * ({@link #makePlan}) is shared with {@code herd upgrade} and {@code herd reboot}. See {@code
 * docs/planning.md}.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plan an upgrade: the exact package=version set each host would install.",
      "Hosts with the same plan share one block; -o writes the plan file for 'herd apply'.",
      "--reboot is recorded in the plan: each block says whether apply will reboot its hosts."
    },
    footer = {
      "",
      "Exit status: 0 when every host was probed and may be upgraded, 1 when some host could not"
          + " be probed or its plan is refused, 2 for bad input."
    })
final class PlanCommand implements Callable<Integer> {

  private static final Duration PROBE_LIMIT = Duration.ofMinutes(10);

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Mixin ProbeTargets targets;

  @Mixin PlanFlags planFlags;

  @Mixin RebootOption reboot;

  @Option(names = "--json", description = "Print the plan file's JSON instead of the summary.")
  boolean json;

  /** A plan made, as JSON too, and the hosts that could not be probed, by reason. */
  record Planned(Plan plan, String json, Map<String, List<String>> unreachable) {

    /**
     * The exit code of a run of this plan ({@code herd upgrade}, {@code herd reboot}), counting the
     * hosts that could not be probed: they were asked for and left out of the run, so they are
     * unreachable hosts of it ({@link RunOutcome#UNREACHABLE_BIT}), as apply's own are. A code that
     * is not a run's outcome (130, 1, 2, 3) is kept.
     */
    int exitCode(int runExitCode) {
      boolean outcome = runExitCode % RunOutcome.FAILED_BIT == 0 && runExitCode < 32;
      return outcome && !unreachable.isEmpty()
          ? runExitCode | RunOutcome.UNREACHABLE_BIT
          : runExitCode;
    }
  }

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    planFlags.checkOutput(context);
    Planned planned =
        makePlan(
            spec,
            context,
            CliWorkspace.of(spec, context, connect, List.of()),
            targets,
            planFlags.options(reboot.orElse(RebootPolicy.NEVER)),
            planFlags.refresh,
            !planFlags.noConffiles);
    Plan plan = planned.plan();
    String planJson = planned.json();
    Map<String, List<String>> unreachable = planned.unreachable();
    boolean written = planFlags.writeFile(context, planJson);
    if (json) {
      context.out().print(planJson);
      unreachable.forEach(
          (reason, hosts) ->
              context
                  .err()
                  .println(
                      "herd: plan: unreachable: "
                          + NodeSet.of(hosts).fold()
                          + " ("
                          + reason
                          + ")"));
    } else {
      PlanSummary.print(context, plan, unreachable);
      if (written) {
        context.out().println("plan written to " + planFlags.output);
      }
    }
    context.out().flush();
    context.err().flush();
    boolean allGood = unreachable.isEmpty() && plan.hosts().stream().allMatch(HostPlan::executable);
    return allGood ? ExitCode.OK.code() : ExitCode.FAILURE.code();
  }

  /**
   * Probes the selected hosts and plans them with {@code options}; shared with {@code herd upgrade}
   * and {@code herd reboot}.
   */
  static Planned makePlan(
      CommandSpec spec,
      CliContext context,
      Workspace workspace,
      ProbeTargets hosts,
      PlanOptions options,
      boolean refresh,
      boolean conffiles)
      throws Exception {
    NodeSelection selection = hosts.selection();
    FleetTargets targets = FleetTargets.resolve(spec, selection, workspace);
    FanOutSettings settings =
        FanOutSettings.defaults().withFanout(hosts.fanout()).withCommandTimeout(PROBE_LIMIT);
    List<ProbedHost> probed;
    Map<String, HostInput> inputs = new TreeMap<>();
    try (Transport transport = workspace.transport(targets.kinds())) {
      FleetProbe probe = new FleetProbe(transport, settings, context.clock());
      if (refresh) {
        probe
            .refresh(targets.endpoints(), FleetListener.NONE)
            .forEach(
                (host, reason) ->
                    context
                        .err()
                        .println("herd: plan: apt-get update failed on " + host + ": " + reason));
      }
      probed = probe.probeUpgrades(targets.endpoints(), FleetListener.NONE);
      for (ProbedHost host : probed) {
        if (host instanceof ProbedHost.Probed p) {
          inputs.put(p.host(), input(p.host(), p.facts()));
        }
      }
      ask(
          context,
          new SelectionProbe(transport, settings, context.clock()),
          targets,
          inputs,
          options,
          conffiles);
    }
    Plan plan =
        Planner.plan(
            List.copyOf(inputs.values()),
            options,
            context.clock().instant().truncatedTo(ChronoUnit.SECONDS),
            herdVersion());
    Map<String, List<String>> unreachable = new TreeMap<>();
    for (ProbedHost host : probed) {
      if (host instanceof ProbedHost.NotProbed n) {
        unreachable.computeIfAbsent(n.reason(), r -> new ArrayList<>()).add(n.host());
      }
    }
    return new Planned(plan, PlanJson.write(plan), unreachable);
  }

  /** The planner's view of a host's facts. */
  static HostInput input(String host, HostFacts facts) {
    UpgradeFacts upgrades = facts.upgrades();
    if (upgrades == null) {
      return new HostInput(host, null, facts.limitations(), null, null);
    }
    List<org.herd.debian.SimulatedInstall> installs = new ArrayList<>();
    for (UpgradeFacts.PendingUpgrade p : upgrades.pending()) {
      installs.add(
          new org.herd.debian.SimulatedInstall(
              p.pkg(), p.installed(), p.candidate(), p.releases(), null));
    }
    for (UpgradeFacts.PendingUpgrade p : upgrades.newPackages()) {
      installs.add(
          new org.herd.debian.SimulatedInstall(
              p.pkg(), p.installed(), p.candidate(), p.releases(), null));
    }
    AptSimulation simulation =
        new AptSimulation(
            installs, upgrades.removals(), upgrades.keptBack(), -1, upgrades.errors(), List.of());
    return new HostInput(host, simulation, List.of(), null, null);
  }

  /**
   * Asks each host with something to install for its packages' service units, for the sums of their
   * conffiles (when {@code conffiles}) and, when the options left packages out, for apt's verdict
   * on the selection alone; adds the answers to the inputs.
   */
  private static void ask(
      CliContext context,
      SelectionProbe probe,
      FleetTargets targets,
      Map<String, HostInput> inputs,
      PlanOptions options,
      boolean conffiles)
      throws InterruptedException {
    Map<Endpoint, SelectionProbe.Question> questions = new LinkedHashMap<>();
    for (Endpoint endpoint : targets.endpoints()) {
      HostInput input = inputs.get(endpoint.name());
      if (input == null || input.upgrade() == null) {
        continue;
      }
      HostPlan first = Planner.planHost(input, options);
      if (first.installs().isEmpty()) {
        continue;
      }
      List<PackageName> installed =
          first.installs().stream()
              .filter(i -> i.action() != PlannedInstall.Action.NEW)
              .map(PlannedInstall::pkg)
              .toList();
      List<String> pins = first.leftOut().isEmpty() ? List.of() : first.pins();
      List<String> upgrades =
          first.installs().stream()
              .filter(i -> i.action() != PlannedInstall.Action.NEW)
              .map(PlannedInstall::pin)
              .toList();
      questions.put(
          endpoint, new SelectionProbe.Question(installed, pins, conffiles ? upgrades : List.of()));
      if (!conffiles) {
        inputs.put(endpoint.name(), input.withConffiles(ConffileInput.unknown("--no-conffiles")));
      }
    }
    if (questions.isEmpty()) {
      return;
    }
    Map<String, SelectionFacts> answers = probe.probe(questions);
    answers.forEach(
        (host, answer) -> {
          HostInput input = inputs.get(host);
          if (answer.problem() != null) {
            context
                .err()
                .println(
                    "herd: plan: "
                        + host
                        + ": no service units nor check of the selection: "
                        + answer.problem());
            inputs.put(
                host, input.withConffiles(ConffileInput.unknown("no answer: " + answer.problem())));
            return;
          }
          HostInput withUnits = input.withServiceUnits(answer.serviceUnits());
          if (answer.conffiles() != null) {
            withUnits = withUnits.withConffiles(conffileInput(answer.conffiles()));
          }
          inputs.put(
              host,
              answer.restricted() == null
                  ? withUnits
                  : withUnits.withRestricted(answer.restricted()));
        });
  }

  /**
   * The planner's view of a host's conffiles: herd's dpkg options ({@link AptSettings#DEFAULT},
   * what apply passes) with the host's own added, since dpkg's flags accumulate.
   */
  static ConffileInput conffileInput(ConffileFacts facts) {
    if (facts.problem() != null) {
      return ConffileInput.unknown(facts.problem());
    }
    ConffilePolicy policy =
        AptSettings.DEFAULT.conffilePolicy().with(ConffilePolicy.of(facts.hostOptions()));
    return new ConffileInput(null, facts.files(), facts.unexamined(), policy);
  }

  private static String herdVersion() {
    String version = HerdCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
