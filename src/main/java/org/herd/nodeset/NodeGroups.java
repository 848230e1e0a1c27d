package org.herd.nodeset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of one group source, for what ClusterShell does with all of a source's groups at once:
 * list them ({@code nodeset -l}), find the groups a node set meets ({@code nodeset -l NODES}), and
 * fold a node set using them ({@code nodeset -r}, {@code clush -r}).
 *
 * <p>Groups are printed as {@code @name}, or {@code @source:name} when ClusterShell would say the
 * source (it was named with {@code -s}, without {@code -G}): the caller gives that prefix.
 */
public final class NodeGroups {

  /** A group as listed: its reference ({@code @name}) and its hosts. */
  public record Listed(String reference, NodeSet hosts) {}

  /** A group that a node set meets: its reference, its hosts, and the hosts in common. */
  public record Met(String reference, NodeSet hosts, NodeSet common) {}

  /** No groups: nothing to list, and {@link #regroup} folds. */
  public static final NodeGroups NONE = new NodeGroups("@", Map.of());

  private final String prefix;
  private final Map<String, NodeSet> groups;

  /**
   * The groups of one source.
   *
   * @param prefix what precedes a group's name when printed: {@code @} or {@code @source:}
   * @param groups the hosts of each group, by name
   * @throws IllegalArgumentException if {@code prefix} does not start with {@code @}
   */
  public NodeGroups(String prefix, Map<String, NodeSet> groups) {
    if (!prefix.startsWith("@")) {
      throw new IllegalArgumentException("a group prefix starts with @: " + prefix);
    }
    this.prefix = prefix;
    this.groups = new LinkedHashMap<>(groups);
  }

  /**
   * Every group, in ClusterShell's order of group names: as host names ({@code rack2} before {@code
   * rack10}), names it cannot read as host names by their text.
   */
  public List<Listed> all() {
    List<Listed> listed = new ArrayList<>();
    for (String name : names()) {
      listed.add(new Listed(prefix + name, groups.get(name)));
    }
    return listed;
  }

  private List<String> names() {
    try {
      return NodeSet.of(groups.keySet()).expand();
    } catch (NodeSetException notHostLike) {
      return groups.keySet().stream().sorted().toList();
    }
  }

  /** The groups that share a host with {@code nodes}, ordered by reference as text. */
  public List<Met> meeting(NodeSet nodes) {
    List<Met> met = new ArrayList<>();
    for (Map.Entry<String, NodeSet> group : groups.entrySet()) {
      NodeSet common = nodes.intersection(group.getValue());
      if (!common.isEmpty()) {
        met.add(new Met(prefix + group.getKey(), group.getValue(), common));
      }
    }
    met.sort(Comparator.comparing(Met::reference));
    return met;
  }

  /**
   * {@code nodes} folded using the groups, as ClusterShell's {@code NodeSet.regroup}: the groups
   * whose hosts are all in {@code nodes}, largest first (then by name), each taken when none of its
   * hosts is taken yet; then the hosts left, folded. {@code @compute,@gpu,n[9-10]}.
   *
   * @param autostep as for {@link NodeSet#fold(int)}, for the hosts left
   */
  public String regroup(NodeSet nodes, int autostep) {
    List<Map.Entry<String, NodeSet>> whole = new ArrayList<>();
    for (Map.Entry<String, NodeSet> group : groups.entrySet()) {
      NodeSet hosts = group.getValue();
      if (!hosts.isEmpty() && hosts.difference(nodes).isEmpty()) {
        whole.add(group);
      }
    }
    whole.sort(
        Comparator.comparingInt((Map.Entry<String, NodeSet> group) -> -group.getValue().size())
            .thenComparing(group -> group.getKey()));
    NodeSet rest = nodes;
    List<String> taken = new ArrayList<>();
    for (Map.Entry<String, NodeSet> group : whole) {
      if (group.getValue().difference(rest).isEmpty()) {
        taken.add(group.getKey());
        rest = rest.difference(group.getValue());
      }
    }
    if (taken.isEmpty()) {
      return nodes.fold(autostep);
    }
    String references = references(taken);
    return rest.isEmpty() ? references : references + "," + rest.fold(autostep);
  }

  /**
   * The references of groups folded as ClusterShell folds them, as if they were host names:
   * {@code @rack[1-2]} for {@code @rack1} and {@code @rack2}.
   */
  private String references(List<String> names) {
    String source = prefix.substring(1);
    NodeSet asHosts;
    try {
      asHosts = NodeSet.of(names.stream().map(name -> source + name).toList());
    } catch (NodeSetException notHostLike) {
      return String.join(",", names.stream().sorted().map(name -> prefix + name).toList());
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<Pattern, IndexSet> entry : asHosts.entries().entrySet()) {
      entry
          .getValue()
          .fold(
              entry.getKey(),
              NodeSet.NO_AUTOSTEP,
              part -> out.append(out.length() > 0 ? ",@" : "@").append(part));
    }
    return out.toString();
  }
}
