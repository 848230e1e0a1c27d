package org.herd.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;

/**
 * How {@code herd nodeset} reads its node sets, as ClusterShell's {@code nodeset} reads them: the
 * arguments left to right (each line of an argument a node set), with {@code -x}, {@code -i} and
 * {@code -X} between them; the values of those options; standard input for {@code -}.
 */
final class NodesetOperands {
  private final CliContext context;
  private final GroupResolver groups;

  NodesetOperands(CliContext context, GroupResolver groups) {
    this.context = context;
    this.groups = groups;
  }

  /**
   * The arguments, left to right: node sets are unioned (each line of an argument a node set),
   * {@code -x}, {@code -i} and {@code -X} apply the next argument, {@code -} is standard input.
   * Consecutive node sets are unioned in one pass, however many there are.
   */
  NodeSet applyArguments(NodeSet nodes, List<String> arguments) throws IOException {
    List<String> unioned = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      BinaryOperator<NodeSet> operation =
          switch (argument) {
            case "-i", "--intersection" -> NodeSet::intersection;
            case "-x", "--exclude" -> NodeSet::difference;
            case "-X", "--xor" -> NodeSet::symmetricDifference;
            default -> null;
          };
      if (operation == null) {
        if (argument.equals("-")) {
          readInput(unioned);
        } else {
          unioned.addAll(splitLines(argument));
        }
        continue;
      }
      if (i + 1 == arguments.size()) {
        throw new UserError(argument + ": a node set must follow");
      }
      nodes = nodes.union(NodeSet.parseAll(unioned, groups));
      unioned.clear();
      nodes = apply(nodes, operation, arguments.get(++i), true);
    }
    return nodes.union(NodeSet.parseAll(unioned, groups));
  }

  /**
   * {@code nodes} combined with one operand: standard input for {@code -} (ignored when it holds
   * nothing, as ClusterShell ignores it), else the operand, each line a node set when {@code
   * byLine}.
   */
  NodeSet apply(NodeSet nodes, BinaryOperator<NodeSet> operation, String operand, boolean byLine)
      throws IOException {
    NodeSet other;
    if (operand.equals("-")) {
      other = input();
      if (other.isEmpty()) {
        return nodes;
      }
    } else if (byLine) {
      other = NodeSet.parseAll(splitLines(operand), groups);
    } else {
      other = NodeSet.parse(operand, groups);
    }
    return operation.apply(nodes, other);
  }

  /** Node sets on standard input: whitespace-separated, {@code #} starts a comment. */
  NodeSet input() throws IOException {
    List<String> all = new ArrayList<>();
    readInput(all);
    return NodeSet.parseAll(all, groups);
  }

  private void readInput(List<String> all) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      int i = 0;
      while (i < line.length()) {
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        if (i > start) {
          all.add(line.substring(start, i));
        }
      }
    }
  }

  /** Python's {@code str.splitlines()}, which {@code nodeset} applies to each argument. */
  private static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(c) >= 0) {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }
}
