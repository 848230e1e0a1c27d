package org.herd.inventory;

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
import org.herd.text.DidYouMean;

/**
 * The groups of an inventory being resolved, and the evaluation of every node-set expression of it:
 * groups are expanded on first use (depth first), references remembered to know how deeply each
 * group is nested, and unknown groups, cycles and undeclared hosts reported where the expression
 * was written. An expression that cannot be evaluated counts as the empty set, so resolution goes
 * on and finds the other problems.
 */
final class GroupGraph {

  /** A group: its source and name. */
  record Key(String source, String name) {
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

  private final InventorySpec spec;
  private final Problems problems;
  private final Map<Key, InventorySpec.GroupSpec> specs = new LinkedHashMap<>();
  private final Map<Key, NodeSet> resolved = new HashMap<>();
  private final Deque<Key> resolving = new ArrayDeque<>();
  private final Map<Key, Set<Key>> parents = new HashMap<>();
  private final Set<Set<Key>> reportedCycles = new HashSet<>();
  private final Set<String> reportedUndeclared = new HashSet<>();
  private NodeSet declared;

  /**
   * The groups of {@code spec}.
   *
   * @param declared the declared hosts, or empty when the hosts are the members of the groups
   */
  GroupGraph(InventorySpec spec, Optional<NodeSet> declared, Problems problems) {
    this.spec = spec;
    this.problems = problems;
    this.declared = declared.orElse(null);
    for (InventorySpec.GroupSpec group : spec.groups()) {
      Key key = new Key(group.source(), group.name().text());
      InventorySpec.GroupSpec first = specs.putIfAbsent(key, group);
      if (first != null && first != group) {
        problems.add(
            group.name().position(),
            "group `"
                + key.reference(spec.defaultSource()).substring(1)
                + "` is already declared at line "
                + first.name().position().line());
      }
    }
    for (Key key : specs.keySet()) {
      group(key);
    }
    if (this.declared == null) {
      this.declared = membersWithinLimit();
    }
  }

  /**
   * The members of every group, when they are the hosts (ClusterShell): a group that takes them
   * past {@link Inventory#MAX_HOSTS} is reported at its name and left empty, so nothing expands it.
   */
  private NodeSet membersWithinLimit() {
    NodeSet members = NodeSet.empty();
    for (Map.Entry<Key, InventorySpec.GroupSpec> group : specs.entrySet()) {
      NodeSet hosts = resolved.getOrDefault(group.getKey(), NodeSet.empty());
      NodeSet more = hosts.size() > Inventory.MAX_HOSTS ? hosts : members.union(hosts);
      if (more.size() > Inventory.MAX_HOSTS) {
        problems.add(
            group.getValue().name().position(),
            "group `"
                + group.getKey().name()
                + "` takes the inventory past "
                + Inventory.MAX_HOSTS
                + " hosts, the most herd reads");
        resolved.put(group.getKey(), NodeSet.empty());
      } else {
        members = more;
      }
    }
    return members;
  }

  /** Every host: the declared ones, or the members of all groups. */
  NodeSet hosts() {
    return declared;
  }

  /** Every group, resolved, in declaration order. */
  List<Group> groups() {
    List<Group> groups = new ArrayList<>();
    specs.forEach(
        (key, g) ->
            groups.add(
                new Group(
                    key.source(),
                    key.name(),
                    resolved.getOrDefault(key, NodeSet.empty()),
                    g.members().stream().map(Located::text).toList(),
                    g.settings(),
                    g.vars())));
    return groups;
  }

  /**
   * The groups in the order their settings apply: outermost first (a group that no other group
   * includes has depth 0), in file order among groups equally deep.
   */
  List<InventorySpec.GroupSpec> inSettingsOrder() {
    Map<Key, Integer> depths = new HashMap<>();
    List<Key> keys = new ArrayList<>(specs.keySet());
    for (Key key : keys) {
      depth(key, depths, new HashSet<>());
    }
    Map<Key, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
    }
    keys.sort(Comparator.comparing((Key k) -> depths.get(k)).thenComparing(index::get));
    return keys.stream().map(specs::get).toList();
  }

  /** The hosts of a resolved group. */
  NodeSet hostsOf(InventorySpec.GroupSpec group) {
    return resolved.getOrDefault(new Key(group.source(), group.name().text()), NodeSet.empty());
  }

  private int depth(Key key, Map<Key, Integer> depths, Set<Key> path) {
    Integer known = depths.get(key);
    if (known != null) {
      return known;
    }
    if (!path.add(key)) {
      return 0; // a cycle, already reported
    }
    int depth = 0;
    for (Key parent : parents.getOrDefault(key, Set.of())) {
      depth = Math.max(depth, depth(parent, depths, path) + 1);
    }
    path.remove(key);
    depths.put(key, depth);
    return depth;
  }

  private NodeSet group(Key key) {
    NodeSet known = resolved.get(key);
    if (known != null) {
      return known;
    }
    resolving.push(key);
    List<NodeSet> members = new ArrayList<>();
    for (Located member : specs.get(key).members()) {
      members.add(evaluate(member, key.source(), key, "group `" + key.name() + "`"));
    }
    resolving.pop();
    NodeSet hosts = NodeSet.union(members);
    resolved.put(key, hosts);
    return hosts;
  }

  /** Evaluates an expression of a cluster or a wave: groups of the default source. */
  NodeSet evaluate(Located expression, String what) {
    return evaluate(expression, spec.defaultSource(), null, what);
  }

  /**
   * Evaluates one node-set expression; {@code @group} without a source names a group of {@code
   * scope}. Reports what cannot be resolved and returns the empty set for it.
   */
  private NodeSet evaluate(Located expression, String scope, Key within, String what) {
    GroupResolver resolver =
        new GroupResolver() {
          @Override
          public Optional<String> group(String source, String name) {
            Key key = new Key(source == null ? scope : source, name);
            if (!specs.containsKey(key)) {
              throw new Unresolvable(unknownGroup(key, scope));
            }
            if (within != null) {
              parents.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(within);
            }
            if (resolving.contains(key)) {
              throw new Unresolvable(cycle(key, scope));
            }
            return Optional.of(GroupGraph.this.group(key).fold());
          }

          @Override
          public Optional<String> all(String source) {
            return Optional.of(allOf(source == null ? scope : source, scope).fold());
          }
        };
    Optional<NodeSet> hosts = parse(expression, resolver, problems);
    if (hosts.isEmpty()) {
      return NodeSet.empty();
    }
    if (spec.hostsFromGroups()) {
      return hosts.get();
    }
    reportUndeclared(expression, hosts.get(), what);
    return hosts.get().intersection(declared);
  }

  /** {@code @source:*}: every host of a herd inventory, or ClusterShell's rules for a source. */
  private NodeSet allOf(String source, String scope) {
    if (!spec.hostsFromGroups() && source.equals(InventorySpec.HERD_SOURCE)) {
      return declared;
    }
    Key all = new Key(source, "all");
    if (specs.containsKey(all)) {
      if (resolving.contains(all)) {
        throw new Unresolvable(cycle(all, scope));
      }
      return group(all);
    }
    List<NodeSet> groups = new ArrayList<>();
    for (Key key : specs.keySet()) {
      if (key.source().equals(source)) {
        if (resolving.contains(key)) {
          throw new Unresolvable(
              "`@" + source + ":*` includes every group of " + source + ", also this one");
        }
        groups.add(group(key));
      }
    }
    if (groups.isEmpty()) {
      throw new Unresolvable("unknown group source `" + source + "` in `@" + source + ":*`");
    }
    return NodeSet.union(groups);
  }

  /** Parses an expression, reporting why it cannot be. */
  static Optional<NodeSet> parse(Located expression, GroupResolver resolver, Problems problems) {
    try {
      return Optional.of(NodeSet.parse(expression.text(), resolver));
    } catch (Unresolvable e) {
      report(expression, e, problems);
    } catch (NodeSetException e) {
      if (e.getCause() instanceof Unresolvable u) {
        report(expression, u, problems);
      } else {
        problems.add(
            expression.position(), "bad node set `" + expression.text() + "`: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** A resolver that refuses every group, for host keys, with {@code message}. */
  static GroupResolver refusing(String message) {
    return new GroupResolver() {
      @Override
      public Optional<String> group(String source, String name) {
        throw new Unresolvable(message.replace("{}", "@" + name));
      }

      @Override
      public Optional<String> all(String source) {
        throw new Unresolvable(message.replace("{}", "@*"));
      }
    };
  }

  private static void report(Located expression, Unresolvable e, Problems problems) {
    if (!e.getMessage().isEmpty()) {
      problems.add(expression.position(), e.getMessage());
    }
  }

  private String unknownGroup(Key key, String scope) {
    List<String> known =
        specs.keySet().stream()
            .filter(k -> k.source().equals(key.source()))
            .map(k -> k.reference(scope))
            .toList();
    String reference = key.reference(scope);
    return "unknown group `" + reference + "`" + DidYouMean.hint(reference, known);
  }

  private String cycle(Key key, String scope) {
    List<Key> path = new ArrayList<>();
    for (Key k : resolving) {
      path.add(0, k);
      if (k.equals(key)) {
        break;
      }
    }
    // Report each cycle once, where it closes; the other references see a partial group.
    if (!reportedCycles.add(new HashSet<>(path))) {
      return "";
    }
    path.add(key);
    return "groups include each other: "
        + path.stream().map(k -> k.reference(scope)).collect(Collectors.joining(" -> "));
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
              + typoHint(fresh.get(0)));
    } else {
      problems.add(
          expression.position(),
          what + ": hosts `" + NodeSet.of(fresh).fold() + "` are not declared under `hosts`");
    }
  }

  /**
   * A suggestion for a mistyped host name; none when the closest name differs only in its numbers
   * ({@code ctl4} is not a typo of {@code ctl1}, but a host nobody declared).
   */
  private String typoHint(String host) {
    Optional<String> closest = DidYouMean.closest(host, declared.expand());
    if (closest.isEmpty()
        || closest.get().replaceAll("[0-9]+", "#").equals(host.replaceAll("[0-9]+", "#"))) {
      return "";
    }
    return "; did you mean `" + closest.get() + "`?";
  }
}
