package org.herd.inventory;

import java.util.List;
import java.util.Map;
import org.herd.nodeset.NodeSet;

/**
 * Hosts that together run one clustered service, upgraded by one recipe and never disrupted beyond
 * their budget.
 *
 * @param name the cluster name
 * @param members its hosts
 * @param recipe the name of the recipe that knows the service (the cluster name unless set)
 * @param budget how many members may be out of service at once
 * @param order the member order to upgrade in, when the service needs one (leader last…); empty
 *     when any order will do
 * @param vars free-form variables of the cluster
 */
public record Cluster(
    String name,
    NodeSet members,
    String recipe,
    DisruptionBudget budget,
    List<String> order,
    Map<String, Object> vars) {

  /** Freezes the cluster. */
  public Cluster {
    order = List.copyOf(order);
    vars = FrozenVars.copy(vars);
  }

  /** How many members may be out at once, for this cluster's size. */
  public int allowed() {
    return budget.allowed(members.size());
  }

  /** The members in upgrade order: {@link #order} if given, else node-set order. */
  public List<String> orderedMembers() {
    return order.isEmpty() ? members.expand() : order;
  }
}
