package org.herd.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.herd.debian.PackageName;
import org.herd.engine.AheadInstalls;
import org.herd.engine.ClusterBinding;
import org.herd.engine.ClusterBindings;
import org.herd.engine.ClusterPolicy;
import org.herd.engine.RecipeChecks;
import org.herd.engine.RecipePolicy;
import org.herd.engine.RecipeStepActions;
import org.herd.engine.StepActions;
import org.herd.recipe.Recipe;

/**
 * The recipes of a run's clusters: the one place that chooses who answers the scheduler's health
 * gates, ok-to-stop checks and member orders, and which recipe steps (drain, member health,
 * undrain) wrap the apt steps. A run without an inventory, or whose hosts are in no cluster, has
 * none: every gate passes and the apt steps run alone.
 *
 * @param clusters the clusters that have a member in the run, with their recipes, by name
 * @param finalizeAsked whether the operator asked for the clusters' one-way finalize steps
 */
record RunRecipes(Map<String, ClusterBinding> clusters, boolean finalizeAsked) {

  RunRecipes {
    clusters = Map.copyOf(clusters);
  }

  /**
   * The clusters of the workspace's inventory that have a member among {@code hosts}, each with its
   * recipe.
   *
   * @throws org.herd.recipe.RecipeException when a cluster names a recipe that is not in force
   */
  static RunRecipes of(Workspace workspace, List<String> hosts, boolean finalizeAsked) {
    if (workspace.inventory().isEmpty()) {
      return new RunRecipes(Map.of(), finalizeAsked);
    }
    Map<String, ClusterBinding> inRun = new LinkedHashMap<>();
    ClusterBindings.of(workspace.inventory().get(), workspace.recipes())
        .forEach(
            (name, binding) -> {
              if (binding.members().stream().anyMatch(hosts::contains)) {
                inRun.put(name, binding);
              }
            });
    return new RunRecipes(inRun, finalizeAsked);
  }

  /**
   * Which of {@code hosts} (those the rollout lets install ahead) wait for their turn for which
   * packages: their clusters' recipes' {@code in-turn:} lists.
   */
  AheadInstalls aheadInstalls(Set<String> hosts) {
    Map<String, Predicate<PackageName>> inTurn = new LinkedHashMap<>();
    for (String host : hosts) {
      List<Recipe> recipes =
          clusters.values().stream()
              .filter(binding -> binding.members().contains(host))
              .map(ClusterBinding::recipe)
              .toList();
      inTurn.put(host, pkg -> recipes.stream().anyMatch(r -> r.installsInTurn(pkg.toString())));
    }
    return new AheadInstalls(hosts, inTurn);
  }

  /** Who answers the scheduler about these clusters. */
  ClusterPolicy policy(RecipeChecks checks) {
    return clusters.isEmpty()
        ? ClusterPolicy.NONE
        : new RecipePolicy(clusters, checks, finalizeAsked);
  }

  /** The apt steps, with the recipes' drain, health and undrain added for cluster members. */
  StepActions steps(StepActions apt, RecipeChecks checks) {
    return clusters.isEmpty()
        ? apt
        : new RecipeStepActions(apt, ClusterBindings.byHost(clusters), checks);
  }
}
