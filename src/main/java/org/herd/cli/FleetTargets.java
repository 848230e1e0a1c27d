package org.herd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.inventory.Connection;
import org.herd.inventory.ConnectionSettings;
import org.herd.inventory.Host;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryException;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryRef;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import org.herd.transport.Become;
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
    CliContext context = CliContext.of(spec);
    Inventory inventory = inventory(spec, selection.needsGroups());
    GroupResolver groups = inventory == null ? GroupResolver.NONE : inventory.groupResolver();
    NodeSet nodes = selection.select(groups);
    Map<String, Host> known = new HashMap<>();
    if (inventory != null) {
      inventory.hosts().forEach(host -> known.put(host.name(), host));
    }
    TransportKind forced = connect.kind();
    List<Endpoint> endpoints = new ArrayList<>(nodes.size());
    Map<String, TransportKind> kinds = new LinkedHashMap<>();
    for (String name : nodes) {
      Host host = known.get(name);
      Endpoint endpoint =
          host == null
              ? Endpoint.of(name)
              : endpoint(context, host.connection(), name, connect.sshConfig == null);
      if (connect.become()) {
        endpoint = endpoint.withBecome(Become.SUDO);
      }
      endpoints.add(endpoint);
      kinds.put(name, forced != null ? forced : kind(host));
    }
    return new FleetTargets(nodes, endpoints, kinds);
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

  /**
   * The inventory fills in every field, with the host name and port 22 as defaults; passing those
   * on would override ssh_config's HostName and Port, so they are left to ssh_config instead.
   */
  private static Endpoint endpoint(
      CliContext context, Connection connection, String name, boolean inventorySshConfig) {
    Endpoint endpoint = Endpoint.of(name);
    if (!connection.address().equals(name)) {
      endpoint = endpoint.withHostname(connection.address());
    }
    if (connection.port() != ConnectionSettings.DEFAULT_PORT) {
      endpoint = endpoint.withPort(connection.port());
    }
    if (connection.user() != null) {
      endpoint = endpoint.withUser(connection.user());
    }
    // --ssh-config on the command line wins over the inventory's.
    if (connection.sshConfig() != null && inventorySshConfig) {
      Path config = context.resolve(connection.sshConfig());
      endpoint = endpoint.withSshConfig(config);
    }
    if (connection.become() == org.herd.inventory.Become.SUDO) {
      endpoint = endpoint.withBecome(Become.SUDO);
    }
    return endpoint;
  }

  private static TransportKind kind(Host host) {
    if (host == null) {
      return TransportKind.SSH;
    }
    return switch (host.connection().transport()) {
      case SSH -> TransportKind.SSH;
      case OPENSSH -> TransportKind.OPENSSH;
      case LOCAL -> TransportKind.LOCAL;
    };
  }
}
