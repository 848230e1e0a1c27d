package org.herd.cli;

import java.util.ArrayList;
import java.util.List;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import picocli.CommandLine.Option;

/**
 * The node-selection options of clush, shared by {@code herd run} and {@code herd copy}: {@code -w
 * NODES}, {@code -x NODES}, {@code -g GROUP}, {@code -X GROUP}, {@code -a}.
 */
final class NodeSelection {

  @Option(
      names = {"-w", "--nodes"},
      paramLabel = "NODES",
      description = "Hosts to run on, as a node set: 'web[01-20],db1', '@group'. Repeatable.")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = {"-x", "--exclude"},
      paramLabel = "NODES",
      description = "Hosts to leave out, as a node set. Repeatable.")
  List<String> excluded = new ArrayList<>();

  @Option(
      names = {"-g", "--group"},
      paramLabel = "GROUP",
      description = "Run on the hosts of an inventory group ('source:group' for another source).")
  List<String> groups = new ArrayList<>();

  @Option(
      names = {"-X", "--exclude-group"},
      paramLabel = "GROUP",
      description = "Leave out the hosts of an inventory group.")
  List<String> excludedGroups = new ArrayList<>();

  @Option(
      names = {"-a", "--all"},
      description = "Run on every host of the inventory.")
  boolean all;

  /** Whether the selection names a group, and so needs an inventory. */
  boolean needsGroups() {
    return all
        || !groups.isEmpty()
        || !excludedGroups.isEmpty()
        || nodes.stream().anyMatch(node -> node.contains("@"))
        || excluded.stream().anyMatch(node -> node.contains("@"));
  }

  /**
   * The selected hosts: the union of {@code -w}, {@code -g} and {@code -a}, minus {@code -x} and
   * {@code -X}.
   *
   * @throws UserError when nothing was selected
   */
  NodeSet select(GroupResolver resolver) {
    if (nodes.isEmpty() && groups.isEmpty() && !all) {
      throw new UserError("no hosts: give -w NODES, -g GROUP or -a");
    }
    List<NodeSet> selected = new ArrayList<>();
    for (String expression : nodes) {
      selected.add(NodeSet.parse(expression, resolver));
    }
    for (String group : groups) {
      selected.add(NodeSet.parse("@" + group, resolver));
    }
    if (all) {
      selected.add(NodeSet.parse("@*", resolver));
    }
    NodeSet result = NodeSet.union(selected);
    for (String expression : excluded) {
      result = result.difference(NodeSet.parse(expression, resolver));
    }
    for (String group : excludedGroups) {
      result = result.difference(NodeSet.parse("@" + group, resolver));
    }
    if (result.isEmpty()) {
      throw new UserError("no hosts: the selection is empty after exclusions");
    }
    return result;
  }
}
