package org.herd.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.inventory.Cluster;
import org.herd.inventory.Host;
import org.herd.inventory.Inventory;
import org.herd.recipe.Recipe;
import org.herd.recipe.RecipeCatalog;
import org.herd.recipe.RecipeException;
import org.herd.recipe.SourcePosition;
import org.herd.text.DidYouMean;

/**
 * Binds the inventory's clusters to their recipes: a cluster's {@code recipe:} names one of the
 * catalog; a cluster that names none (its recipe defaults to its own name) and whose name is no
 * recipe gets {@code generic}.
 */
public final class ClusterBindings {

  private ClusterBindings() {}

  /**
   * Every cluster of {@code inventory} with its recipe.
   *
   * @throws RecipeException when a cluster names a recipe the catalog does not have
   */
  public static Map<String, ClusterBinding> of(Inventory inventory, RecipeCatalog catalog) {
    Map<String, ClusterBinding> bindings = new LinkedHashMap<>();
    for (Cluster cluster : inventory.clusters()) {
      Optional<Recipe> recipe = catalog.find(cluster.recipe());
      if (recipe.isEmpty() && cluster.recipe().equals(cluster.name())) {
        recipe = catalog.find("generic");
      }
      if (recipe.isEmpty()) {
        throw new RecipeException(
            SourcePosition.of(inventory.file()),
            "cluster "
                + cluster.name()
                + ": no recipe named "
                + cluster.recipe()
                + DidYouMean.hint(
                    cluster.recipe(),
                    catalog.entries().stream().map(e -> e.recipe().name()).toList())
                + " (herd recipe list shows them)");
      }
      List<String> members = cluster.members().expand();
      Map<String, String> addresses = new LinkedHashMap<>();
      for (String member : members) {
        inventory
            .host(member)
            .map(Host::connection)
            .ifPresent(c -> addresses.put(member, c.address()));
      }
      Map<String, String> vars = new LinkedHashMap<>();
      cluster.vars().forEach((k, v) -> vars.put(k, String.valueOf(v)));
      bindings.put(
          cluster.name(),
          new ClusterBinding(cluster.name(), recipe.get(), members, addresses, vars));
    }
    return bindings;
  }

  /** Each host's clusters, for {@link RecipeStepActions}. */
  public static Map<String, List<ClusterBinding>> byHost(Map<String, ClusterBinding> clusters) {
    Map<String, List<ClusterBinding>> byHost = new LinkedHashMap<>();
    for (ClusterBinding binding : clusters.values()) {
      for (String member : binding.members()) {
        byHost.computeIfAbsent(member, m -> new ArrayList<>()).add(binding);
      }
    }
    return byHost;
  }
}
