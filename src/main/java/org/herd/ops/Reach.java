package org.herd.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.herd.inventory.Connection;
import org.herd.inventory.ConnectionSettings;
import org.herd.inventory.Host;
import org.herd.inventory.Inventory;
import org.herd.transport.Become;
import org.herd.transport.Endpoint;
import org.herd.transport.TransportKind;

/**
 * How to reach each of some hosts: its endpoint (address, port, user, ssh_config, sudo) from the
 * inventory's connection settings, and its transport. A host the inventory does not know is reached
 * by its name over ssh, as clush reaches it: ssh_config says the rest.
 *
 * @param endpoints one endpoint per host, in the order asked
 * @param kinds each host's transport, by name
 */
public record Reach(Map<String, Endpoint> endpoints, Map<String, TransportKind> kinds) {

  /** Freezes the maps (their order kept). */
  public Reach {
    endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
  }

  /**
   * How to reach {@code hosts} under {@code inventory} (when there is one) and what the operator
   * asked. The inventory's ssh_config paths are absolute (the inventory makes relative ones
   * relative to its file) or start with {@code ~/}, the operator's {@code home}.
   *
   * @throws InvalidRequest when the inventory names an ssh_config file that cannot be read
   */
  public static Reach of(
      Optional<Inventory> inventory, Collection<String> hosts, ConnectSettings connect, Path home) {
    Map<String, Host> known = inventory.map(Inventory::hostsByName).orElse(Map.of());
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    Map<String, TransportKind> kinds = new LinkedHashMap<>();
    for (String name : hosts) {
      Optional<Host> host = Optional.ofNullable(known.get(name));
      Endpoint endpoint =
          host.map(h -> endpoint(h.connection(), name, connect, home)).orElse(Endpoint.of(name));
      if (connect.become()) {
        endpoint = endpoint.withBecome(Become.SUDO);
      }
      endpoints.put(name, endpoint);
      kinds.put(
          name,
          connect.transport().orElseGet(() -> host.map(Reach::kind).orElse(TransportKind.SSH)));
    }
    return new Reach(endpoints, kinds);
  }

  /**
   * The inventory fills in every field, with the host name and port 22 as defaults; passing those
   * on would override ssh_config's HostName and Port, so they are left to ssh_config instead.
   */
  private static Endpoint endpoint(
      Connection connection, String name, ConnectSettings connect, Path home) {
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
    // An ssh_config named on the command line wins over the inventory's.
    if (connection.sshConfig() != null && !connect.sshConfigGiven()) {
      String named = connection.sshConfig();
      Path sshConfig =
          named.equals("~") || named.startsWith("~/")
              ? Path.of(home + named.substring(1))
              : Path.of(named);
      if (!(Files.isRegularFile(sshConfig) && Files.isReadable(sshConfig))) {
        throw new InvalidRequest(
            "inventory: host "
                + name
                + ": ssh_config "
                + connection.sshConfig()
                + ": "
                + (Files.isDirectory(sshConfig)
                    ? "a directory, not a file"
                    : Files.exists(sshConfig) ? "permission denied" : "no such file"));
      }
      endpoint = endpoint.withSshConfig(sshConfig);
    }
    if (connection.become() == org.herd.inventory.Become.SUDO) {
      endpoint = endpoint.withBecome(Become.SUDO);
    }
    return endpoint;
  }

  private static TransportKind kind(Host host) {
    return switch (host.connection().transport()) {
      case SSH -> TransportKind.SSH;
      case OPENSSH -> TransportKind.OPENSSH;
      case LOCAL -> TransportKind.LOCAL;
    };
  }
}
