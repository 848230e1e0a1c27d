package org.herd.cli;

import java.util.List;
import java.util.Map;
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
 * @param nodes the selected hosts
 * @param endpoints one endpoint per host, in node-set order
 * @param kinds the transport of each host, by name
 */
record FleetTargets(NodeSet nodes, List<Endpoint> endpoints, Map<String, TransportKind> kinds) {

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
    NodeSet nodes = selection.select(groups);
    Reach reach = workspace.reach(nodes.expand());
    return new FleetTargets(nodes, List.copyOf(reach.endpoints().values()), reach.kinds());
  }
}
