package org.herd.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.nodeset.NodeSet;

/**
 * Hosts that together run one clustered service, upgraded by one recipe and never disrupted beyond
 * their budget.
 *
 * @param name the cluster name
 * @param members its hosts
 * @param recipe the name of the recipe that knows the service (the cluster name unless set)
 * @param budget how many members may be out of service at once, when the inventory says; else the
 *     recipe's default applies (see {@link #allowed(DisruptionBudget)})
 * @param order the member order to upgrade in, when the service needs one (leader last…); empty
 *     when any order will do
 * @param vars free-form variables of the cluster
 */
public record Cluster(
    String name,
    NodeSet members,
    String recipe,
    Optional<DisruptionBudget> budget,
    List<String> order,
    Map<String, Object> vars) {

  /** Freezes the cluster. */
  public Cluster {
    order = List.copyOf(order);
    vars = FrozenVars.copy(vars);
  }

  /**
   * How many members may be out at once, for this cluster's size: the inventory's budget, else
   * {@code recipeDefault} (the budget its recipe declares).
   */
  public int allowed(DisruptionBudget recipeDefault) {
    return budget.orElse(recipeDefault).allowed(members.size());
  }

  /** The budget in words: the inventory's, or which default applies. */
  public String budgetText(DisruptionBudget recipeDefault) {
    return budget.map(Object::toString).orElse("recipe's " + recipeDefault);
  }

  /** The members in upgrade order: {@link #order} if given, else node-set order. */
  public List<String> orderedMembers() {
    return order.isEmpty() ? members.expand() : order;
  }
}
