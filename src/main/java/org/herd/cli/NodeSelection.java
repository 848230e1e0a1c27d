package org.herd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import picocli.CommandLine.Option;

/**
 * The node-selection options of clush, shared by {@code herd run} and {@code herd copy}: {@code -w
 * NODES}, {@code --hostfile FILE}, {@code -x NODES}, {@code -g GROUP}, {@code -X GROUP}, {@code
 * -a}, {@code -s SOURCE} and {@code --pick N}.
 */
final class NodeSelection {

  @Option(
      names = {"-w", "--nodes"},
      paramLabel = "NODES",
      description = "Hosts to run on, as a node set: 'web[01-20],db1', '@group'. Repeatable.")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = {"--hostfile", "--machinefile"},
      converter = PathConverter.Name.class,
      paramLabel = "FILE",
      description =
          "Hosts to run on, read from FILE: node sets separated by whitespace or newlines, as clush"
              + " reads it. Repeatable.")
  List<String> hostFiles = new ArrayList<>();

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

  @Option(
      names = {"-s", "--groupsource"},
      paramLabel = "SOURCE",
      description = "The group source of -g, -X, -a and @group (default: the inventory's).")
  String groupSource;

  @Option(
      names = "--pick",
      paramLabel = "N",
      description = "Run on N of the selected hosts, drawn at random.")
  Integer pick;

  /**
   * What a selection chose.
   *
   * @param nodes the hosts
   * @param origins what each option added or took away, in the order they apply
   * @param picked whether {@code --pick} left some hosts out
   */
  record Selection(NodeSet nodes, List<Origin> origins, boolean picked) {}

  /** The hosts one option named: {@code -w n[1-3]}, {@code --hostfile hosts}, {@code -X db}. */
  record Origin(String option, NodeSet nodes, boolean excluded) {}

  /** Whether the selection names a group, and so needs an inventory. */
  boolean needsGroups() {
    return all
        || !groups.isEmpty()
        || !excludedGroups.isEmpty()
        || nodes.stream().anyMatch(node -> node.contains("@"))
        || excluded.stream().anyMatch(node -> node.contains("@"));
  }

  /**
   * The selected hosts: the union of {@code -w}, {@code --hostfile}, {@code -g} and {@code -a},
   * minus {@code -x} and {@code -X}; then, with {@code --pick N}, N of them drawn with {@code
   * random}.
   *
   * @param workingDirectory where relative host files are
   * @throws UserError when nothing was selected, or a host file cannot be read
   */
  Selection select(GroupResolver resolver, Path workingDirectory, RandomGenerator random) {
    if (nodes.isEmpty() && hostFiles.isEmpty() && groups.isEmpty() && !all) {
      throw new UserError("no hosts: give -w NODES, --hostfile FILE, -g GROUP or -a");
    }
    if (pick != null && pick < 1) {
      throw new UserError("--pick: expected 1 or more, got " + pick);
    }
    GroupResolver groupsOf =
        groupSource == null ? resolver : resolver.withDefaultSource(groupSource);
    List<Origin> origins = new ArrayList<>();
    for (String expression : nodes) {
      origins.add(new Origin("-w " + expression, NodeSet.parse(expression, groupsOf), false));
    }
    for (String file : hostFiles) {
      NodeSet read = HostFile.read(workingDirectory.resolve(file), file, groupsOf);
      origins.add(new Origin("--hostfile " + file, read, false));
    }
    for (String group : groups) {
      origins.add(new Origin("-g " + group, NodeSet.parse("@" + group, groupsOf), false));
    }
    if (all) {
      origins.add(new Origin("-a", NodeSet.parse("@*", groupsOf), false));
    }
    for (String expression : excluded) {
      origins.add(new Origin("-x " + expression, NodeSet.parse(expression, groupsOf), true));
    }
    for (String group : excludedGroups) {
      origins.add(new Origin("-X " + group, NodeSet.parse("@" + group, groupsOf), true));
    }
    NodeSet result =
        NodeSet.union(origins.stream().filter(o -> !o.excluded()).map(Origin::nodes).toList());
    for (Origin origin : origins) {
      if (origin.excluded()) {
        result = result.difference(origin.nodes());
      }
    }
    if (result.isEmpty()) {
      throw new UserError("no hosts: the selection is empty after exclusions");
    }
    NodeSet chosen = pick == null ? result : result.pick(pick, random);
    return new Selection(chosen, origins, chosen.size() < result.size());
  }
}
