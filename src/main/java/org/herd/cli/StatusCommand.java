package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.herd.facts.HostState;
import org.herd.facts.ProbedHost;
import org.herd.facts.StatusJson;
import org.herd.facts.StatusSummary;
import org.herd.fleet.FleetListener;
import org.herd.fleet.FleetResult;
import org.herd.fleet.FleetRun;
import org.herd.journal.Journal;
import org.herd.nodeset.NodeSet;
import org.herd.ops.FleetStatus;
import org.herd.ops.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd status [NODES]}: every host's upgrade state at a glance. One probe per host through
 * the fleet layer, hosts with the same state folded into one row, cluster version skew, facts saved
 * in the journal. See {@code docs/status.md}.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show what is pending, what is risky and what is broken on many hosts.",
      "Hosts in the same state share one row."
    },
    footer = {
      "",
      "Exit status: 0 when every host was probed, 1 when some could not be, 2 for bad input,"
          + " 130 on Ctrl-C (the hosts that did not complete are named)."
    })
final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Parameters(
      paramLabel = "NODES",
      arity = "0..1",
      description = "The hosts, as a node set ('web[01-20],@db'); default: every host ('@*').")
  String nodes;

  @Option(
      names = "--refresh",
      description = "Run 'apt-get update' on every host first (waits up to 60 s for a held lock).")
  boolean refresh;

  @Option(names = "--packages", description = "List the pending upgrades of each row.")
  boolean packages;

  @Option(names = "--json", description = "Print every host's facts and the rows as JSON.")
  boolean json;

  @Mixin JournalOption journalOption;

  @Mixin FanoutOption fanoutOption = new FanoutOption();

  private int nodesCount;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    Workspace workspace = CliWorkspace.of(spec, context, connect, List.of());
    NodeSelection selection = new NodeSelection();
    if (nodes == null) {
      selection.all = true;
    } else {
      selection.nodes.add(nodes);
    }
    FleetTargets targets = FleetTargets.resolve(spec, selection, workspace);
    nodesCount = targets.endpoints().size();
    // Every option checked before the journal is opened (or created).
    int fanout = fanoutOption.value();
    FleetStatus.Outcome outcome;
    try (Journal store = journalOption.open(context);
        InterruptHook hook = InterruptHook.install()) {
      outcome =
          new FleetStatus(workspace, store)
              .probe(targets.reach(), refresh, fanout, watcher(context, hook));
    }
    if (outcome instanceof FleetStatus.Outcome.Interrupted interrupted) {
      context
          .err()
          .println("herd: interrupted: " + interrupted.incomplete().fold() + " did not complete");
      context.out().flush();
      context.err().flush();
      return ExitCode.INTERRUPTED.code();
    }
    FleetStatus.Outcome.Probed probed = (FleetStatus.Outcome.Probed) outcome;
    StatusSummary summary = probed.summary();
    if (json) {
      printJson(context, probed.hosts(), summary);
    } else {
      printText(context, summary);
    }
    context.out().flush();
    context.err().flush();
    return summary.allProbed() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
  }

  /** Each pass with a progress line (on a terminal only); Ctrl-C stops it. */
  private FleetStatus.Watcher watcher(CliContext context, InterruptHook hook) {
    return new FleetStatus.Watcher() {
      @Override
      public FleetListener listener() {
        return display(context);
      }

      @Override
      public FleetResult await(FleetRun pass) throws InterruptedException {
        return watched(context, hook, pass);
      }

      @Override
      public void refreshFailed(Map<String, String> reasons) {
        reportRefresh(context, reasons);
      }
    };
  }

  private LiveDisplay current;

  /** A progress line for one pass over the hosts (on a terminal only). */
  private LiveDisplay display(CliContext context) {
    current = LiveDisplay.progressOnly(context, nodesCount);
    return current;
  }

  /** Waits for {@code run}; Ctrl-C stops it. The progress line is erased afterwards. */
  private FleetResult watched(CliContext context, InterruptHook hook, FleetRun run)
      throws InterruptedException {
    hook.onInterrupt(run::interrupt);
    try {
      return run.await();
    } finally {
      current.clear();
    }
  }

  private static void reportRefresh(CliContext context, Map<String, String> failed) {
    Map<String, List<String>> byReason = new TreeMap<>();
    failed.forEach(
        (host, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(host));
    byReason.forEach(
        (reason, hosts) ->
            context
                .err()
                .println(
                    "herd: status: apt-get update failed on "
                        + NodeSet.of(hosts).fold()
                        + ": "
                        + reason));
  }

  private void printText(CliContext context, StatusSummary summary) {
    Terminal terminal = context.terminal();
    TextTable table =
        new TextTable("HOSTS", "OS", "PENDING(SEC)", "REBOOT", "RESTARTS", "DPKG", "POLICY");
    for (StatusSummary.Row row : summary.rows()) {
      HostState s = row.state();
      table.row(
          row.hosts().fold() + " (" + row.hosts().size() + ")",
          s.os(),
          pending(s),
          s.reboot().isEmpty() ? "no" : String.join(",", s.reboot()),
          s.restarts().isEmpty() ? "0" : String.valueOf(s.restarts().size()),
          dpkg(s),
          s.policy().isEmpty() ? "-" : String.join(", ", s.policy()));
    }
    if (!table.isEmpty()) {
      context.out().print(table.render(terminal));
    }
    if (packages) {
      for (StatusSummary.Row row : summary.rows()) {
        HostState s = row.state();
        if (s.pending().isEmpty() && s.newPackages().isEmpty() && s.removals().isEmpty()) {
          continue;
        }
        context.out().println();
        context.out().println(terminal.paint("1", row.hosts().fold() + ":"));
        s.pending().forEach(p -> context.out().println("  " + p));
        s.newPackages().forEach(p -> context.out().println("  new " + p));
        s.removals().forEach(p -> context.out().println("  remove " + p));
        s.held().forEach(p -> context.out().println("  held " + p));
      }
    }
    printClusters(context, summary);
    for (StatusSummary.Unprobed u : summary.unprobed()) {
      context
          .out()
          .println(
              terminal.paint("31", "unreachable: " + u.hosts().fold() + " (" + u.reason() + ")"));
    }
  }

  private static void printClusters(CliContext context, StatusSummary summary) {
    if (summary.clusters().isEmpty()) {
      return;
    }
    context.out().println();
    for (StatusSummary.ClusterVersions c : summary.clusters()) {
      List<String> parts = new ArrayList<>();
      c.versions().forEach((version, hosts) -> parts.add(version + " on " + hosts.fold()));
      String line = "cluster " + c.cluster() + ": " + c.pkg() + " " + String.join(", ", parts);
      context.out().println(line);
      if (c.skew()) {
        context
            .out()
            .println(
                context
                    .terminal()
                    .paint("33", "  warning: version skew in cluster " + c.cluster()));
      }
    }
  }

  private static String pending(HostState s) {
    if (s.pending().isEmpty() && !s.aptErrors().isEmpty()) {
      return "unknown (apt errors)";
    }
    String text = s.pending().size() + " (" + s.securityCount() + ")";
    return s.aptErrors().isEmpty() ? text : text + " apt errors";
  }

  private static String dpkg(HostState s) {
    List<String> parts = new ArrayList<>();
    if (!s.dpkgProblems().isEmpty()) {
      parts.add(
          s.dpkgProblems().size() + (s.dpkgProblems().size() == 1 ? " problem" : " problems"));
    }
    if (s.dpkgLocked()) {
      parts.add("locked");
    }
    return parts.isEmpty() ? "ok" : String.join(", ", parts);
  }

  private static void printJson(CliContext context, List<ProbedHost> probed, StatusSummary summary)
      throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    context.out().println(mapper.writeValueAsString(StatusJson.tree(mapper, probed, summary)));
  }
}
