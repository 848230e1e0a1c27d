package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.herd.debian.PackageName;
import org.herd.facts.ClusterPackages;
import org.herd.facts.FleetProbe;
import org.herd.facts.HostState;
import org.herd.facts.ProbedHost;
import org.herd.facts.StatusSummary;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetResult;
import org.herd.fleet.FleetRun;
import org.herd.inventory.Cluster;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryException;
import org.herd.journal.Journal;
import org.herd.journal.StoredFacts;
import org.herd.nodeset.NodeSet;
import org.herd.transport.Endpoint;
import org.herd.transport.Transport;
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

  /** A probe bounds each of its parts itself; this only catches a host that hangs outright. */
  private static final Duration PROBE_LIMIT = Duration.ofMinutes(10);

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
    int fanout = fanoutOption.value();
    NodeSelection selection = new NodeSelection();
    if (nodes == null) {
      selection.all = true;
    } else {
      selection.nodes.add(nodes);
    }
    FleetTargets targets = FleetTargets.resolve(spec, selection, connect);
    nodesCount = targets.endpoints().size();
    List<ClusterPackages> clusters = clusters(targets.nodes());
    List<PackageName> asked = clusterPackages(clusters);
    FanOutSettings settings =
        FanOutSettings.defaults().withFanout(fanout).withCommandTimeout(PROBE_LIMIT);
    List<ProbedHost> probed;
    try (Journal store = journalOption.open(context);
        Transport transport = connect.transport(context, targets.kinds());
        InterruptHook hook = InterruptHook.install()) {
      FleetProbe probe = new FleetProbe(transport, settings, context.clock());
      List<Endpoint> hosts = targets.endpoints();
      if (refresh) {
        FleetResult updated = watched(context, hook, probe.startRefresh(hosts, display(context)));
        if (updated.interrupted()) {
          return interrupted(context, updated);
        }
        reportRefresh(context, FleetProbe.refreshFailures(updated));
      }
      FleetResult result = watched(context, hook, probe.start(hosts, asked, display(context)));
      probed = probe.results(result);
      store.saveFacts(stored(probed));
      if (result.interrupted()) {
        return interrupted(context, result);
      }
    }
    StatusSummary summary = StatusSummary.of(probed, clusters);
    if (json) {
      printJson(context, probed, summary);
    } else {
      printText(context, summary);
    }
    context.out().flush();
    context.err().flush();
    return summary.allProbed() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
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

  /** Ctrl-C: what was probed is saved; say which hosts did not complete. */
  private static int interrupted(CliContext context, FleetResult result) {
    context
        .err()
        .println(
            "herd: interrupted: " + NodeSet.of(result.incomplete()).fold() + " did not complete");
    context.out().flush();
    context.err().flush();
    return ExitCode.INTERRUPTED.code();
  }

  /**
   * The clusters among the selected hosts, with the packages named by their {@code packages}
   * variable. Until recipes say which packages a cluster owns, that variable is the only source;
   * without it the cluster is compared on no package.
   */
  private List<ClusterPackages> clusters(NodeSet selected) {
    Inventory inventory;
    try {
      inventory = CliInventory.load(spec);
    } catch (InventoryException none) {
      // FleetTargets already refused a broken inventory; this is the no-inventory case.
      return List.of();
    }
    List<ClusterPackages> clusters = new ArrayList<>();
    for (Cluster cluster : inventory.clusters()) {
      NodeSet members = cluster.members().intersection(selected);
      if (members.isEmpty()) {
        continue;
      }
      List<PackageName> names = new ArrayList<>();
      if (cluster.vars().get("packages") instanceof List<?> list) {
        for (Object name : list) {
          names.add(packageName(cluster.name(), String.valueOf(name)));
        }
      }
      clusters.add(new ClusterPackages(cluster.name(), members, names));
    }
    return clusters;
  }

  private static PackageName packageName(String cluster, String text) {
    try {
      return PackageName.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError("cluster " + cluster + ": packages: not a package name: " + text);
    }
  }

  private static List<PackageName> clusterPackages(List<ClusterPackages> clusters) {
    // One command for every host: a host reports the others' packages as not installed, which
    // costs one dpkg-query argument each and keeps the fan-out to a single command.
    Set<PackageName> names = new LinkedHashSet<>();
    clusters.forEach(c -> names.addAll(c.packages()));
    return List.copyOf(names);
  }

  private static List<StoredFacts> stored(List<ProbedHost> probed) {
    ObjectMapper mapper = new ObjectMapper();
    List<StoredFacts> stored = new ArrayList<>();
    for (ProbedHost host : probed) {
      if (host instanceof ProbedHost.Probed p) {
        try {
          stored.add(
              new StoredFacts(p.host(), p.collectedAt(), mapper.writeValueAsString(p.facts())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("facts of " + p.host() + " are not serialisable", e);
        }
      }
    }
    return stored;
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
    ObjectNode root = mapper.createObjectNode();
    ObjectNode hosts = root.putObject("hosts");
    for (ProbedHost host : probed) {
      ObjectNode node = hosts.putObject(host.host());
      if (host instanceof ProbedHost.Probed p) {
        node.put("collectedAt", p.collectedAt().toString());
        node.set("facts", mapper.valueToTree(p.facts()));
      } else if (host instanceof ProbedHost.NotProbed n) {
        node.put("unreachable", n.reason());
      }
    }
    ArrayNode rows = root.putArray("rows");
    for (StatusSummary.Row row : summary.rows()) {
      ObjectNode node = rows.addObject();
      node.put("hosts", row.hosts().fold());
      node.put("count", row.hosts().size());
      node.set("state", mapper.valueToTree(row.state()));
    }
    ArrayNode clusters = root.putArray("clusters");
    for (StatusSummary.ClusterVersions c : summary.clusters()) {
      ObjectNode node = clusters.addObject();
      node.put("cluster", c.cluster());
      node.put("package", c.pkg().toString());
      ObjectNode versions = node.putObject("versions");
      c.versions().forEach((version, members) -> versions.put(version, members.fold()));
      node.put("skew", c.skew());
    }
    ArrayNode unreachable = root.putArray("unreachable");
    for (StatusSummary.Unprobed u : summary.unprobed()) {
      unreachable.addObject().put("hosts", u.hosts().fold()).put("reason", u.reason());
    }
    context.out().println(mapper.writeValueAsString(root));
  }
}
