package org.herd.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryException;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryRef;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import org.herd.ops.Reach;
import org.herd.transport.Endpoint;
import org.herd.transport.TransportKind;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The hosts a command targets and how to reach each of them: the node selection resolved through
 * the inventory (when there is one), each host's connection settings from the inventory, and
 * ssh_config for everything the inventory leaves open, as {@code clush} relies on ssh_config.
 *
 * @param selection the selected hosts, and which option selected which
 * @param endpoints one endpoint per host, in node-set order
 * @param kinds the transport of each host, by name
 * @param inventory the inventory they were resolved through, when there is one
 */
record FleetTargets(
    NodeSelection.Selection selection,
    List<Endpoint> endpoints,
    Map<String, TransportKind> kinds,
    Optional<Inventory> inventory) {

  /** The selected hosts. */
  NodeSet nodes() {
    return selection.nodes();
  }

  /**
   * Resolves the selection. An inventory is read when one is named or found; it is required only
   * when the selection names groups ({@code -g}, {@code -a}, {@code @group}). A broken inventory is
   * an error either way.
   */
  static FleetTargets resolve(CommandSpec spec, NodeSelection selection, ConnectOptions connect) {
    CliContext context = CliContext.of(spec);
    Inventory inventory = inventory(spec, selection.needsGroups());
    GroupResolver groups = inventory == null ? GroupResolver.NONE : inventory.groupResolver();
    NodeSelection.Selection selected =
        selection.select(groups, context.workingDirectory(), new Random());
    Reach reach =
        Reach.of(
            Optional.ofNullable(inventory),
            selected.nodes().expand(),
            connect.settings(context),
            context.home());
    return new FleetTargets(
        selected,
        List.copyOf(reach.endpoints().values()),
        reach.kinds(),
        Optional.ofNullable(inventory));
  }

  private static Inventory inventory(CommandSpec spec, boolean required) {
    InventoryRef ref;
    try {
      ref = CliInventory.locate(spec);
    } catch (InventoryException none) {
      // Plain host names need no inventory: ssh_config says how to reach them, as for clush.
      if (required) {
        throw none;
      }
      return null;
    }
    return InventoryLoader.load(ref);
  }
}
