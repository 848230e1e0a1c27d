package org.herd.recipe;

import java.util.Comparator;

/** One mistake in a recipe, shown as {@code FILE:LINE:COL: message}. */
public record RecipeProblem(SourcePosition position, String message) {

  /** Orders problems as they appear in their files. */
  public static final Comparator<RecipeProblem> IN_FILE_ORDER =
      Comparator.comparing((RecipeProblem p) -> p.position().file())
          .thenComparingInt(p -> p.position().line())
          .thenComparingInt(p -> p.position().column());

  @Override
  public String toString() {
    return position + ": " + message;
  }
}
