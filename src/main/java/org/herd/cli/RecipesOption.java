package org.herd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.herd.recipe.RecipeCatalog;
import picocli.CommandLine.Option;

/**
 * The {@code --recipes DIR} option of every command that uses recipes: the built-ins, then {@code
 * /etc/herd/recipes.d/}, then each {@code --recipes} directory, a later recipe replacing an earlier
 * one of the same name.
 */
final class RecipesOption {

  @Option(
      names = "--recipes",
      converter = PathConverter.Name.class,
      paramLabel = "DIR",
      description =
          "A directory of recipe files (*.yaml), read after the built-ins and"
              + " /etc/herd/recipes.d/; repeatable. A recipe replaces the one of the same name.")
  List<String> directories = new ArrayList<>();

  /** The directories read, in order. */
  List<Path> paths(CliContext context) {
    List<Path> paths = new ArrayList<>(List.of(RecipeCatalog.SITE_DIRECTORY));
    for (String directory : directories) {
      Path path = context.resolve(directory);
      if (!java.nio.file.Files.isDirectory(path)) {
        throw new UserError("--recipes " + directory + ": no such directory");
      }
      paths.add(path);
    }
    return paths;
  }

  /** Every recipe in force. */
  RecipeCatalog load(CliContext context) {
    return RecipeCatalog.load(paths(context));
  }
}
