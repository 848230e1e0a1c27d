package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.herd.inventory.Inventory;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeGroups;
import org.herd.nodeset.NodeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd nodeset}: folds, expands, counts, regroups and lists node sets, printing exactly what
 * ClusterShell's {@code nodeset} prints for the same arguments. Arguments are unioned, and {@code
 * -x}, {@code -i} and {@code -X} between them apply to what came before; with no argument (or
 * {@code -}) node sets are read from standard input. See {@code docs/nodeset.md}.
 */
@Command(
    name = "nodeset",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFirst.class,
    description = {
      "Fold, expand, count, regroup or list node sets, as ClusterShell's nodeset does.",
      "Arguments are unioned; '-x NODES', '-i NODES' and '-X NODES' between them exclude,"
          + " intersect and xor, left to right: 'herd nodeset -f n[1-9] -x n5'. Options come"
          + " before the first argument.",
      "With no argument, or '-', node sets are read from standard input."
    })
final class NodesetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--fold"},
      description = "Print the folded node set: n[1-5].")
  boolean fold;

  @Option(
      names = {"-e", "--expand"},
      description = "Print every node name, separated by the separator.")
  boolean expand;

  @Option(
      names = {"-c", "--count"},
      description = "Print the number of nodes.")
  boolean count;

  @Option(
      names = {"-l", "--list"},
      description =
          "List the groups (of the node sets, if any are given); -ll with their nodes, -lll with"
              + " counts.")
  boolean[] list = new boolean[0];

  @Option(
      names = {"-r", "--regroup"},
      description = "Print the node set folded with the inventory's groups: @web,db1.")
  boolean regroup;

  @Option(
      names = {"-x", "--exclude"},
      paramLabel = "NODES",
      description = "Leave out these nodes (between arguments: from what came before).")
  List<String> excluded = new ArrayList<>();

  @Option(
      names = {"-i", "--intersection"},
      paramLabel = "NODES",
      description = "Keep only these nodes (between arguments: of what came before).")
  List<String> intersected = new ArrayList<>();

  @Option(
      names = {"-X", "--xor"},
      paramLabel = "NODES",
      description = "Keep the nodes in exactly one of these and what came before.")
  List<String> xored = new ArrayList<>();

  @Option(
      names = {"-a", "--all"},
      description = "Start from every host of the inventory (of the group source of -s).")
  boolean all;

  @Option(
      names = {"-s", "--groupsource"},
      paramLabel = "SOURCE",
      description = "The group source of @group, -a, -l and -r (default: the inventory's).")
  String groupSource;

  @Option(
      names = {"-G", "--groupbase"},
      description = "Print groups as @group, without their source.")
  boolean groupBase;

  @Option(
      names = "--autostep",
      paramLabel = "N|P%|auto",
      description =
          "Fold equally spaced indexes as a-b/step when there are at least N of them (P%% of the"
              + " nodes; auto: all of them).")
  String autostep;

  @Option(
      names = {"-S", "--separator"},
      paramLabel = "SEPARATOR",
      defaultValue = " ",
      description = "Separator of expanded names (default: a space; \\n and \\t are understood).")
  String separator;

  @Option(
      names = {"-O", "--output-format"},
      paramLabel = "FORMAT",
      description = "Print each result (each name with -e) in FORMAT, where %%s is the result.")
  String outputFormat;

  @Option(
      names = {"-I", "--slice"},
      paramLabel = "RANGESET",
      description = "Keep the nodes at these positions, counted from 0: 0-2,5.")
  String slice;

  @Option(
      names = "--split",
      paramLabel = "N",
      description = "Print the result as N subsets of (nearly) equal size, one per line.")
  Integer split;

  @Option(
      names = "--contiguous",
      description = "Print the result as its contiguous subsets, one per line.")
  boolean contiguous;

  @Option(names = "--pick", paramLabel = "N", description = "Keep N nodes at random.")
  Integer pick;

  @Option(
      names = "--json",
      description = "Print {\"fold\": …, \"count\": …} (and \"nodes\" with -e) as JSON.")
  boolean json;

  @Parameters(
      paramLabel = "EXPR",
      arity = "0..*",
      description = "Node sets, such as 'n[1-3],db1', and -x|-i|-X NODES between them.")
  List<String> arguments = new ArrayList<>();

  private Optional<Inventory> inventory;

  private enum Action {
    FOLD,
    EXPAND,
    COUNT,
    LIST,
    REGROUP
  }

  @Override
  public Integer call() throws IOException {
    CliContext context = CliContext.of(spec);
    Action action = action();
    Autostep steps = autostep == null ? Autostep.NONE : Autostep.parse(autostep);
    OutputFormat format =
        outputFormat == null ? OutputFormat.PLAIN : new OutputFormat(outputFormat);
    check(action);
    GroupResolver groups = CliInventory.groupsOrNone(this::inventory);
    if (groupSource != null) {
      groups = groups.withDefaultSource(groupSource);
    }
    NodesetOperands operands = new NodesetOperands(context, groups);

    NodeSet nodes = all ? NodeSet.parse("@*", groups) : NodeSet.empty();
    if (arguments.isEmpty() && !all && action != Action.LIST) {
      nodes = nodes.union(operands.input());
    }
    boolean operations = !intersected.isEmpty() || !excluded.isEmpty() || !xored.isEmpty();
    if (nodes.isEmpty() && operations) {
      context.err().println("herd: nodeset: warning: empty left operand for -i, -x or -X");
    }
    // ClusterShell applies the operations given before the first argument in this order.
    for (String operand : intersected) {
      nodes = operands.apply(nodes, NodeSet::intersection, operand, false);
    }
    for (String operand : excluded) {
      nodes = operands.apply(nodes, NodeSet::difference, operand, false);
    }
    for (String operand : xored) {
      nodes = operands.apply(nodes, NodeSet::symmetricDifference, operand, false);
    }
    nodes = operands.applyArguments(nodes, arguments);

    PrintWriter out = context.out();
    if (action == Action.LIST) {
      list(out, nodes, all || !nodes.isEmpty() || operations, steps.whileComputing());
      return ExitCode.OK.code();
    }
    if (slice != null) {
      nodes = nodes.slice(slice);
    }
    int threshold = steps.threshold(nodes.size());
    if (pick != null) {
      nodes = nodes.pick(pick, new Random());
    }
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("fold", nodes.fold(threshold));
      report.put("count", nodes.size());
      if (action == Action.EXPAND) {
        report.put("nodes", nodes.expand());
      }
      out.println(new ObjectMapper().writeValueAsString(report));
      return ExitCode.OK.code();
    }
    NodeGroups regrouping = action == Action.REGROUP ? groupsOfSource(false) : null;
    if (nodes.isEmpty() || (split == null || split <= 1) && !contiguous) {
      out.println(render(action, nodes, threshold, format, regrouping));
    } else if (contiguous) {
      for (NodeSet piece : nodes.contiguous(threshold)) {
        // ClusterShell's contiguous pieces are new sets, without the autostep.
        out.println(render(action, piece, NodeSet.NO_AUTOSTEP, format, regrouping));
      }
    } else {
      for (NodeSet part : nodes.split(split)) {
        out.println(render(action, part, threshold, format, regrouping));
      }
    }
    return ExitCode.OK.code();
  }

  private Action action() {
    List<Action> actions = new ArrayList<>();
    if (fold) {
      actions.add(Action.FOLD);
    }
    if (expand) {
      actions.add(Action.EXPAND);
    }
    if (count) {
      actions.add(Action.COUNT);
    }
    if (list.length > 0) {
      actions.add(Action.LIST);
    }
    if (regroup) {
      actions.add(Action.REGROUP);
    }
    if (actions.size() != 1) {
      throw new UserError(
          "nodeset: give one of -f, -e, -c, -l or -r"
              + (actions.isEmpty() ? "" : ", not " + actions.size()));
    }
    return actions.get(0);
  }

  private void check(Action action) {
    if (split != null && contiguous) {
      throw new UserError("--split: cannot be combined with --contiguous");
    }
    if (pick != null && pick < 1) {
      throw new UserError("--pick: expected 1 or more, got " + pick);
    }
    if (json
        && (action == Action.LIST
            || action == Action.REGROUP
            || split != null
            || contiguous
            || outputFormat != null)) {
      throw new UserError("--json: cannot be combined with -l, -r, -O, --split or --contiguous");
    }
  }

  /** One result line: the set folded, expanded, counted or regrouped, in the output format. */
  private String render(
      Action action, NodeSet nodes, int autostep, OutputFormat format, NodeGroups regrouping) {
    return switch (action) {
      case EXPAND -> {
        List<String> names = new ArrayList<>();
        for (String name : nodes.expand()) {
          names.add(format.apply(name));
        }
        yield String.join(unescape(separator), names);
      }
      case FOLD -> {
        if (format.plain()) {
          yield nodes.fold(autostep);
        }
        // As ClusterShell: the names in the format, folded again.
        yield NodeSet.of(nodes.expand().stream().map(format::apply).toList()).fold(autostep);
      }
      case REGROUP -> format.apply(regrouping.regroup(nodes, autostep));
      case COUNT -> format.apply(String.valueOf(nodes.size()));
      case LIST -> throw new IllegalStateException("-l is printed by list()");
    };
  }

  /**
   * {@code -l}: the groups of the source, or, when node sets were given, the groups they meet with
   * the nodes in common; {@code -ll} adds the nodes, {@code -lll} the counts.
   */
  private void list(PrintWriter out, NodeSet nodes, boolean given, int autostep) {
    NodeGroups groups = groupsOfSource(true);
    int level = list.length;
    if (given) {
      for (NodeGroups.Met group : groups.meeting(nodes)) {
        String common = group.common().fold(autostep);
        out.println(
            switch (level) {
              case 1 -> group.reference();
              case 2 -> group.reference() + " " + common;
              default ->
                  group.reference()
                      + " "
                      + common
                      + " "
                      + group.common().size()
                      + "/"
                      + group.hosts().size();
            });
      }
      return;
    }
    for (NodeGroups.Listed group : groups.all()) {
      out.println(
          switch (level) {
            case 1 -> group.reference();
            case 2 -> group.reference() + " " + group.hosts().fold();
            default -> group.reference() + " " + group.hosts().fold() + " " + group.hosts().size();
          });
    }
  }

  /**
   * The groups of {@code -s} (or the default source); none without an inventory unless required.
   */
  private NodeGroups groupsOfSource(boolean required) {
    Optional<Inventory> found = inventory();
    if (found.isPresent()) {
      return CliInventory.sourceGroups(found.get(), groupSource, groupBase);
    }
    if (required) {
      CliInventory.load(spec); // fails, saying where no inventory was found
    }
    return NodeGroups.NONE;
  }

  /** The inventory, read once and only when needed. */
  private Optional<Inventory> inventory() {
    if (inventory == null) {
      inventory = CliInventory.loadIfFound(spec);
    }
    return inventory;
  }

  /** The separator with {@code \n}, {@code \t} and {@code \\} turned into what they name. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case '\\' -> out.append('\\');
          default -> out.append('\\').append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
