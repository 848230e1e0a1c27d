package org.herd.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.herd.inventory.Connection;
import org.herd.inventory.ConnectionSettings;
import org.herd.inventory.Host;
import org.herd.inventory.Inventory;
import org.herd.text.TextFile;
import org.herd.transport.Become;
import org.herd.transport.Endpoint;
import org.herd.transport.TransportKind;

/**
 * How to reach each of some hosts: its endpoint (address, port, user, ssh_config, identity file,
 * ssh options, sudo) from the inventory's connection settings and the operator's, and its
 * transport. A host the inventory does not know is reached by its name over ssh, as clush reaches
 * it: ssh_config says the rest. An ssh option the host's transport cannot honour is refused here,
 * before anything connects.
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
   * @throws InvalidRequest when the inventory names an ssh_config or identity file that cannot be
   *     read, or an ssh option (the inventory's or the operator's) that the transport cannot honour
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
      List<String> options = host.map(h -> h.connection().sshOptions()).orElse(List.of());
      List<String> sshOptions = new ArrayList<>(connect.sshOptions());
      sshOptions.addAll(options);
      endpoint = endpoint.withSshOptions(sshOptions);
      TransportKind kind =
          connect.transport().orElseGet(() -> host.map(Reach::kind).orElse(TransportKind.SSH));
      refuseUnsupported(kind, connect.sshOptions(), option -> "-o " + option);
      refuseUnsupported(
          kind, options, option -> "inventory: host " + name + ": ssh_options " + option);
      endpoints.put(name, endpoint);
      kinds.put(name, kind);
    }
    return new Reach(endpoints, kinds);
  }

  /** Refuses the first of {@code options} that {@code kind} cannot honour. */
  private static void refuseUnsupported(
      TransportKind kind, List<String> options, Function<String, String> where) {
    for (String option : options) {
      kind.refusal(option)
          .ifPresent(
              why -> {
                throw new InvalidRequest(where.apply(option) + ": " + why);
              });
    }
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
      endpoint = endpoint.withSshConfig(readable(connection.sshConfig(), "ssh_config", name, home));
    }
    if (connection.identityFile() != null) {
      endpoint =
          endpoint.withIdentityFile(
              readable(connection.identityFile(), "identity_file", name, home));
    }
    if (connection.become() == org.herd.inventory.Become.SUDO) {
      endpoint = endpoint.withBecome(Become.SUDO);
    }
    return endpoint;
  }

  /** The file an inventory names, {@code ~/} in {@code home}; refused when it cannot be read. */
  private static Path readable(String named, String key, String host, Path home) {
    Path file =
        named.equals("~") || named.startsWith("~/")
            ? Path.of(home + named.substring(1))
            : Path.of(named);
    TextFile.unreadable(named, file)
        .ifPresent(
            why -> {
              throw new InvalidRequest(
                  "inventory: host " + host + ": " + key + " " + named + ": " + why);
            });
    return file;
  }

  private static TransportKind kind(Host host) {
    return switch (host.connection().transport()) {
      case SSH -> TransportKind.SSH;
      case OPENSSH -> TransportKind.OPENSSH;
      case LOCAL -> TransportKind.LOCAL;
    };
  }
}
