package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd nodeset}: folds, expands and counts node sets, printing exactly what ClusterShell's
 * {@code nodeset -f|-e|-c} prints for the same arguments. Several arguments are unioned; with no
 * argument (or {@code -}) node sets are read from standard input, whitespace-separated, with {@code
 * #} comments.
 */
@Command(
    name = "nodeset",
    mixinStandardHelpOptions = true,
    description = {
      "Fold, expand or count node sets, as ClusterShell's nodeset does.",
      "Arguments are unioned; operators inside an argument: ',' union, '!' difference,"
          + " '&' intersection, '^' symmetric difference, left to right.",
      "With no argument, or '-', node sets are read from standard input."
    })
final class NodesetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  static final class Action {
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
  }

  @Option(
      names = {"-S", "--separator"},
      paramLabel = "SEPARATOR",
      defaultValue = " ",
      description = "Separator of expanded names (default: a space; \\n and \\t are understood).")
  String separator;

  @Option(
      names = "--json",
      description = "Print {\"fold\": …, \"count\": …} (and \"nodes\" with -e) as JSON.")
  boolean json;

  @Parameters(paramLabel = "EXPR", arity = "0..*", description = "Node sets, such as 'n[1-3],db1'.")
  List<String> expressions = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    CliContext context = CliContext.of(spec);
    GroupResolver groups = CliInventory.groupsOrNone(spec);
    List<String> all = new ArrayList<>();
    if (expressions.isEmpty()) {
      readInput(context, all);
    }
    for (String expression : expressions) {
      if (expression.equals("-")) {
        readInput(context, all);
      } else {
        splitLines(expression, all);
      }
    }
    NodeSet nodes = NodeSet.parseAll(all, groups);
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("fold", nodes.fold());
      report.put("count", nodes.size());
      if (action.expand) {
        report.put("nodes", nodes.expand());
      }
      context.out().println(new ObjectMapper().writeValueAsString(report));
    } else if (action.fold) {
      context.out().println(nodes.fold());
    } else if (action.expand) {
      context.out().println(String.join(unescape(separator), nodes.expand()));
    } else {
      context.out().println(nodes.size());
    }
    return ExitCode.OK.code();
  }

  /** Python's {@code str.splitlines()}, which {@code nodeset} applies to each argument. */
  private static void splitLines(String text, List<String> out) {
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
  }

  /** Reads whitespace-separated node sets from standard input; {@code #} starts a comment. */
  private static void readInput(CliContext context, List<String> all) throws IOException {
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
