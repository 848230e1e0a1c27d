package org.herd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.inventory.Connection;
import org.herd.inventory.ConnectionSettings;
import org.herd.inventory.Host;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryException;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryLocator;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import org.herd.transport.Become;
import org.herd.transport.Endpoint;
import org.herd.transport.TransportKind;

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
   * when the selection names groups ({@code -g}, {@code -a}, {@code @group}).
   */
  static FleetTargets resolve(
      CliContext context, NodeSelection selection, ConnectOptions connect, String inventoryOption) {
    Inventory inventory = inventory(context, selection.needsGroups(), inventoryOption);
    GroupResolver groups = inventory == null ? GroupResolver.NONE : inventory.groupResolver();
    NodeSet nodes = selection.select(groups);
    Map<String, Host> known = inventory == null ? Map.of() : inventory.hostsByName();
    TransportKind forced = connect.kind();
    List<Endpoint> endpoints = new ArrayList<>(nodes.size());
    Map<String, TransportKind> kinds = new LinkedHashMap<>();
    for (String name : nodes) {
      Host host = known.get(name);
      Endpoint endpoint =
          host == null ? Endpoint.of(name) : endpoint(context, host.connection(), name);
      if (connect.become()) {
        endpoint = endpoint.withBecome(Become.SUDO);
      }
      endpoints.add(endpoint);
      kinds.put(name, forced != null ? forced : kind(host));
    }
    return new FleetTargets(nodes, endpoints, kinds);
  }

  private static Inventory inventory(CliContext context, boolean required, String option) {
    InventoryLocator locator = new InventoryLocator(context.env(), context.workingDirectory());
    if (!required && option == null) {
      try {
        return InventoryLoader.load(locator.locate(null));
      } catch (InventoryException e) {
        // No inventory is fine for plain host names (ssh_config says how to reach them), but a
        // broken one is not: report it unless none was found at all.
        if (hasInventoryFile(context)) {
          throw e;
        }
        return null;
      }
    }
    return InventoryLoader.load(locator.locate(option));
  }

  private static boolean hasInventoryFile(CliContext context) {
    return context.env().containsKey(InventoryLocator.ENV)
        || context.workingDirectory().resolve("herd.yaml").toFile().isFile()
        || InventoryLocator.SYSTEM.toFile().isFile();
  }

  /**
   * The inventory fills in every field, with the host name and port 22 as defaults; passing those
   * on would override ssh_config's HostName and Port, so they are left to ssh_config instead.
   */
  private static Endpoint endpoint(CliContext context, Connection connection, String name) {
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
    if (connection.sshConfig() != null) {
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
