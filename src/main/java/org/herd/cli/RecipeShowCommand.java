package org.herd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.herd.recipe.Recipe;
import org.herd.recipe.RecipeCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herd recipe show NAME}: the recipe in force under that name, as its file says it. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print the recipe in force under NAME (its YAML), after a line saying where it comes from.",
      "Copy a built-in into /etc/herd/recipes.d/ to adapt it."
    })
final class RecipeShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RecipesOption recipes;

  @Parameters(paramLabel = "NAME", description = "The recipe's name (see herd recipe list).")
  String name;

  @Override
  public Integer call() throws IOException {
    CliContext context = CliContext.of(spec);
    RecipeCatalog catalog = recipes.load(context);
    Recipe recipe =
        catalog
            .find(name)
            .orElseThrow(
                () -> new UserError("recipe " + name + ": no such recipe (see herd recipe list)"));
    String text =
        recipe.builtin()
            ? RecipeCatalog.builtinText(recipe.name())
            : Files.readString(Path.of(recipe.origin()));
    context.out().println("# recipe " + recipe.name() + " from " + recipe.origin());
    context.out().print(text.endsWith("\n") ? text : text + "\n");
    return ExitCode.OK.code();
  }
}
