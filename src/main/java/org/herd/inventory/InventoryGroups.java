package org.herd.inventory;

import java.util.List;
import java.util.Optional;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;

/**
 * Resolves the groups of node-set expressions through an inventory: {@code @web} is group {@code
 * web} of the default source ({@code herd}, or the first source of a ClusterShell file), {@code
 * @racks:rack1} group {@code rack1} of source {@code racks}. {@code @*} is every host of the
 * default source: every host of a herd or Ansible inventory; for a ClusterShell source, as in
 * ClusterShell, its {@code all} group if it has one, else the union of its groups.
 */
public final class InventoryGroups implements GroupResolver {

  private final Inventory inventory;

  /** A resolver over {@code inventory}. */
  public InventoryGroups(Inventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public Optional<String> group(String source, String name) {
    return inventory.group(source, name).map(g -> g.hosts().fold());
  }

  @Override
  public Optional<String> all(String source) {
    String s = source == null ? inventory.defaultSource() : source;
    if (s.equals(InventorySpec.HERD_SOURCE)) {
      return Optional.of(inventory.hostNames().fold());
    }
    Optional<Group> all = inventory.group(s, "all");
    if (all.isPresent()) {
      return Optional.of(all.get().hosts().fold());
    }
    List<NodeSet> sets =
        inventory.groups().stream().filter(g -> g.source().equals(s)).map(Group::hosts).toList();
    if (sets.isEmpty()) {
      return Optional.empty();
    }
    NodeSet union = NodeSet.empty();
    for (NodeSet set : sets) {
      union = union.union(set);
    }
    return Optional.of(union.fold());
  }
}
