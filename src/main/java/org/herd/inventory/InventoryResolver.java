package org.herd.inventory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import org.herd.nodeset.NodeSetException;

/**
 * Turns an {@link InventorySpec} into an {@link Inventory}: expands host keys and group, cluster
 * and wave node sets, and reports unknown groups, cycles between groups, hosts used but never
 * declared, bad member orders and empty waves — all of them, each where it was written.
 *
 * <p>Connection settings and variables are layered: defaults, then every group of the host from the
 * outermost to the innermost (a group nested in another, through {@code @child}, overrides it;
 * groups at the same depth apply in file order), then the host's own declarations in file order.
 */
final class InventoryResolver {

  private record GroupKey(String source, String name) {
    String reference(String defaultSource) {
      return source.equals(defaultSource) ? "@" + name : "@" + source + ":" + name;
    }
  }

  /** Thrown through the node-set parser to stop evaluating an expression that cannot be. */
  private static final class Unresolvable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolvable(String message) {
      super(message, null, false, false);
    }
  }

  private static final NodeSet EMPTY = NodeSet.of(List.of());

  private final InventorySpec spec;
  private final Problems problems;
  private final Map<GroupKey, InventorySpec.GroupSpec> groupSpecs = new LinkedHashMap<>();
  private final Map<GroupKey, NodeSet> resolved = new HashMap<>();
  private final Deque<GroupKey> resolving = new ArrayDeque<>();
  private final Map<GroupKey, Set<GroupKey>> parents = new HashMap<>();
  private final Set<Set<GroupKey>> reportedCycles = new HashSet<>();
  private final Set<String> reportedUndeclared = new HashSet<>();
  private NodeSet declared = EMPTY;

  InventoryResolver(InventorySpec spec, Problems problems) {
    this.spec = spec;
    this.problems = problems;
    for (InventorySpec.GroupSpec group : spec.groups()) {
      GroupKey key = new GroupKey(group.source(), group.name().text());
      InventorySpec.GroupSpec first = groupSpecs.putIfAbsent(key, group);
      if (first != null && first != group) {
        problems.add(
            group.name().position(),
            "group `"
                + key.reference(spec.defaultSource()).substring(1)
                + "` is already declared at line "
                + first.name().position().line());
      }
    }
  }

  Inventory resolve() {
    Map<String, List<InventorySpec.HostSpec>> declarations = new LinkedHashMap<>();
    if (!spec.hostsFromGroups()) {
      declarations = hostDeclarations();
      declared = NodeSet.of(declarations.keySet());
    }
    for (GroupKey key : groupSpecs.keySet()) {
      group(key);
    }
    if (spec.hostsFromGroups()) {
      declared = resolved.values().stream().reduce(EMPTY, NodeSet::union);
    }
    List<Group> groups = new ArrayList<>();
    groupSpecs.forEach(
        (key, g) ->
            groups.add(
                new Group(
                    key.source(),
                    key.name(),
                    resolved.getOrDefault(key, EMPTY),
                    g.members().stream().map(Located::text).toList(),
                    g.settings(),
                    g.vars())));
    List<Host> hosts = hosts(declarations);
    return new Inventory(
        spec.file(),
        spec.defaultSource(),
        hosts,
        groups,
        clusters(),
        waves(),
        spec.vars(),
        spec.defaults());
  }

  // ---- hosts

  private Map<String, List<InventorySpec.HostSpec>> hostDeclarations() {
    Map<String, List<InventorySpec.HostSpec>> byHost = new LinkedHashMap<>();
    for (InventorySpec.HostSpec host : spec.hosts()) {
      List<String> names;
      if (host.literal()) {
        names = List.of(host.key().text());
      } else {
        Optional<NodeSet> set = parse(host.key(), hostKeyResolver(host.key()));
        if (set.isEmpty()) {
          continue;
        }
        names = set.get().expand();
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
      for (String name : names) {
        byHost.computeIfAbsent(name, n -> new ArrayList<>()).add(host);
      }
    }
    return byHost;
  }

  private GroupResolver hostKeyResolver(Located key) {
    return new GroupResolver() {
      @Override
      public Optional<String> group(String source, String name) {
        throw new Unresolvable(
            "host keys name hosts, not groups: put `@"
                + name
                + "` hosts under `hosts` and the group under `groups`");
      }

      @Override
      public Optional<String> all(String source) {
        throw new Unresolvable("host keys name hosts; `@*` cannot declare hosts");
      }
    };
  }

  private List<Host> hosts(Map<String, List<InventorySpec.HostSpec>> declarations) {
    Map<GroupKey, Integer> depth = depths();
    List<GroupKey> order = new ArrayList<>(groupSpecs.keySet());
    Map<GroupKey, Integer> index = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i), i);
    }
    order.sort(
        Comparator.comparing((GroupKey k) -> depth.getOrDefault(k, 0)).thenComparing(index::get));
    List<Host> hosts = new ArrayList<>();
    for (String name : declared.expand()) {
      ConnectionSettings settings = spec.defaults();
      Map<String, Object> vars = new LinkedHashMap<>(spec.vars());
      for (GroupKey key : order) {
        if (resolved.getOrDefault(key, EMPTY).contains(name)) {
          InventorySpec.GroupSpec group = groupSpecs.get(key);
          settings = settings.overriddenBy(group.settings());
          vars.putAll(group.vars());
        }
      }
      for (InventorySpec.HostSpec host : declarations.getOrDefault(name, List.of())) {
        settings = settings.overriddenBy(host.settings());
        vars.putAll(host.vars());
      }
      hosts.add(new Host(name, withConfigPath(settings).resolve(name), vars));
    }
    return hosts;
  }

  /** Relative {@code ssh_config} paths are relative to the inventory's directory. */
  private ConnectionSettings withConfigPath(ConnectionSettings settings) {
    String config = settings.sshConfig();
    if (config == null || config.startsWith("~") || Path.of(config).isAbsolute()) {
      return settings;
    }
    return settings.overriddenBy(
        new ConnectionSettings(
            null, null, null, null, null, spec.directory().resolve(config).normalize().toString()));
  }

  /** How deeply each group is nested in others: 0 for a group no other group includes. */
  private Map<GroupKey, Integer> depths() {
    Map<GroupKey, Integer> depths = new HashMap<>();
    for (GroupKey key : groupSpecs.keySet()) {
      depth(key, depths, new HashSet<>());
    }
    return depths;
  }

  private int depth(GroupKey key, Map<GroupKey, Integer> depths, Set<GroupKey> path) {
    Integer known = depths.get(key);
    if (known != null) {
      return known;
    }
    if (!path.add(key)) {
      return 0; // a cycle, already reported
    }
    int depth = 0;
    for (GroupKey parent : parents.getOrDefault(key, Set.of())) {
      depth = Math.max(depth, depth(parent, depths, path) + 1);
    }
    path.remove(key);
    depths.put(key, depth);
    return depth;
  }

  // ---- groups

  private NodeSet group(GroupKey key) {
    NodeSet known = resolved.get(key);
    if (known != null) {
      return known;
    }
    InventorySpec.GroupSpec group = groupSpecs.get(key);
    resolving.push(key);
    NodeSet hosts = EMPTY;
    for (Located member : group.members()) {
      hosts = hosts.union(evaluate(member, key.source(), key, "group `" + key.name() + "`"));
    }
    resolving.pop();
    resolved.put(key, hosts);
    return hosts;
  }

  /**
   * Evaluates one node-set expression; {@code @group} without a source names a group of {@code
   * scope}. Reports what cannot be resolved and returns the empty set for it.
   */
  private NodeSet evaluate(Located expression, String scope, GroupKey within, String what) {
    GroupResolver resolver =
        new GroupResolver() {
          @Override
          public Optional<String> group(String source, String name) {
            GroupKey key = new GroupKey(source == null ? scope : source, name);
            if (!groupSpecs.containsKey(key)) {
              throw new Unresolvable(unknownGroup(key, scope));
            }
            if (within != null) {
              parents.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(within);
            }
            if (resolving.contains(key)) {
              throw new Unresolvable(cycle(key, scope));
            }
            return Optional.of(InventoryResolver.this.group(key).fold());
          }

          @Override
          public Optional<String> all(String source) {
            return Optional.of(allOf(source == null ? scope : source, scope).fold());
          }
        };
    Optional<NodeSet> hosts = parse(expression, resolver);
    if (hosts.isEmpty()) {
      return EMPTY;
    }
    if (!spec.hostsFromGroups()) {
      reportUndeclared(expression, hosts.get(), what);
      return hosts.get().intersection(declared);
    }
    return hosts.get();
  }

  private NodeSet allOf(String source, String scope) {
    if (!spec.hostsFromGroups() && source.equals(InventorySpec.HERD_SOURCE)) {
      return declared;
    }
    GroupKey all = new GroupKey(source, "all");
    if (groupSpecs.containsKey(all)) {
      if (resolving.contains(all)) {
        throw new Unresolvable(cycle(all, scope));
      }
      return group(all);
    }
    NodeSet union = EMPTY;
    boolean any = false;
    for (GroupKey key : groupSpecs.keySet()) {
      if (key.source().equals(source)) {
        any = true;
        if (resolving.contains(key)) {
          throw new Unresolvable(
              "`@" + source + ":*` includes every group of " + source + ", also this one");
        }
        union = union.union(group(key));
      }
    }
    if (!any) {
      throw new Unresolvable("unknown group source `" + source + "` in `@" + source + ":*`");
    }
    return union;
  }

  private Optional<NodeSet> parse(Located expression, GroupResolver resolver) {
    try {
      return Optional.of(NodeSet.parse(expression.text(), resolver));
    } catch (Unresolvable e) {
      report(expression, e);
    } catch (NodeSetException e) {
      if (e.getCause() instanceof Unresolvable u) {
        report(expression, u);
      } else {
        problems.add(
            expression.position(), "bad node set `" + expression.text() + "`: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  private void report(Located expression, Unresolvable e) {
    if (!e.getMessage().isEmpty()) {
      problems.add(expression.position(), e.getMessage());
    }
  }

  private String unknownGroup(GroupKey key, String scope) {
    List<String> known =
        groupSpecs.keySet().stream()
            .filter(k -> k.source().equals(key.source()))
            .map(k -> k.reference(scope))
            .toList();
    String reference = key.reference(scope);
    return "unknown group `" + reference + "`" + DidYouMean.hint(reference, known);
  }

  private String cycle(GroupKey key, String scope) {
    List<GroupKey> path = new ArrayList<>();
    for (GroupKey k : resolving) {
      path.add(0, k);
      if (k.equals(key)) {
        break;
      }
    }
    // Report each cycle once, where it closes; later evaluations see an empty group instead.
    if (!reportedCycles.add(new HashSet<>(path))) {
      return "";
    }
    path.add(key);
    return "groups include each other: "
        + path.stream().map(k -> k.reference(scope)).collect(Collectors.joining(" → "));
  }

  private void reportUndeclared(Located expression, NodeSet hosts, String what) {
    NodeSet missing = hosts.difference(declared);
    List<String> fresh =
        missing.expand().stream().filter(h -> !reportedUndeclared.contains(h)).toList();
    if (fresh.isEmpty()) {
      return;
    }
    reportedUndeclared.addAll(fresh);
    if (fresh.size() == 1) {
      problems.add(
          expression.position(),
          what
              + ": host `"
              + fresh.get(0)
              + "` is not declared under `hosts`"
              + DidYouMean.hint(fresh.get(0), declared.expand()));
    } else {
      problems.add(
          expression.position(),
          what + ": hosts `" + NodeSet.of(fresh).fold() + "` are not declared under `hosts`");
    }
  }

  // ---- clusters and waves

  private List<Cluster> clusters() {
    List<Cluster> clusters = new ArrayList<>();
    for (InventorySpec.ClusterSpec cluster : spec.clusters()) {
      String what = "cluster `" + cluster.name().text() + "`";
      NodeSet members = union(cluster.members(), what);
      if (members.size() == 0 && !cluster.members().isEmpty()) {
        problems.add(cluster.name().position(), what + " has no members");
      }
      List<String> order = order(cluster, members, what);
      clusters.add(
          new Cluster(
              cluster.name().text(),
              members,
              cluster.recipe() == null ? cluster.name().text() : cluster.recipe().text(),
              cluster.budget(),
              order,
              cluster.vars()));
    }
    return clusters;
  }

  private List<String> order(InventorySpec.ClusterSpec cluster, NodeSet members, String what) {
    if (cluster.order().isEmpty()) {
      return List.of();
    }
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Located entry : cluster.order()) {
      NodeSet hosts = evaluate(entry, spec.defaultSource(), null, "`order` of " + what);
      for (String host : hosts.expand()) {
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
    if (left.size() > 0) {
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

  private List<Wave> waves() {
    List<Wave> waves = new ArrayList<>();
    NodeSet earlier = EMPTY;
    for (InventorySpec.WaveSpec wave : spec.waves()) {
      String what = "wave `" + wave.name().text() + "`";
      NodeSet hosts = union(wave.nodes(), what).difference(earlier);
      if (hosts.size() == 0 && !wave.nodes().isEmpty()) {
        problems.add(
            wave.nodes().get(0).position(),
            what
                + " has no hosts"
                + (earlier.size() > 0 ? " that earlier waves do not already have" : ""));
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

  private NodeSet union(List<Located> expressions, String what) {
    NodeSet hosts = EMPTY;
    for (Located expression : expressions) {
      hosts = hosts.union(evaluate(expression, spec.defaultSource(), null, what));
    }
    return hosts;
  }
}
