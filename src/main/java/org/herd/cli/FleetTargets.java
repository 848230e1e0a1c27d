package org.herd.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.herd.inventory.Inventory;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import org.herd.ops.Reach;
import org.herd.ops.Workspace;
import org.herd.transport.Endpoint;
import org.herd.transport.TransportKind;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The hosts a command targets and how to reach each of them: the node selection resolved through
 * the inventory (when there is one), each host's connection settings from the inventory, and
 * ssh_config for everything the inventory leaves open, as {@code clush} relies on ssh_config.
 *
 * @param selection the selected hosts, and which option selected which
 * @param reach how to reach each of them, in node-set order
 * @param inventory the inventory they were resolved through, when there is one
 */
record FleetTargets(NodeSelection.Selection selection, Reach reach, Optional<Inventory> inventory) {

  /** One endpoint per host, in node-set order. */
  List<Endpoint> endpoints() {
    return List.copyOf(reach.endpoints().values());
  }

  /** The transport of each host, by name. */
  Map<String, TransportKind> kinds() {
    return reach.kinds();
  }

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
    return resolve(spec, selection, CliWorkspace.of(spec, CliContext.of(spec), connect, List.of()));
  }

  /** As {@link #resolve(CommandSpec, NodeSelection, ConnectOptions)}, on {@code workspace}. */
  static FleetTargets resolve(CommandSpec spec, NodeSelection selection, Workspace workspace) {
    if (selection.needsGroups() && workspace.inventory().isEmpty()) {
      // Plain host names need no inventory (ssh_config says how to reach them, as for clush);
      // groups do: say why there is none.
      CliInventory.locate(spec);
    }
    GroupResolver groups =
        workspace
            .inventory()
            .<GroupResolver>map(Inventory::groupResolver)
            .orElse(GroupResolver.NONE);
    NodeSelection.Selection selected =
        selection.select(groups, CliContext.of(spec).workingDirectory(), new Random());
    Reach reach = workspace.reach(selected.nodes().expand());
    return new FleetTargets(selected, reach, workspace.inventory());
  }
}
