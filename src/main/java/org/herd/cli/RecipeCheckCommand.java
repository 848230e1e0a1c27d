package org.herd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.herd.recipe.Recipe;
import org.herd.recipe.RecipeCatalog;
import org.herd.recipe.RecipeException;
import org.herd.recipe.RecipeProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd recipe check FILE…}: validates recipe files; prints {@code ok: FILE: recipe NAME} for
 * each good one and every problem of the others as {@code FILE:LINE:COL: message} (exit 2).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check recipe files: every mistake as FILE:LINE:COL: message, or ok for each file.",
      "Exit status: 0 all good, 2 a mistake."
    })
final class RecipeCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      converter = PathConverter.Name.class,
      arity = "1..*",
      description = "Recipe files to check.")
  List<String> files;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    List<RecipeProblem> problems = new ArrayList<>();
    for (String file : files) {
      Path path = context.resolve(file);
      try {
        Recipe recipe = RecipeCatalog.parse(file, readable(path, file));
        context.out().println("ok: " + file + ": recipe " + recipe.name());
      } catch (RecipeException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new RecipeException(problems);
    }
    return ExitCode.OK.code();
  }

  private static String readable(Path path, String file) {
    return RecipeCatalog.text(path, file);
  }
}
