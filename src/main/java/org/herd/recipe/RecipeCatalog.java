package org.herd.recipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.herd.text.TextFile;

/**
 * Every recipe herd knows: the built-ins from its jar, then the users' from directories ({@code
 * /etc/herd/recipes.d/}, then {@code --recipes DIR}), a later recipe replacing an earlier one of
 * the same name. Loading reports the problems of every file at once.
 */
public final class RecipeCatalog {

  /** The built-in recipes, in the order {@code herd recipe list} shows them. */
  public static final List<String> BUILTINS = List.of("generic", "etcd", "galera", "rabbitmq");

  /** Where site recipes live. */
  public static final Path SITE_DIRECTORY = Path.of("/etc/herd/recipes.d");

  /**
   * One recipe and what it replaced.
   *
   * @param recipe the recipe in force
   * @param overrides the origin of the recipe of the same name it replaced, if any
   */
  public record Entry(Recipe recipe, Optional<String> overrides) {}

  private final Map<String, Entry> entries;

  private RecipeCatalog(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** Only the built-ins. */
  public static RecipeCatalog builtins() {
    return load(List.of());
  }

  /**
   * The built-ins, then the {@code *.yaml} files of each of {@code directories} (missing ones are
   * skipped), in order.
   *
   * @throws RecipeException with the problems of every file that has some
   */
  public static RecipeCatalog load(List<Path> directories) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<RecipeProblem> problems = new ArrayList<>();
    for (String name : BUILTINS) {
      Recipe recipe =
          RecipeParser.parse("builtin:" + name + ".yaml", builtinText(name), Recipe.BUILTIN);
      entries.put(recipe.name(), new Entry(recipe, Optional.empty()));
    }
    for (Path directory : directories) {
      for (Path file : files(directory)) {
        try {
          Recipe recipe = read(file);
          Entry previous = entries.get(recipe.name());
          entries.put(
              recipe.name(),
              new Entry(recipe, Optional.ofNullable(previous).map(e -> e.recipe().origin())));
        } catch (RecipeException e) {
          problems.addAll(e.problems());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RecipeException(problems);
    }
    return new RecipeCatalog(entries);
  }

  /**
   * Reads and validates one recipe file.
   *
   * @throws RecipeException with every problem in it
   */
  public static Recipe read(Path file) {
    return parse(file.toString(), text(file, file.toString()));
  }

  /** The largest recipe file herd reads (the built-in ones are a few KiB). */
  public static final long MAX_BYTES = 1L << 20;

  /**
   * The text of the recipe file {@code file}, named {@code name} in problems.
   *
   * @throws RecipeException when it cannot be read, or is larger than a recipe can be
   */
  public static String text(Path file, String name) {
    try {
      return TextFile.read(file, "recipe", MAX_BYTES);
    } catch (TextFile.Unreadable e) {
      throw new RecipeException(SourcePosition.of(name), e.getMessage());
    }
  }

  /**
   * Validates the recipe {@code text}, named {@code file} in problems.
   *
   * @throws RecipeException with every problem in it
   */
  public static Recipe parse(String file, String text) {
    return RecipeParser.parse(file, text, file);
  }

  /** The recipe named {@code name}, if any. */
  public Optional<Recipe> find(String name) {
    return Optional.ofNullable(entries.get(name)).map(Entry::recipe);
  }

  /** Every recipe in force: the built-ins first, then the users' in the order read. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The YAML text of built-in {@code name}. */
  public static String builtinText(String name) {
    String resource = name + ".yaml";
    try (InputStream in = RecipeCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in recipe missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
