package org.herd.cli;

import java.util.concurrent.Callable;
import org.herd.recipe.RecipeCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code herd recipe list}: every recipe in force, where it comes from, what it replaced. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the recipes in force: the built-ins, /etc/herd/recipes.d/ and --recipes DIR.",
      "A user recipe with a built-in's name replaces it; the list says so."
    })
final class RecipeListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RecipesOption recipes;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    RecipeCatalog catalog = recipes.load(context);
    TextTable table = new TextTable("NAME", "BUDGET", "FROM", "DESCRIPTION");
    for (RecipeCatalog.Entry entry : catalog.entries()) {
      String from =
          entry.recipe().origin()
              + entry.overrides().map(o -> " (replaces the " + o + " one)").orElse("");
      table.row(
          entry.recipe().name(),
          entry.recipe().budget().toString(),
          from,
          entry.recipe().description());
    }
    context.out().print(table.render(context.terminal()));
    return ExitCode.OK.code();
  }
}
