package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.herd.engine.Sleeper;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryException;
import org.herd.inventory.InventoryRef;
import org.herd.inventory.Problem;
import org.herd.ops.ConnectSettings;
import org.herd.ops.InventoryCheck;
import org.herd.ops.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herd inventory check}: reads the inventory and reports every problem as {@code
 * FILE:LINE:COL: message} (exit 2), or a one-line summary.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check the inventory and print every mistake, or a summary.",
      "Mistakes are printed as FILE:LINE:COL: message, one per line, with exit code 2."
    })
final class InventoryCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the result as JSON (problems too).")
  boolean json;

  @Mixin RecipesOption recipes = new RecipesOption();

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    InventoryRef ref = CliInventory.locate(spec);
    Workspace workspace =
        new Workspace(
            new Workspace.Sources(
                Optional.of(ref),
                recipes.paths(context),
                context.workingDirectory(),
                context.env()),
            ConnectSettings.INVENTORY,
            kinds -> {
              throw new IllegalStateException("inventory check reaches no host");
            },
            context.clock(),
            Sleeper.SYSTEM);
    Inventory inventory;
    try {
      inventory = workspace.inventory().orElseThrow();
    } catch (InventoryException e) {
      if (!json) {
        throw e;
      }
      return refused(context, ref, problems(e));
    }
    List<String> runProblems = InventoryCheck.problems(workspace);
    if (!runProblems.isEmpty()) {
      if (json) {
        return refused(
            context,
            ref,
            runProblems.stream().map(line -> Map.<String, Object>of("message", line)).toList());
      }
      runProblems.forEach(line -> context.err().println("herd: " + line));
      context.err().flush();
      return ExitCode.USAGE.code();
    }
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file", ref.toString());
      result.put("ok", true);
      result.put("hosts", inventory.hosts().size());
      result.put("groups", inventory.groups().size());
      result.put("clusters", inventory.clusters().size());
      result.put("waves", inventory.waves().size());
      print(context, result);
    } else {
      context
          .out()
          .println(
              context.terminal().paint("32", "ok")
                  + ": "
                  + count(inventory.hosts().size(), "host")
                  + ", "
                  + count(inventory.groups().size(), "group")
                  + ", "
                  + count(inventory.clusters().size(), "cluster")
                  + ", "
                  + count(inventory.waves().size(), "wave")
                  + " ("
                  + ref
                  + ")");
    }
    return ExitCode.OK.code();
  }

  /** The inventory's own problems, each with its file, line and column. */
  private static List<Map<String, Object>> problems(InventoryException e) {
    return e.problems().stream()
        .map(
            (Problem p) -> {
              Map<String, Object> problem = new LinkedHashMap<>();
              problem.put("file", p.file());
              problem.put("line", p.line());
              problem.put("column", p.column());
              problem.put("message", p.message());
              return problem;
            })
        .toList();
  }

  private int refused(CliContext context, InventoryRef ref, List<Map<String, Object>> problems)
      throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("file", ref.toString());
    result.put("ok", false);
    result.put("problems", problems);
    print(context, result);
    return ExitCode.USAGE.code();
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static void print(CliContext context, Map<String, Object> value) throws Exception {
    context
        .out()
        .println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(value));
  }
}
