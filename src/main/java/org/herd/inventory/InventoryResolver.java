package org.herd.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.herd.nodeset.NodeSet;

/**
 * Turns an {@link InventorySpec} into an {@link Inventory}: expands host keys and the node sets of
 * groups (through {@link GroupGraph}), clusters and waves, and reports what cannot be — unknown
 * groups, cycles, hosts used but never declared, bad member orders, empty clusters and waves — all
 * of them, each where it was written.
 *
 * <p>Connection settings and variables are layered: defaults, then every group of the host from the
 * outermost to the innermost (a group nested in another, through {@code @child}, overrides it;
 * groups at the same depth apply in file order), then the host's own declarations in file order.
 */
final class InventoryResolver {

  private final InventorySpec spec;
  private final Problems problems;

  InventoryResolver(InventorySpec spec, Problems problems) {
    this.spec = spec;
    this.problems = problems;
  }

  Inventory resolve() {
    Map<String, List<InventorySpec.HostSpec>> declarations =
        spec.hostsFromGroups() ? Map.of() : hostDeclarations();
    GroupGraph graph =
        new GroupGraph(
            spec,
            spec.hostsFromGroups()
                ? Optional.empty()
                : Optional.of(NodeSet.of(declarations.keySet())),
            problems);
    return new Inventory(
        spec.file(),
        spec.defaultSource(),
        hosts(graph, declarations),
        graph.groups(),
        clusters(graph),
        waves(graph),
        spec.vars(),
        spec.defaults());
  }

  // ---- hosts

  private Map<String, List<InventorySpec.HostSpec>> hostDeclarations() {
    Map<String, List<InventorySpec.HostSpec>> byHost = new LinkedHashMap<>();
    long declared = 0;
    for (InventorySpec.HostSpec host : spec.hosts()) {
      List<String> names;
      if (host.literal()) {
        names = List.of(host.key().text());
      } else {
        Optional<NodeSet> set =
            GroupGraph.parse(
                host.key(),
                GroupGraph.refusing(
                    "host keys name hosts, not groups: put `{}` hosts under `hosts` and the"
                        + " group under `groups`"),
                problems);
        if (set.isEmpty()) {
          continue;
        }
        if (declared + set.get().size() > Inventory.MAX_HOSTS) {
          tooMany(host);
          break;
        }
        names = set.get().expand();
        if (names.isEmpty()) {
          problems.add(host.key().position(), "host key `" + host.key().text() + "` names no host");
        }
        if (host.settings().address() != null && names.size() > 1) {
          problems.add(
              host.key().position(),
              "`address` is set for the "
                  + names.size()
                  + " hosts of `"
                  + host.key().text()
                  + "`; give each host its own");
        }
      }
      declared += names.size();
      if (declared > Inventory.MAX_HOSTS) {
        tooMany(host);
        break;
      }
      for (String name : names) {
        byHost.computeIfAbsent(name, n -> new ArrayList<>()).add(host);
      }
    }
    return byHost;
  }

  private void tooMany(InventorySpec.HostSpec host) {
    problems.add(
        host.key().position(),
        "`"
            + host.key().text()
            + "` takes the inventory past "
            + Inventory.MAX_HOSTS
            + " hosts, the most herd reads");
  }

  private List<Host> hosts(
      GroupGraph graph, Map<String, List<InventorySpec.HostSpec>> declarations) {
    // Which groups each host is in, in the order their settings apply: each group is expanded
    // once, so this is linear in the sum of the group sizes.
    Map<String, List<InventorySpec.GroupSpec>> membership = new HashMap<>();
    for (InventorySpec.GroupSpec group : graph.inSettingsOrder()) {
      for (String name : graph.hostsOf(group)) {
        membership.computeIfAbsent(name, n -> new ArrayList<>()).add(group);
      }
    }
    List<Host> hosts = new ArrayList<>();
    for (String name : graph.hosts()) {
      ConnectionSettings settings = spec.defaults();
      Map<String, Object> vars = new LinkedHashMap<>(spec.vars());
      for (InventorySpec.GroupSpec group : membership.getOrDefault(name, List.of())) {
        settings = settings.overriddenBy(group.settings());
        vars.putAll(group.vars());
      }
      for (InventorySpec.HostSpec host : declarations.getOrDefault(name, List.of())) {
        settings = settings.overriddenBy(host.settings());
        vars.putAll(host.vars());
      }
      hosts.add(new Host(name, withInventoryPaths(settings).resolve(name), vars));
    }
    return hosts;
  }

  /** Relative {@code ssh_config} and {@code identity_file} paths are relative to the inventory. */
  private ConnectionSettings withInventoryPaths(ConnectionSettings settings) {
    return new ConnectionSettings(
        settings.address(),
        settings.user(),
        settings.port(),
        settings.transport(),
        settings.become(),
        inInventory(settings.sshConfig()),
        inInventory(settings.identityFile()),
        settings.sshOptions());
  }

  private String inInventory(String path) {
    if (path == null || path.startsWith("~") || Path.of(path).isAbsolute()) {
      return path;
    }
    return spec.directory().resolve(path).normalize().toString();
  }

  // ---- clusters and waves

  private List<Cluster> clusters(GroupGraph graph) {
    List<Cluster> clusters = new ArrayList<>();
    for (InventorySpec.ClusterSpec cluster : spec.clusters()) {
      String what = "cluster `" + cluster.name().text() + "`";
      int before = problems.size();
      NodeSet members = union(graph, cluster.members(), what);
      // An empty cluster is worth a problem of its own only if its members were understood.
      if (members.isEmpty() && !cluster.members().isEmpty() && problems.size() == before) {
        problems.add(cluster.name().position(), what + " has no members");
      }
      clusters.add(
          new Cluster(
              cluster.name().text(),
              members,
              cluster.recipe() == null ? cluster.name().text() : cluster.recipe().text(),
              java.util.Optional.ofNullable(cluster.budget()),
              order(graph, cluster, members, what),
              cluster.vars()));
    }
    return clusters;
  }

  private List<String> order(
      GroupGraph graph, InventorySpec.ClusterSpec cluster, NodeSet members, String what) {
    if (cluster.order().isEmpty()) {
      return List.of();
    }
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Located entry : cluster.order()) {
      for (String host : graph.evaluate(entry, "`order` of " + what)) {
        if (!members.contains(host)) {
          problems.add(
              entry.position(), "`order` of " + what + " lists `" + host + "`, not a member");
        } else if (!seen.add(host)) {
          problems.add(entry.position(), "`order` of " + what + " lists `" + host + "` twice");
        } else {
          order.add(host);
        }
      }
    }
    NodeSet left = members.difference(NodeSet.of(order));
    if (!left.isEmpty()) {
      problems.add(
          cluster.order().get(0).position(),
          "`order` of "
              + what
              + " leaves out `"
              + left.fold()
              + "`; list every member once, or leave `order` out");
    }
    return order;
  }

  private List<Wave> waves(GroupGraph graph) {
    List<Wave> waves = new ArrayList<>();
    NodeSet earlier = NodeSet.empty();
    for (InventorySpec.WaveSpec wave : spec.waves()) {
      String what = "wave `" + wave.name().text() + "`";
      int before = problems.size();
      NodeSet hosts = union(graph, wave.nodes(), what).difference(earlier);
      if (hosts.isEmpty() && !wave.nodes().isEmpty() && problems.size() == before) {
        problems.add(
            wave.nodes().get(0).position(),
            what
                + " has no hosts"
                + (!earlier.isEmpty() ? " that earlier waves do not already have" : ""));
      }
      earlier = earlier.union(hosts);
      waves.add(
          new Wave(
              wave.name().text(),
              hosts,
              wave.nodes().stream().map(Located::text).toList(),
              wave.soak()));
    }
    return waves;
  }

  private static NodeSet union(GroupGraph graph, List<Located> expressions, String what) {
    List<NodeSet> sets = new ArrayList<>();
    for (Located expression : expressions) {
      sets.add(graph.evaluate(expression, what));
    }
    return NodeSet.union(sets);
  }
}
