package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.herd.inventory.Cluster;
import org.herd.inventory.Connection;
import org.herd.inventory.DisruptionBudget;
import org.herd.inventory.Group;
import org.herd.inventory.Host;
import org.herd.inventory.HostIndex;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryRef;
import org.herd.inventory.SoakTime;
import org.herd.inventory.Wave;
import org.herd.nodeset.NodeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd inventory show [NODES]}: the resolved inventory: every host with its effective
 * connection settings, and the groups, clusters and waves. Hosts that share every setting are shown
 * on one line as a folded node set.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show hosts with their connection settings, groups, clusters and waves.",
      "Settings are the effective ones (defaults, then groups, then the host); hosts that",
      "share them are folded on one line. With NODES, only those hosts, and the groups,",
      "clusters and waves they are in."
    })
final class InventoryShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "NODES",
      arity = "0..1",
      description = "A node set, such as 'web[01-04],@controllers' (default: every host).")
  String nodes;

  @Option(names = "--json", description = "Print JSON: every host on its own, with its vars.")
  boolean json;

  @Mixin RecipesOption recipes;

  /** The budget of a cluster the inventory gives none: its recipe's. */
  private Function<String, DisruptionBudget> recipeBudgets;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    recipeBudgets = org.herd.ops.RecipeBudgets.of(recipes.load(context));
    InventoryRef ref = CliInventory.locate(spec);
    Inventory inventory = InventoryLoader.load(ref);
    NodeSet selected = nodes == null ? inventory.hostNames() : inventory.select(nodes);
    NodeSet unknown = selected.difference(inventory.hostNames());
    if (!unknown.isEmpty()) {
      throw new UserError("inventory show: not in the inventory: " + unknown.fold());
    }
    List<Host> hosts = inventory.hosts().stream().filter(h -> selected.contains(h.name())).toList();
    List<Group> groups =
        inventory.groups().stream()
            .filter(g -> !g.hosts().intersection(selected).isEmpty())
            .toList();
    List<Cluster> clusters =
        inventory.clusters().stream()
            .filter(c -> !c.members().intersection(selected).isEmpty())
            .toList();
    List<Wave> waves =
        inventory.waves().stream()
            .filter(w -> !w.hosts().intersection(selected).isEmpty())
            .toList();
    if (json) {
      context
          .out()
          .println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(json(ref, inventory, hosts, groups, clusters, waves)));
    } else {
      text(context, ref, inventory, hosts, groups, clusters, waves);
    }
    return ExitCode.OK.code();
  }

  // ---- text

  private void text(
      CliContext context,
      InventoryRef ref,
      Inventory inventory,
      List<Host> hosts,
      List<Group> groups,
      List<Cluster> clusters,
      List<Wave> waves) {
    var out = context.out();
    Terminal terminal = context.terminal();
    out.println(
        "inventory "
            + ref
            + ": "
            + InventoryCheckCommand.count(hosts.size(), "host")
            + (hosts.size() == inventory.hosts().size() ? "" : " of " + inventory.hosts().size()));
    out.println();
    List<String> headers =
        new ArrayList<>(
            List.of("HOSTS", "ADDRESS", "USER", "PORT", "TRANSPORT", "BECOME", "CLUSTERS"));
    List<Integer> shown = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
    // The ssh columns only when some host has a value in them.
    Map<List<String>, List<String>> lines = alike(inventory, hosts);
    for (int column = 6; column < OPTIONAL_COLUMNS.size() + 6; column++) {
      int at = column;
      if (lines.values().stream().anyMatch(cells -> !cells.get(at).equals("-"))) {
        headers.add(OPTIONAL_COLUMNS.get(column - 6));
        shown.add(column);
      }
    }
    TextTable table = new TextTable(headers.toArray(String[]::new));
    for (Map.Entry<List<String>, List<String>> line : lines.entrySet()) {
      List<String> cells = new ArrayList<>();
      cells.add(NodeSet.of(line.getKey()).fold());
      shown.forEach(column -> cells.add(line.getValue().get(column)));
      table.row(cells.toArray(String[]::new));
    }
    out.print(table.render(terminal));
    if (!groups.isEmpty()) {
      TextTable groupTable = new TextTable("GROUP", "COUNT", "HOSTS");
      for (Group group : groups) {
        groupTable.row(
            group.reference(inventory.defaultSource()),
            Integer.toString(group.hosts().size()),
            group.hosts().fold());
      }
      out.println();
      out.print(groupTable.render(terminal));
    }
    if (!clusters.isEmpty()) {
      TextTable clusterTable = new TextTable("CLUSTER", "RECIPE", "BUDGET", "MEMBERS", "ORDER");
      for (Cluster cluster : clusters) {
        clusterTable.row(
            cluster.name(),
            cluster.recipe(),
            cluster.budgetText(recipeBudgets.apply(cluster.recipe()))
                + " ("
                + cluster.allowed(recipeBudgets.apply(cluster.recipe()))
                + " of "
                + cluster.members().size()
                + ")",
            cluster.members().fold(),
            cluster.order().isEmpty() ? "-" : String.join(",", cluster.order()));
      }
      out.println();
      out.print(clusterTable.render(terminal));
    }
    if (!waves.isEmpty()) {
      TextTable waveTable = new TextTable("WAVE", "SOAK", "COUNT", "HOSTS");
      for (Wave wave : waves) {
        waveTable.row(
            wave.name(),
            SoakTime.format(wave.soak()),
            Integer.toString(wave.hosts().size()),
            wave.hosts().fold());
      }
      out.println();
      out.print(waveTable.render(terminal));
    }
  }

  /** The columns after CLUSTERS, shown when some host has a value in them. */
  private static final List<String> OPTIONAL_COLUMNS =
      List.of("SSH_CONFIG", "IDENTITY_FILE", "SSH_OPTIONS");

  /**
   * Hosts that would print the same line, keyed by their names: the cells after HOSTS, up to
   * CLUSTERS and then {@link #OPTIONAL_COLUMNS}, "-" for none.
   */
  private static Map<List<String>, List<String>> alike(Inventory inventory, List<Host> hosts) {
    HostIndex index = new HostIndex(inventory);
    Map<List<String>, List<String>> byLine = new LinkedHashMap<>();
    for (Host host : hosts) {
      Connection c = host.connection();
      boolean ownAddress = !c.address().equals(host.name());
      List<String> cells =
          List.of(
              ownAddress ? c.address() : "-",
              c.user() == null ? "-" : c.user(),
              Integer.toString(c.port()),
              c.transport().key(),
              c.become().key(),
              clusters(index, host.name()),
              c.sshConfig() == null ? "-" : c.sshConfig(),
              c.identityFile() == null ? "-" : c.identityFile(),
              c.sshOptions().isEmpty() ? "-" : String.join(" ", c.sshOptions()));
      // A host with its own address always gets its own line.
      List<String> key = ownAddress ? withName(cells, host.name()) : cells;
      byLine.computeIfAbsent(key, k -> new ArrayList<>()).add(host.name());
    }
    Map<List<String>, List<String>> byNames = new LinkedHashMap<>();
    byLine.forEach((cells, names) -> byNames.put(names, cells.subList(0, 9)));
    return byNames;
  }

  private static List<String> withName(List<String> cells, String name) {
    List<String> key = new ArrayList<>(cells);
    key.add(name);
    return key;
  }

  private static String clusters(HostIndex index, String host) {
    String names =
        index.clustersOf(host).stream().map(Cluster::name).collect(Collectors.joining(","));
    return names.isEmpty() ? "-" : names;
  }

  // ---- JSON

  private Map<String, Object> json(
      InventoryRef ref,
      Inventory inventory,
      List<Host> hosts,
      List<Group> groups,
      List<Cluster> clusters,
      List<Wave> waves) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("file", ref.toString());
    root.put("default_source", inventory.defaultSource());
    HostIndex index = new HostIndex(inventory);
    List<Object> hostList = new ArrayList<>();
    for (Host host : hosts) {
      Connection c = host.connection();
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("name", host.name());
      h.put("address", c.address());
      h.put("user", c.user());
      h.put("port", c.port());
      h.put("transport", c.transport().key());
      h.put("become", c.become().key());
      h.put("ssh_config", c.sshConfig());
      h.put("identity_file", c.identityFile());
      h.put("ssh_options", c.sshOptions());
      h.put(
          "groups",
          index.groupsOf(host.name()).stream()
              .map(g -> g.reference(inventory.defaultSource()).substring(1))
              .toList());
      h.put("clusters", index.clustersOf(host.name()).stream().map(Cluster::name).toList());
      h.put("wave", index.waveOf(host.name()).map(Wave::name).orElse(null));
      h.put("vars", host.vars());
      hostList.add(h);
    }
    root.put("hosts", hostList);
    List<Object> groupList = new ArrayList<>();
    for (Group group : groups) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("name", group.name());
      g.put("source", group.source());
      g.put("hosts", group.hosts().fold());
      g.put("count", group.hosts().size());
      g.put("vars", group.vars());
      groupList.add(g);
    }
    root.put("groups", groupList);
    List<Object> clusterList = new ArrayList<>();
    for (Cluster cluster : clusters) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", cluster.name());
      c.put("recipe", cluster.recipe());
      c.put("members", cluster.members().fold());
      c.put("count", cluster.members().size());
      DisruptionBudget recipeBudget = recipeBudgets.apply(cluster.recipe());
      c.put("budget", cluster.budget().orElse(recipeBudget).toString());
      c.put("budgetFrom", cluster.budget().isPresent() ? "inventory" : "recipe");
      c.put("allowed", cluster.allowed(recipeBudget));
      c.put("order", cluster.orderedMembers());
      c.put("vars", cluster.vars());
      clusterList.add(c);
    }
    root.put("clusters", clusterList);
    List<Object> waveList = new ArrayList<>();
    for (Wave wave : waves) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("name", wave.name());
      w.put("hosts", wave.hosts().fold());
      w.put("count", wave.hosts().size());
      w.put("soak", SoakTime.format(wave.soak()));
      w.put("soak_seconds", wave.soak().getSeconds());
      waveList.add(w);
    }
    root.put("waves", waveList);
    root.put("vars", inventory.vars());
    return root;
  }
}
