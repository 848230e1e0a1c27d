package org.herd.recipe;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A recipe that cannot be used, with every problem found in it, so that its author fixes them all
 * in one go. Also thrown when a recipe is asked for by a name no recipe has.
 */
public final class RecipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<RecipeProblem> problems;

  /** Creates the exception; {@code problems} must not be empty. */
  public RecipeException(List<RecipeProblem> problems) {
    super(problems.stream().map(RecipeProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a recipe exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public RecipeException(SourcePosition position, String message) {
    this(List.of(new RecipeProblem(position, message)));
  }

  /** Every problem, in file order. */
  public List<RecipeProblem> problems() {
    return problems;
  }
}
