package org.herd.ops;

import java.util.function.Function;
import org.herd.inventory.DisruptionBudget;
import org.herd.recipe.RecipeCatalog;

/** The budgets the recipes declare: what a cluster gets when the inventory gives it none. */
public final class RecipeBudgets {

  private RecipeBudgets() {}

  /**
   * The budget each recipe in force declares, by recipe name; one member at a time for a name no
   * recipe has.
   */
  public static Function<String, DisruptionBudget> of(RecipeCatalog catalog) {
    return name ->
        catalog
            .find(name)
            .map(recipe -> DisruptionBudget.of(recipe.budget()))
            .orElse(DisruptionBudget.ONE);
  }
}
