package org.herd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code herd recipe}: list, show and check recipes. */
@Command(
    name = "recipe",
    mixinStandardHelpOptions = true,
    description = {
      "List, show and check recipes: what herd knows about a kind of cluster.",
      "See docs/recipes.md for the format."
    },
    subcommands = {RecipeListCommand.class, RecipeShowCommand.class, RecipeCheckCommand.class})
final class RecipeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(CliContext.of(spec).out());
    return ExitCode.OK.code();
  }
}
